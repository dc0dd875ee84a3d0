import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initKeys } from '../../audit/keys.js';
import type { SystemPaths } from '../../daemon/system-paths.js';
import type { Account } from './system-user.js';

// The directories and files `setup --system` owns, with the owner and mode each must have. Applying a
// layout again puts owners and modes right without touching contents: setup is idempotent.

export interface Placed {
  path: string;
  kind: 'dir' | 'file';
  owner: 'root' | 'interlock';
  mode: number;
  why: string;
}

export function layout(paths: SystemPaths): Placed[] {
  const cfg = join(paths.daemonConfigHome, 'interlock');
  return [
    {
      path: paths.configDir,
      kind: 'dir',
      owner: 'root',
      mode: 0o755,
      why: 'managed configuration: no agent writes it',
    },
    {
      path: paths.marker,
      kind: 'file',
      owner: 'root',
      mode: 0o644,
      why: 'says Interlock runs as its own user here',
    },
    { path: paths.stateDir, kind: 'dir', owner: 'interlock', mode: 0o700, why: "the daemon's private state" },
    {
      path: paths.daemonConfigHome,
      kind: 'dir',
      owner: 'interlock',
      mode: 0o700,
      why: "the daemon's configuration home",
    },
    {
      path: cfg,
      kind: 'dir',
      owner: 'interlock',
      mode: 0o700,
      why: 'its token file (the approval server token)',
    },
    {
      path: join(cfg, 'cache'),
      kind: 'dir',
      owner: 'interlock',
      mode: 0o700,
      why: 'verdict memo and code cache',
    },
    {
      path: paths.auditDir,
      kind: 'dir',
      owner: 'interlock',
      mode: 0o700,
      why: 'local audit log and signing key',
    },
    {
      path: paths.runDir,
      kind: 'dir',
      owner: 'interlock',
      mode: 0o755,
      why: 'daemon.json (0644) and daemon.sock (0666) for every agent',
    },
  ];
}

function markerText(account: Account): string {
  return `${JSON.stringify({ mode: 'system', user: account.name, uid: account.uid }, null, 2)}\n`;
}

/** Create what is missing, then set owner and mode of each. */
export function applyLayout(paths: SystemPaths, account: Account): void {
  for (const p of layout(paths)) {
    // Parents the system already has (/etc, /var/lib, /run) are made 0755 under a test's prefix.
    mkdirSync(dirname(p.path), { recursive: true, mode: 0o755 });
    if (p.kind === 'dir') mkdirSync(p.path, { recursive: true, mode: p.mode });
    else writeFileSync(p.path, markerText(account), { mode: p.mode });
    const [uid, gid] = p.owner === 'root' ? [0, 0] : [account.uid, account.gid];
    chownSync(p.path, uid, gid);
    chmodSync(p.path, p.mode);
  }
}

/** The audit signing key, created once (0600) and handed to the daemon's user. */
export function ensureSigningKey(paths: SystemPaths, account: Account): boolean {
  const keyring = join(paths.auditDir, 'keyring.json');
  const created = !existsSync(paths.signingKey);
  if (created) initKeys({ privateKey: paths.signingKey, keyring });
  for (const file of [paths.signingKey, keyring]) chownSync(file, account.uid, account.gid);
  chmodSync(paths.signingKey, 0o600);
  return created;
}
