import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

// Throwaway OS users for the isolation tests: unique names, removed afterwards. Root only.

export const canManageUsers =
  process.getuid?.() === 0 &&
  ['useradd', 'userdel', 'runuser', 'setpriv', 'getent'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
  );

export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function addUser(name: string, home: string): void {
  execFileSync('useradd', ['--no-create-home', '--home-dir', home, '--shell', '/bin/sh', name]);
}

export function removeUser(name: string): void {
  spawnSync('userdel', [name]);
  spawnSync('groupdel', [name]); // left when userdel did not take it
}

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run a program as `user`, with exactly `env` (the way an agent's hook runs: its own environment). */
export function runAs(user: string, argv: string[], env: Record<string, string>, input?: string): Ran {
  const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const r = spawnSync('runuser', ['-u', user, '--', 'env', '-i', ...envArgs, ...argv], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
