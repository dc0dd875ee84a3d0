import { systemMode } from '../daemon/system-trust.js';

/**
 * May a one-shot command keep Cedar verdicts on disk for the next one (and answer from them)? Not once
 * Interlock runs as its own user (system mode): the memo under the user's configuration is then the
 * agent's user's to edit, and a verdict read from it could loosen a decision. The hook decides the same.
 */
export function mayRememberVerdicts(env: NodeJS.ProcessEnv = process.env): boolean {
  return systemMode(env) === undefined;
}
