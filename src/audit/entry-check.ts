import { hash } from 'node:crypto';
import type { AuditEntry, AuditTuple } from '../store/types.js';

// One entry against the chain: its place, its link, its hash, and the columns stored beside its hashed
// body. When something does not fit, say what was changed as precisely as the neighbours allow.

type ProblemKind =
  | 'missing'
  | 'reordered'
  | 'altered-body'
  | 'altered-hash'
  | 'altered-link'
  | 'altered-column'
  | 'rewritten'
  | 'truncated'
  | 'bad-checkpoint'
  | 'unknown-key'
  | 'head'
  | 'witness'
  | 'foreign-key'
  | 'checkpoints-missing'
  | 'outside-witness';

export interface VerifyProblem {
  /** The first entry that is wrong (or, for a cut tail, the first that is gone). */
  seq: number;
  kind: ProblemKind;
  message: string;
}

/** sha256(prevHash ‖ body) in hex. One-shot `hash` builds no Hash object per entry (a third of the cost). */
export function entryHash(prevHash: string, body: string): string {
  return hash('sha256', prevHash + body, 'hex');
}

// Actor and type names repeat from entry to entry: quote each once. Each column keeps its last one at hand
// (the next entry's is nearly always the same, and comparing it is cheaper than hashing it for the Map).
const quotedNames = new Map<string, string>();
class Quoter {
  private name = '';
  private text = '""';

  quote(name: string): string {
    if (name === this.name) return this.text;
    let text = quotedNames.get(name);
    if (text === undefined) {
      if (quotedNames.size >= 1024) quotedNames.clear();
      text = JSON.stringify(name);
      quotedNames.set(name, text);
    }
    this.name = name;
    this.text = text;
    return text;
  }
}
const actors = new Quoter();
const types = new Quoter();

/**
 * Cheap exact test: a canonical body starts `{"actor":…,"at":…,"data":` and ends `,"seq":…,"type":…}`
 * (keys sorted). Compared in place, piece by piece, so a million entries build no strings.
 */
function columnsFit(body: string, seq: number, at: number, type: string, actor: string): boolean {
  let head = after(body, '{"actor":', 0);
  head = after(body, actors.quote(actor), head);
  head = after(body, ',"at":', head);
  head = afterNumber(body, at, head);
  head = after(body, ',"data":', head);
  let tail = before(body, '}', body.length);
  tail = before(body, types.quote(type), tail);
  tail = before(body, ',"type":', tail);
  tail = numberBefore(body, seq, tail);
  tail = before(body, ',"seq":', tail);
  return head >= 0 && tail >= head;
}

/** Where `piece` ends if the text holds it at `from`; -1 if not (or `from` already is). */
function after(text: string, piece: string, from: number): number {
  return from >= 0 && text.startsWith(piece, from) ? from + piece.length : -1;
}

/** Where `piece` starts if the text holds it just before `end`; -1 if not (or `end` already is). */
function before(text: string, piece: string, end: number): number {
  const start = end - piece.length;
  return end >= 0 && start >= 0 && text.startsWith(piece, start) ? start : -1;
}

// Whole numbers are read from the text where they stand (multiplying, no string per entry) and compared
// with the column. Exact for what JSON.stringify writes for a safe non-negative integer: its digits with no
// leading zero; at most 15 digits are read this way, so the sum never leaves the doubles' exact range.
const MAX_READ_DIGITS = 15;

/** Where the number ends if the text holds exactly `n`'s decimal digits at `from`; -1 if not. */
function afterNumber(text: string, n: number, from: number): number {
  if (from < 0) return -1;
  let end = from;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return digitsAre(text, from, end, n) ? end : after(text, String(n), from);
}

/** Where the number starts if the text holds exactly `n`'s decimal digits just before `end`; -1 if not. */
function numberBefore(text: string, n: number, end: number): number {
  if (end < 0) return -1;
  let start = end;
  while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
  return digitsAre(text, start, end, n) ? start : before(text, String(n), end);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The digits in [start, end) are `n` as JSON writes it (false also for what this fast path cannot tell). */
function digitsAre(text: string, start: number, end: number, n: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_READ_DIGITS) return false;
  if (length > 1 && text.charCodeAt(start) === 48) return false;
  let value = 0;
  for (let k = start; k < end; k++) value = value * 10 + (text.charCodeAt(k) - 48);
  return value === n;
}

type Parsed = { seq?: unknown; at?: unknown; type?: unknown; actor?: unknown };

