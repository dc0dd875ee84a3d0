import type { PipelineRuntime } from '../app/evaluate.js';
import type { DecisionInput } from '../approvals/api.js';
import type { Identity } from '../store/types.js';

// An agent sends the same body again and again: a retry, a poll of a pending request, the same command in
// a loop. Its text is parsed, checked and assessed by pure code under one runtime's policies (a reloaded
// configuration is another runtime, with nothing remembered), and the caller's identity never changes
// under its id (a revoked token is refused in the decision's transaction), so the same text from the same
// token is the same decision input: remembering it skips JSON.parse, zod, the digest and the assessment
// (issue 17).
// Only what the store then does with it is remembered nowhere: freezes, the circuit breaker, approvals and
// the audit entry are decided in the decision's own transaction, every time.

/** A decision input, with the kind of action it was sent as (for the metrics). */
export interface Assessed {
  kind: string;
  input: DecisionInput;
}

/** Longer bodies (a plan's JSON) are not kept by their text: 4,096 of them would pin gigabytes. */
const MAX_TEXT = 4096;
const MAX_ENTRIES = 4096;

const memos = new WeakMap<PipelineRuntime, Map<string, Assessed>>();

const keyOf = (caller: Identity, text: string) => `${caller.id}\n${text}`;

/** What this caller's body with this exact text was assessed as under `runtime`, if it is remembered. */
export function recallAssessed(
  runtime: PipelineRuntime,
  caller: Identity,
  text: string,
): Assessed | undefined {
  if (text.length > MAX_TEXT) return undefined;
  const memo = memos.get(runtime);
  const key = keyOf(caller, text);
  const known = memo?.get(key);
  if (known) {
    memo!.delete(key); // most recently used last
    memo!.set(key, known);
  }
  return known;
}

/** Remember a body's assessment (short bodies only), forgetting the least recently used past the limit. */
export function rememberAssessed(
  runtime: PipelineRuntime,
  caller: Identity,
  text: string,
  assessed: Assessed,
): void {
  if (text.length > MAX_TEXT) return;
  let memo = memos.get(runtime);
  if (!memo) memos.set(runtime, (memo = new Map()));
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(keyOf(caller, text), assessed);
}
