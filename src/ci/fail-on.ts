import { EXIT_CODES } from '../core/exit-codes.js';

// Which `plan check` exit codes fail the CI job. The exit code is the final outcome: a require-approval
// that an approval server already granted exits 0. Anything that is not a decision (a bad plan file,
// an internal error, an unknown code) fails the job: a gate that cannot decide does not let the change by.

export const FAIL_ON = ['deny', 'require-approval', 'ask'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The decisions that fail the job at each threshold, strictest last. */
const FAILING: Record<FailOn, readonly number[]> = {
  deny: [EXIT_CODES.deny],
  'require-approval': [EXIT_CODES.deny, EXIT_CODES['require-approval']],
  ask: [EXIT_CODES.deny, EXIT_CODES['require-approval'], EXIT_CODES.ask],
};
const DECISIONS = new Set([
  EXIT_CODES.allow,
  EXIT_CODES.ask,
  EXIT_CODES['require-approval'],
  EXIT_CODES.deny,
]);

/** True when `plan check`'s exit code should fail the job. */
export function failsJob(exitCode: number | null, failOn: FailOn): boolean {
  if (exitCode === null || !DECISIONS.has(exitCode)) return true;
  return FAILING[failOn].includes(exitCode);
}