function parseBody(body: string): Parsed | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === 'object' ? (value as Parsed) : undefined;
  } catch {
    return undefined;
  }
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** Columns that differ from the hashed body: [column, stored, hashed]. */
function columnDiffs(e: AuditEntry, body: Parsed): [string, unknown, unknown][] {
  const diffs: [string, unknown, unknown][] = [];
  if (body.seq !== e.seq) diffs.push(['seq', e.seq, body.seq]);
  if (body.at !== e.at) diffs.push(['at', e.at, body.at]);
  if (body.type !== e.type) diffs.push(['type', e.type, body.type]);
  if (body.actor !== e.actor) diffs.push(['actor', e.actor, body.actor]);
  return diffs;
}

export interface EntryContext {
  /** The seq this entry must have. */
  expected: number;
  /** The hash the entry must link to; undefined for the anchor (the first entry checked after a checkpoint). */
  prev: string | undefined;
  /** The next entry, when the caller has it (to tell a changed body from a changed hash). */
  next?: () => Promise<AuditEntry | undefined>;
}

/** The common case, synchronously: the entry is where it belongs, links, hashes and matches its columns. */
export function entryFits(
  t: AuditTuple,
  expected: number,
  prev: string | undefined,
  computed: string,
): boolean {
  // Indexed, not destructured: destructuring an array runs its iterator, a cost per entry.
  const seq = t[0];
  const at = t[1];
  const type = t[2];
  const actor = t[3];
  const body = t[4];
  const prevHash = t[5];
  const hash = t[6];
  return (
    seq === expected &&
    computed === hash &&
    (prev === undefined || prevHash === prev) &&
    columnsFit(body, seq, at, type, actor)
  );
}

/** Undefined when the entry fits; else the problem. `computed` is the hash its contents give. */
export async function checkEntry(
  e: AuditEntry,
  ctx: EntryContext,
  computed: string,
): Promise<VerifyProblem | undefined> {
  const { expected, prev } = ctx;
  if (e.seq !== expected)
    return {
      seq: expected,
      kind: 'missing',
      message:
        e.seq === expected + 1
          ? `entry ${expected} is missing: the log goes from ${expected - 1} to ${e.seq} (a row was deleted)`
          : `entries ${expected}–${e.seq - 1} are missing: the log goes from ${expected - 1} to ${e.seq} (rows were deleted)`,
    };
  const intact = computed === e.hash;
  if (!columnsFit(e.body, e.seq, e.at, e.type, e.actor)) {
    const body = parseBody(e.body);
    if (!body)
      return {
        seq: e.seq,
        kind: 'altered-body',
        message: `entry ${e.seq}: its body is no longer JSON (it was edited)`,
      };
    if (typeof body.seq === 'number' && body.seq !== e.seq && intact)
      return {
        seq: e.seq,
        kind: 'reordered',
        message: `entry ${e.seq}: this row holds entry ${body.seq} (its hashed body says seq ${body.seq}): rows were swapped or renumbered`,
      };
    const diffs = columnDiffs(e, body);
    if (intact && diffs.length)
      return {
        seq: e.seq,
        kind: 'altered-column',
        message: `entry ${e.seq}: ${diffs.map(([c, stored, hashed]) => `its ${c} column says ${show(stored)} but its hashed body says ${show(hashed)}`).join('; ')} (the column was edited)`,
      };
  }
  if (prev !== undefined && e.prevHash !== prev)
    return intact
      ? {
          seq: e.seq,
          kind: 'reordered',
          message: `entry ${e.seq}: it does not link to entry ${e.seq - 1} (its prev_hash is not that entry's hash): entries were removed, inserted or reordered before it`,
        }
      : {
          seq: e.seq,
          kind: 'altered-link',
          message: `entry ${e.seq}: its prev_hash column was changed (it matches neither entry ${e.seq - 1}'s hash nor its own hash)`,
        };
  if (!intact) {
    const next = ctx.next ? await ctx.next() : undefined;
    if (next && next.prevHash === computed)
      return {
        seq: e.seq,
        kind: 'altered-hash',
        message: `entry ${e.seq}: its stored hash was changed (its contents are intact: entry ${next.seq} still links to their true hash)`,
      };
    const body = parseBody(e.body);
    const diffs = body ? columnDiffs(e, body) : [];
    const where = diffs.length
      ? ` (its ${diffs.map(([c]) => c).join(', ')} differ from its hashed body)`
      : '';
    return {
      seq: e.seq,
      kind: 'altered-body',
      message: `entry ${e.seq}: its contents were changed after it was written${where}: they no longer give its hash ${e.hash.slice(0, 12)}…`,
    };
  }
  return undefined;
}
