import { GENESIS_HASH } from '../store/audit.js';
import { auditFromTuple } from '../store/rows.js';
import type { AuditTuple } from '../store/types.js';
import { checkpointMessage } from './checkpoint.js';
import { checkEntry, entryFits, entryHash, type VerifyProblem } from './entry-check.js';
import { StopPoints, walkFitting, type WalkCursor } from './verify-walk.js';
import type { Keyring } from './keys.js';
import type { AuditLog } from './open.js';
import { KEY_ENTRY_TYPE, recordedKeyOf, type RecordedKey } from './key-record.js';
import type { Checkpoint } from './side-tables.js';
import { keyProblem, outsideProblem, type WitnessedPoint } from './trust-checks.js';
import type { Witness } from './witness.js';

// `interlock audit verify`: walk the chain in pages, hashing as it goes, and hold it against the signed
// checkpoints, the store's head row and this machine's witness file, and (for a log kept on this machine)
// the keys it records and the checkpoints the approval server witnessed. Stops at the first broken entry.

/** What the approval server holds for this log, or why it could not be asked. */
export type OutsideEvidence =
  | { server: string; checkpoints: WitnessedPoint[]; note?: string }
  | { server?: string; missing: string; fatal: boolean };

/**
 * Rows per read. A page small enough to die young (in V8's new space, before the next is read) halves the
 * CPU of a walk against 5,000-row pages, which survive to the old generation and cost full collections.
 */
export const VERIFY_PAGE_SIZE = 1000;

type CheckpointStatus = 'valid' | 'bad-signature' | 'unknown-key' | 'unchecked';

export interface VerifyOptions {
  /** Check from this entry on, starting at the newest signed checkpoint before it (else at the start). */
  from?: number;
  /** Stop after this entry (a segment, for reports); the tail checks are then skipped. */
  to?: number;
  keyring?: Keyring;
  /** Where the keyring came from, for messages. */
  keyringFile?: string;
  /** The witness of this log on this machine (an Error when its file is damaged). */
  witness?: Witness | Error;
  /** The checkpoints the approval server witnessed for this log (a log kept on this machine). */
  outside?: OutsideEvidence;
  /** Only keys the log records (`audit.key` entries) may be in the keyring and sign (a local log). */
  recordedKeysOnly?: boolean;
  pageSize?: number;
}

export interface VerifyReport {
  ok: boolean;
  location: string;
  /** The entries walked (from the anchor on). */
  checked: { from: number; to: number; entries: number };
  /** The newest entry in the log. */
  lastSeq: number;
  anchor: { kind: 'genesis' } | { kind: 'checkpoint'; seq: number; keyId: string; at: number };
  checkpoints: { total: number; verified: number; newest?: { seq: number; at: number; keyId: string } };
  /** The first verified checkpoint at or after the last entry checked: it vouches for all of them. */
  coveredBy?: { seq: number; at: number; keyId: string };
  /** Entries after the newest verified checkpoint: hash-chained, not yet signed. */
  unsigned: number;
  signatures: 'verified' | 'no-keyring' | 'no-checkpoints';
  problem?: VerifyProblem;
  warnings: string[];
  ms: number;
}

function classify(c: Checkpoint, keyring: Keyring | undefined): CheckpointStatus {
  if (!keyring) return 'unchecked';
  if (!keyring.has(c.keyId)) return 'unknown-key';
  return keyring.verify(c.keyId, checkpointMessage(c), c.signature) ? 'valid' : 'bad-signature';
}

const iso = (ms: number) => new Date(ms).toISOString();

function checkpointProblem(
  c: Checkpoint,
  status: CheckpointStatus,
  keyringFile?: string,
): VerifyProblem | undefined {
  if (status === 'bad-signature')
    return {
      seq: c.seq,
      kind: 'bad-checkpoint',
      message: `the checkpoint at entry ${c.seq} (dated ${iso(c.at)}) has a signature that does not verify with key ${c.keyId}: the checkpoint was forged or altered`,
    };
  if (status === 'unknown-key')
    return {
      seq: c.seq,
      kind: 'unknown-key',
      message: `the checkpoint at entry ${c.seq} is signed by key ${c.keyId}, which is not in the keyring${keyringFile ? ` ${keyringFile}` : ''}: it was forged, or this keyring is not the server's (copy it with \`interlock keys show --print-keyring\`)`,
    };
  return undefined;
}

