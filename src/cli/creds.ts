import { homedir } from 'node:os';
import { readInheritance } from '../adapters/creds/inheritance.js';
import { placementOf } from '../app/evaluate.js';
import { loadConfig } from '../config/load.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { scanCredentials } from '../creds/scan.js';
import type { Credential, CredentialReport } from '../creds/types.js';
import { processIo, type CliIo } from './io.js';
import { paletteFor, type Palette } from './render.js';

// `interlock creds scan`: every credential the agent's shell can reach, where it reaches and how powerful it
// looks, never a secret. Exits `failed` when one reaches production, so CI can refuse such a runner.

/** The scan of this process's environment and home, placed with the configuration of `cwd`. */
function scanInherited(env: NodeJS.ProcessEnv, cwd: string): CredentialReport {
  const placement = placementOf(loadConfig(cwd, env));
  return scanCredentials(readInheritance(env, env.HOME || homedir()), placement);
}

function line(c: Credential, p: Palette): string {
  const colour = c.environment === 'production' ? p.red : c.environment === 'unknown' ? p.yellow : p.green;
  const power = c.power === 'admin' ? p.bold('admin') : c.power;
  return `  ${colour(c.environment.padEnd(15))} ${power.padEnd(9)} ${c.kind} ${p.bold(c.name)}  ${p.dim(c.source)}\n      ${c.reason}`;
}

function credentialLines(report: CredentialReport, p: Palette): string[] {
  const production = report.credentials.filter((c) => c.environment === 'production').length;
  const head = `Credentials this shell can reach: ${report.credentials.length}${production ? `, ${p.red(`${production} reach production`)}` : ', none reaches production'}`;
  return [head, ...report.credentials.map((c) => line(c, p))];
}

/**
 * `interlock doctor`'s section: the same scan, or why it could not run (a broken configuration is
 * reported by `policy validate`; doctor goes on).
 */
export function credentialsSection(
  env: NodeJS.ProcessEnv,
  cwd: string,
  stdout: CliIo['stdout'],
): { json: CredentialReport | { error: string }; lines: string[] } {
  try {
    const report = scanInherited(env, cwd);
    return { json: report, lines: credentialLines(report, paletteFor(stdout, env)) };
  } catch (error) {
    const message = `credentials not scanned: ${(error as Error).message}`;
    return { json: { error: message }, lines: [message] };
  }
}

export function runCredsScan(options: { json?: boolean }, io: CliIo = processIo()): number {
  const report = scanInherited(io.env, process.cwd());
  io.stdout.write(
    options.json
      ? `${JSON.stringify(report)}\n`
      : `${credentialLines(report, paletteFor(io.stdout, io.env)).join('\n')}\n`,
  );
  return report.production ? EXIT_CODES.failed : EXIT_CODES.ok;
}
