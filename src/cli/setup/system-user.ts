import { execFileSync } from 'node:child_process';

// The system account Interlock runs as: created once with no home and no login shell, reused after.

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The account named `name`, from the system's user database (`getent`, so NSS users count too). */
export function findAccount(name: string): Account | undefined {
  let line: string;
  try {
    line = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim();
  } catch {
    return undefined; // getent exits 2 when there is no such user
  }
  const [, , uid, gid] = line.split(':');
  return uid && gid ? { name, uid: Number(uid), gid: Number(gid) } : undefined;
}

/** The command that creates it: a system user with its own group, no home directory, no shell. */
export function useraddArgs(name: string, home: string): string[] {
  return [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    home,
    '--shell',
    '/usr/sbin/nologin',
    name,
  ];
}

export function ensureAccount(name: string, home: string): { account: Account; created: boolean } {
  const existing = findAccount(name);
  if (existing) return { account: existing, created: false };
  execFileSync('useradd', useraddArgs(name, home), { stdio: ['ignore', 'ignore', 'pipe'] });
  const account = findAccount(name);
  if (!account) throw new Error(`useradd ${name} succeeded but getent passwd ${name} finds no such user`);
  return { account, created: true };
}
