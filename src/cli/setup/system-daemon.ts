import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { systemDaemonEnv, type SystemPaths } from '../../daemon/system-paths.js';
import { systemMode, trustedSystemDaemon } from '../../daemon/system-trust.js';
import type { Account } from './system-user.js';

// Running the daemon as Interlock's own user: a systemd service where systemd runs the machine, else a
// background process started with setpriv (containers and CI have no systemd).

/** systemd manages this machine (its runtime directory exists only when it booted the system). */
export function systemdRuns(root: string): boolean {
  return root === '/' && existsSync('/run/systemd/system');
}

function daemonArgs(mainJs: string): string[] {
  return [mainJs, 'daemon', 'start', '--system', '--port', '0', '--quiet'];
}

export function unitText(paths: SystemPaths, account: Account, node: string, mainJs: string): string {
  const env = Object.entries(systemDaemonEnv(paths)).map(([k, v]) => `Environment=${k}=${v}`);
  return [
    '[Unit]',
    "Description=Interlock daemon: decides AI agents' tool calls",
    'After=network.target',
    '',
    '[Service]',
    `User=${account.name}`,
    `Group=${account.name}`,
    ...env,
    `ExecStart=${[node, ...daemonArgs(mainJs)].join(' ')}`,
    `WorkingDirectory=${paths.stateDir}`,
    // systemd recreates /run/interlock at each start (0755, owned by User=).
    'RuntimeDirectory=interlock',
    'RuntimeDirectoryMode=0755',
    'RuntimeDirectoryPreserve=yes',
    'UMask=0077',
    'NoNewPrivileges=yes',
    'Restart=on-failure',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

export function installUnit(paths: SystemPaths, account: Account, node: string, mainJs: string): void {
  mkdirSync(dirname(paths.unit), { recursive: true });
  writeFileSync(paths.unit, unitText(paths, account, node, mainJs), { mode: 0o644 });
  execFileSync('systemctl', ['daemon-reload'], { stdio: 'ignore' });
  execFileSync('systemctl', ['enable', '--now', 'interlock.service'], { stdio: 'ignore' });
  execFileSync('systemctl', ['restart', 'interlock.service'], { stdio: 'ignore' });
}

/** Does the system daemon answer on its socket (and are its files Interlock's own)? */
export function systemDaemonAnswers(paths: SystemPaths, env: NodeJS.ProcessEnv): Promise<boolean> {
  const mode = systemMode({ ...env, INTERLOCK_SYSTEM_ROOT: paths.root });
  if (!mode || !('state' in trustedSystemDaemon(mode))) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createConnection(paths.socket);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Start the daemon detached as `account`, with its environment only; wait until it answers. */
export async function startAsAccount(
  paths: SystemPaths,
  account: Account,
  node: string,
  mainJs: string,
): Promise<number | undefined> {
  const child = spawn(
    'setpriv',
    [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', '--', node, ...daemonArgs(mainJs)],
    {
      detached: true,
      stdio: 'ignore',
      cwd: paths.stateDir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...systemDaemonEnv(paths) },
    },
  );
  child.on('error', () => {});
  child.unref();
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (await systemDaemonAnswers(paths, {})) return child.pid;
    if (child.exitCode !== null) return undefined;
  }
  return undefined;
}