/** A checkpoint at this entry that is forged, unknown, or signed over another hash than the entry's. */
function checkpointMismatch(
  cp: { c: Checkpoint; s: CheckpointStatus },
  seq: number,
  hash: string,
  valid: Checkpoint[],
  keyringFile?: string,
): VerifyProblem | undefined {
  const bad = checkpointProblem(cp.c, cp.s, keyringFile);
  if (bad || cp.c.hash === hash) return bad;
  const before = [...valid].reverse().find((c) => c.seq < seq);
  return {
    seq,
    kind: 'rewritten',
    message: `entry ${seq} does not match the checkpoint signed for it on ${iso(cp.c.at)} (key ${cp.c.keyId}${cp.s === 'unchecked' ? ', signature not checked: no keyring' : ''}): the chain was rewritten somewhere in entries ${(before?.seq ?? 0) + 1}–${seq}`,
  };
}

export async function verifyAuditLog(log: AuditLog, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const warnings: string[] = [];
  const all = await log.side.checkpoints();
  const status = new Map<number, { c: Checkpoint; s: CheckpointStatus }>();
  for (const c of all) status.set(c.seq, { c, s: classify(c, options.keyring) });
  const valid = all.filter((c) => status.get(c.seq)!.s === 'valid');
  const tip = await log.side.lastEntry();
  const lastSeq = tip?.seq ?? 0;

  const from = Math.max(1, options.from ?? 1);
  const anchorCp = from > 1 ? [...valid].reverse().find((c) => c.seq < from) : undefined;
  const anchor: VerifyReport['anchor'] = anchorCp
    ? { kind: 'checkpoint', seq: anchorCp.seq, keyId: anchorCp.keyId, at: anchorCp.at }
    : { kind: 'genesis' };
  if (from > 1 && !anchorCp)
    warnings.push(`no verified checkpoint before entry ${from}: the chain was checked from its first entry`);

  const cursor: WalkCursor = {
    expected: anchorCp ? anchorCp.seq : 1,
    prev: anchorCp ? undefined : GENESIS_HASH,
  };
  let entries = 0;
  let problem: VerifyProblem | undefined;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  const hashAt = new Map<number, string>(); // a witnessed seq → the hash found there
  const witness = options.witness instanceof Error ? undefined : options.witness;
  if (options.witness instanceof Error) warnings.push(options.witness.message);
  const outside = options.outside && 'checkpoints' in options.outside ? options.outside : undefined;
  const watch = new Set([
    ...(witness ? [witness.seq] : []),
    ...(outside?.checkpoints.map((c) => c.seq) ?? []),
  ]);
  const stops = new StopPoints([...status.keys(), ...watch], to);
  const recorded: RecordedKey[] = [];

  // Rows arrive as tuples, a page at a time with the next one already asked for: no object per entry
  // unless it is an `audit.key` entry or something does not fit. walkFitting takes the entries that fit
  // and need nothing else; each other one (a checkpoint's, a watched one, a key, a misfit) is seen here.
  let page = await log.store.auditTuples(cursor.expected, pageSize);
  walk: while (page.length) {
    const full = page.length === pageSize;
    const upcoming: Promise<AuditTuple[]> = full
      ? log.store.auditTuples(page[page.length - 1]![0] + 1, pageSize)
      : Promise.resolve([]);
    upcoming.catch(() => undefined);
    for (let i = 0; i < page.length; i++) {
      const fitted = walkFitting(page, i, cursor, stops.from(cursor.expected));
      entries += fitted - i;
      i = fitted;
      if (i === page.length) break;
      const t = page[i]!;
      const seq = t[0];
      if (seq > to) break walk;
      const hash = t[6];
      const { expected, prev } = cursor;
      const computed = entryHash(t[5], t[4]);
      if (!entryFits(t, expected, prev, computed)) {
        const here = page;
        const after = i + 1;
        const next = async () => {
          const n = here[after] ?? (await upcoming)[0];
          return n && auditFromTuple(n);
        };
        const found = await checkEntry(auditFromTuple(t), { expected, prev, next }, computed);
        if (found) {
          problem = found;
          break walk;
        }
      }
      const cp = status.get(seq);
      if (cp) {
        problem = checkpointMismatch(cp, seq, hash, valid, options.keyringFile);
        if (problem) break walk;
      }
      if (watch.has(seq)) hashAt.set(seq, hash);
      if (t[2] === KEY_ENTRY_TYPE) {
        const key = recordedKeyOf(auditFromTuple(t));
        if (key) recorded.push(key);
      }
      cursor.prev = hash;
      cursor.expected = seq + 1;
      entries++;
    }
    page = await upcoming;
  }
  const lastChecked = cursor.expected - 1;
  const prev = cursor.prev;

  const walkedToEnd = !problem && to === Number.POSITIVE_INFINITY;
  if (walkedToEnd)
    problem = await tailProblem(log, lastChecked, prev, all, status, witness, hashAt, options.keyringFile);
  if (walkedToEnd && !problem && options.outside) {
    const o = options.outside;
    if ('checkpoints' in o) {
      problem = outsideProblem(o.server, o.checkpoints, lastChecked, hashAt, all);
      if (o.note) warnings.push(o.note);
    } else if (o.fatal) problem = { seq: lastChecked + 1, kind: 'outside-witness', message: o.missing };
    else warnings.push(o.missing);
  }
  if (walkedToEnd && !problem && options.recordedKeysOnly) {
    if (anchorCp)
      warnings.push('started at a checkpoint: the keys the log records before it were not checked');
    else problem = keyProblem(options.keyring, recorded, all, options.keyringFile);
  }

  const newest = valid.filter((c) => c.seq <= lastChecked).at(-1);
  const cover = lastChecked > 0 ? valid.find((c) => c.seq >= lastChecked) : undefined;
  const signatures: VerifyReport['signatures'] = !all.length
    ? 'no-checkpoints'
    : options.keyring
      ? 'verified'
      : 'no-keyring';
  if (signatures === 'no-checkpoints' && lastSeq > 0)
    warnings.push(
      'the log has no signed checkpoints: a rewrite of the whole chain would not be caught (run `interlock keys init` where the server runs; it then signs every 1000 entries or 5 minutes)',
    );
  if (signatures === 'no-keyring')
    warnings.push(
      `${all.length} checkpoint${all.length === 1 ? '' : 's'} could not be checked: no keyring${options.keyringFile ? ` at ${options.keyringFile}` : ''} (pass --keyring with a copy of \`interlock keys show --print-keyring\`)`,
    );
  return {
    ok: !problem,
    location: log.location,
    checked: { from: anchorCp ? anchorCp.seq : 1, to: lastChecked, entries },
    lastSeq,
    anchor,
    checkpoints: {
      total: all.length,
      verified: valid.length,
      ...(newest ? { newest: { seq: newest.seq, at: newest.at, keyId: newest.keyId } } : {}),
    },
    ...(cover && !problem ? { coveredBy: { seq: cover.seq, at: cover.at, keyId: cover.keyId } } : {}),
    unsigned: Math.max(0, lastChecked - (newest?.seq ?? 0)),
    signatures,
    ...(problem ? { problem } : {}),
    warnings,
    ms: Math.round(performance.now() - started),
  };
}

