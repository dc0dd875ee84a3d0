import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyRequest, PolicyVerdict } from '../core/decide.js';
import type { PolicySource } from './policy-file.js';
import type { PolicyDefaults } from './engine.js';

// Cedar verdicts kept on disk between processes. A hook that decides in its own process would otherwise
// compile cedar-wasm (~100 ms) on every tool call, to get the same answer it got a moment ago: most calls
// are harmless commands whose policy request (principal, operation, environment, nothing destroyed) is
// identical. A verdict is a pure function of the request and the policy set, so the memo is exact: its
// file is named by a fingerprint of everything the policy set is made of (every policy's origin and text,
// the schema, the approval defaults, the Cedar build), and a request is looked up by what the policies can
// read of it (request-key.ts): an `rm` of fifty files not seen before is one lookup, not fifty misses.
// The file lives in the user's Interlock configuration directory, which the hooks guard like the policies.

/** 2: requests are looked up by request-key.ts's key (what the policies can read), not their full JSON. */
const FORMAT = 2;
/** Past this size the file starts over (a session's worth of distinct requests is a few kilobytes). */
const MAX_BYTES = 1024 * 1024;
/** Memos of this many policy sets are kept (each edit of a policy makes a new one); older ones go. */
const KEEP_SETS = 16;

/** Remove all but the `keep` most recently written files ending in `suffix` in `dir` (one per policy set). */
export function keepNewest(dir: string, suffix: string, keep = KEEP_SETS): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(suffix))
    .map((n) => ({ path: join(dir, n), at: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of files.slice(keep)) unlinkSync(old.path);
}

export interface PolicySetIdentity {
  sources: readonly PolicySource[];
  schema: string;
  defaults: PolicyDefaults;
  /** Identifies the Cedar build (its WebAssembly file's size and modification time). */
  cedarBuild: string;
}

export function policySetFingerprint(identity: PolicySetIdentity): string {
  const hash = createHash('sha256');
  hash.update(`interlock verdict memo ${FORMAT}\n${identity.cedarBuild}\n`);
  hash.update(JSON.stringify(identity.defaults));
  hash.update(`\n${identity.schema.length}\n${identity.schema}`);
  for (const s of identity.sources)
    hash.update(
      `\n${s.origin.length}:${s.origin}${s.tightenOnly ? ' tighten-only' : ''}\n${s.text.length}\n${s.text}`,
    );
  return hash.digest('hex');
}

function isVerdict(value: unknown): value is PolicyVerdict {
  const v = value as Partial<PolicyVerdict> | null;
  return !!v && Array.isArray(v.matched) && Array.isArray(v.errors) && v.errors.length === 0;
}

/** The verdicts of one policy set, read once; new ones are appended as they are made. */
export class VerdictMemo {
  private readonly known = new Map<string, PolicyVerdict>();
  private readonly file: string;

  constructor(
    readonly dir: string,
    readonly fingerprint: string,
    /** The request's key: its full JSON unless told which fields the policies can read. */
    private readonly keyOf: (request: PolicyRequest) => string = (request) => JSON.stringify(request),
  ) {
    this.file = join(dir, `${fingerprint}.jsonl`);
    let text = '';
    try {
      if (statSync(this.file).size > MAX_BYTES) unlinkSync(this.file);
      else text = readFileSync(this.file, 'utf8');
    } catch {
      return; // none yet
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const { k, v } = JSON.parse(line) as { k?: unknown; v?: unknown };
        if (typeof k === 'string' && isVerdict(v)) this.known.set(k, v);
      } catch {
        // a line cut short by a crash: skip it
      }
    }
  }

  /** Has this policy set been compiled (and found valid) by an earlier process? */
  get seen(): boolean {
    return this.known.size > 0;
  }

  get(request: PolicyRequest): PolicyVerdict | undefined {
    return this.known.get(this.keyOf(request));
  }

  /** Remember a verdict (not one with errors: those are reported, never reused). Never throws. */
  set(request: PolicyRequest, verdict: PolicyVerdict): void {
    if (verdict.errors.length) return;
    const k = this.keyOf(request);
    if (this.known.has(k)) return;
    this.known.set(k, verdict);
    // What a decision reads of a matched policy (decide.ts), not its text: the file stays small.
    const stored: PolicyVerdict = {
      matched: verdict.matched.map(({ id, origin, line, outcome, approvals, group, message }) => ({
        id,
        origin,
        ...(line === undefined ? {} : { line }),
        outcome,
        approvals,
        ...(group === undefined ? {} : { group }),
        ...(message === undefined ? {} : { message }),
      })),
      errors: [],
    };
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const first = this.known.size === 1;
      // One write per line, appended: concurrent hook processes do not interleave within a line.
      appendFileSync(this.file, `${JSON.stringify({ k, v: stored })}\n`, { mode: 0o600 });
      if (first) keepNewest(this.dir, '.jsonl');
    } catch {
      // a read-only home: the verdict still counts for this process
    }
  }
}
