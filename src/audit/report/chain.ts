import { isoSeconds } from '../time.js';
import type { ActionRow, ExecutionRow } from './model.js';

// One action's story in one line, for the incident report: decision → approvals → execution → outcome, and
// whose credentials it ran with (the agent's own, or the broker's named entry).

const hm = (ms: number) => isoSeconds(ms).slice(11, 19);

/** "agent's own" unless the broker ran it with one of its entries. */
function credentialsText(x: ExecutionRow): string {
  return x.credentials ? x.credentials : "agent's own";
}

/** exit status, duration and credentials of one run. */
export function executionText(x: ExecutionRow): string {
  const status =
    x.exitCode !== undefined ? `exit ${x.exitCode}` : x.signal ? `signal ${x.signal}` : (x.result ?? 'ran');
  const took = x.durationMs !== undefined ? `, ${Math.round(x.durationMs)} ms` : '';
  return `${status}${took} at ${hm(x.at)}, credentials: ${credentialsText(x)}`;
}

function approvalsStep(a: ActionRow): string {
  if (!a.requestId) return 'no approval needed';
  const who = a.approvals.map((x) => `${x.approver} ${hm(x.at)}`).join(', ');
  if (who) return `approved by ${who}`;
  // The local log holds the request's id only: its approvals are in the approval server's log.
  return a.source === 'local' ? `request ${a.requestId} (approvals in the server's log)` : 'no approvals';
}

export function chainText(a: ActionRow): string {
  const decided = a.policyOutcome && a.policyOutcome !== a.outcome ? a.policyOutcome : a.outcome;
  const runs = a.executions.length ? a.executions.map(executionText).join('; ') : 'not run';
  return `decision ${decided} → ${approvalsStep(a)} → ${runs} → ${a.outcome}`;
}
