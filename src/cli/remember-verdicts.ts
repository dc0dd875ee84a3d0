import { fileURLToPath } from 'node:url';
import { buildId } from '../daemon/state-file.js';
import { systemMode } from '../daemon/system-trust.js';

/**
 * May a one-shot command keep Cedar verdicts on disk for the next one (and answer from them)? Not once
 * Interlock runs as its own user (system mode): the memo under the user's configuration is then the
 * agent's user's to edit, and a verdict read from it could loosen a decision. The hook decides the same.
 */
export function mayRememberVerdicts(env: NodeJS.ProcessEnv = process.env): boolean {
  return systemMode(env) === undefined;
}

/**
 * May a one-shot `check` or `explain` keep shell assessments on disk (assessment-memo.ts)? Under the same
 * rule as verdicts, and only as an installed build: the bundle beside this file (its size and time) names
 * the code that assessed, so a new build never takes an older one's assessments.
 */
export function assessmentMemoOptions(env: NodeJS.ProcessEnv = process.env): { build: string } | undefined {
  if (!mayRememberVerdicts(env)) return undefined;
  // dist/cli/, whether this runs as dist/cli/remember-verdicts.js or inside dist/cli/hook-bundle.cjs.
  const build = buildId(fileURLToPath(new URL('./', import.meta.url)));
  return build === undefined ? undefined : { build };
}