/** After the last entry: nothing signed, recorded in the head row or witnessed may lie beyond it. */
async function tailProblem(
  log: AuditLog,
  last: number,
  lastHash: string | undefined,
  all: Checkpoint[],
  status: Map<number, { c: Checkpoint; s: CheckpointStatus }>,
  witness: Witness | undefined,
  hashAt: Map<number, string>,
  keyringFile?: string,
): Promise<VerifyProblem | undefined> {
  const gone = (upTo: number, why: string): VerifyProblem => ({
    seq: last + 1,
    kind: 'truncated',
    message: `the log ends at entry ${last}, but ${why}: entries ${last + 1}–${upTo} were removed (the tail was cut)`,
  });
  for (const c of all.filter((x) => x.seq > last)) {
    const s = status.get(c.seq)!.s;
    const bad = checkpointProblem(c, s, keyringFile);
    if (bad) return bad;
    return gone(
      c.seq,
      `a checkpoint signed on ${iso(c.at)} vouches for entry ${c.seq}${s === 'unchecked' ? ' (signature not checked: no keyring)' : ''}`,
    );
  }
  if (witness) {
    if (witness.seq > last)
      return gone(
        witness.seq,
        `this machine signed a checkpoint for entry ${witness.seq} on ${iso(witness.at)} (its witness file says so)`,
      );
    const kept = status.get(witness.seq);
    if (!kept)
      return {
        seq: witness.seq,
        kind: 'witness',
        message: `the checkpoint this machine signed for entry ${witness.seq} on ${iso(witness.at)} is missing from the database (its witness file remembers it): checkpoints were deleted`,
      };
    if (kept.c.hash !== witness.hash || hashAt.get(witness.seq) !== witness.hash)
      return {
        seq: witness.seq,
        kind: 'rewritten',
        message: `entry ${witness.seq} differs from the checkpoint this machine signed for it on ${iso(witness.at)} (witness file): the chain was rewritten`,
      };
  }
  const head = await log.side.head();
  if (head) {
    if (head.seq > last)
      return gone(head.seq, `the store's head row says the chain reaches entry ${head.seq}`);
    if (head.seq < last)
      return {
        seq: head.seq + 1,
        kind: 'head',
        message: `entries ${head.seq + 1}–${last} were not appended by Interlock: the store's head row still says ${head.seq}`,
      };
    if (last > 0 && lastHash !== undefined && head.hash !== lastHash)
      return {
        seq: last,
        kind: 'head',
        message: `the store's head row holds another hash than entry ${last}: the newest entry was replaced`,
      };
  }
  return undefined;
}
