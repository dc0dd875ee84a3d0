import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcess } from '../support/cli.js';

export const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const HOOK_ENTRY = fileURLToPath(new URL('../../dist/cli/hook-fast.cjs', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/hooks/', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** An empty HOME (so no real agent settings or Interlock configuration are read or written). */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'interlock-hooks-'));
}

export function baseEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    NO_COLOR: '1',
    USER: 'dev',
    ...extra,
  };
}

/**
 * `node dist/cli/main.js ARGS` with `input` on stdin and `env` as its whole environment, run in this process
 * (see test/support/cli.ts): for what the CLI does; `runNode` for what its process does.
 */
export async function runHere(
  args: string[],
  input: string,
  env: Record<string, string>,
  cwd?: string,
): Promise<Run> {
  const r = await inProcess(args, { input, env, ...(cwd ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the built CLI (or any node script) in its own process, with `input` on stdin. */
export function runNode(
  args: string[],
  input: string,
  env: Record<string, string>,
  cwd?: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export function fixture(agent: string, name: string): string {
  return readFileSync(join(FIXTURES, agent, name), 'utf8');
}
