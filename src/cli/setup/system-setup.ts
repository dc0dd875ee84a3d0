import { systemPaths, type SystemPaths } from '../../daemon/system-paths.js';
import { placeBroker } from './system-broker.js';
import { applyLayout, ensureSigningKey, layout } from './system-files.js';
import { installUnit, startAsAccount, systemDaemonAnswers, systemdRuns } from './system-daemon.js';
import { ensureAccount, findAccount, useraddArgs, type Account } from './system-user.js';

// `interlock setup --system`: Interlock's state moves out of the agent's reach. A system user owns the
// daemon and its state; root owns the managed configuration; agents may only read the daemon's address and
// call its socket. Every step can be printed instead of done (--dry-run), and doing it twice changes nothing.

export interface SystemSetupOptions {
  /** '/' on a real machine; a throwaway prefix in tests. */
  root: string;
  /** The system user's name ('interlock'). */
  user: string;
  dryRun: boolean;
  /** Start (or restart under systemd) the daemon; tests may only lay out the files. */
  start: boolean;
  node: string;
  mainJs: string;
  out: (line: string) => void;
}

const octal = (mode: number) => `0${mode.toString(8)}`;

function describe(paths: SystemPaths, o: SystemSetupOptions, existing: Account | undefined): string[] {
  const lines = [
    existing
      ? `user ${o.user}: exists (uid ${existing.uid}); reused`
      : `user ${o.user}: useradd ${useraddArgs(o.user, paths.stateDir).join(' ')}`,
    ...layout(paths).map(
      (p) => `${p.kind} ${p.path}: ${p.owner === 'root' ? 'root' : o.user}, ${octal(p.mode)} (${p.why})`,
    ),
    `file ${paths.signingKey}: ${o.user}, 0600 (audit signing key; created if missing)`,
  ];
  if (!o.start) lines.push('daemon: not started (--no-start)');
  else if (systemdRuns(o.root))
    lines.push(
      `daemon: systemd unit ${paths.unit} (User=${o.user}), systemctl enable --now interlock.service`,
    );
  else lines.push(`daemon: no systemd here; started in the background as ${o.user} (setpriv)`);
  return lines;
}

export async function setupSystem(o: SystemSetupOptions): Promise<{ ok: boolean }> {
  const paths = systemPaths(o.root);
  if (o.dryRun) {
    o.out('interlock setup --system --dry-run: would do');
    for (const line of describe(paths, o, findAccount(o.user))) o.out(`  ${line}`);
    return { ok: true };
  }
  const { account, created } = ensureAccount(o.user, paths.stateDir);
  o.out(`user ${o.user}: ${created ? 'created' : 'exists'} (uid ${account.uid})`);
  applyLayout(paths, account);
  o.out(`directories under ${paths.configDir}, ${paths.stateDir}, ${paths.runDir}: owners and modes set`);
  o.out(
    `audit signing key ${paths.signingKey}: ${ensureSigningKey(paths, account) ? 'created' : 'kept'} (0600, ${o.user})`,
  );
  for (const line of placeBroker(paths, account)) o.out(line);
  if (!o.start) return { ok: true };
  if (systemdRuns(o.root)) {
    installUnit(paths, account, o.node, o.mainJs);
    o.out(`daemon: systemd unit ${paths.unit} enabled and (re)started`);
    return { ok: true };
  }
  if (await systemDaemonAnswers(paths, process.env)) {
    o.out(`daemon: already running as ${o.user} on ${paths.socket}`);
    return { ok: true };
  }
  const pid = await startAsAccount(paths, account, o.node, o.mainJs);
  o.out(
    pid
      ? `daemon: started as ${o.user} (pid ${pid}) on ${paths.socket}; no systemd here, so start it again after a reboot (interlock setup --system)`
      : `daemon: did not come up; run it in the foreground to see why: setpriv --reuid=${account.uid} --regid=${account.gid} --clear-groups -- ${o.node} ${o.mainJs} daemon start --system`,
  );
  return { ok: pid !== undefined };
}
