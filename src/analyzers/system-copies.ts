import { posix } from 'node:path';
import type { Effect, EnvironmentHint } from '../core/types.js';
import { RSYNC_VALUE, SCP_VALUE } from '../shell/cli-options/copies.js';
import { hasOption, parseOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { sensitiveFile, userInterlockDir, type SensitiveFile } from './sensitive-files.js';

// scp and rsync onto the files a machine runs on or lets people in by: /etc, /usr, /bin, /boot, the
// authorized_keys files, the agent's hooks and the Interlock configuration, here or on another host
// (`host:/etc/…`). Which files those are is sensitive-files.ts's answer, as for the agent's file tools.

/** Where a copy lands: a path on this machine, or `[user@]host:path` (`scp://[user@]host[:port]/path`). */
interface Destination {
  host?: string;
  path: string;
  /** As written, for the target. */
  text: string;
}

/** A remote path is relative to the remote user's home, which we do not know: this stands in for it. */
const REMOTE_HOME = '/home/remote-user';

function destination(w: Word): Destination | undefined {
  if (w.dynamic) return undefined;
  const url = /^scp:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?(\/.*)?$/.exec(w.value);
  if (url) return { host: url[1]!, path: url[2] ?? '.', text: w.value };
  // `host:path` (but not rsync's daemon `host::module`, nor a local path with a colon after a slash).
  const remote = /^(?:[^@/:]+@)?([^/:]+):(?!:)(.*)$/.exec(w.value);
  if (remote) return { host: remote[1]!, path: remote[2] || '.', text: w.value };
  return { path: w.value, text: w.value };
}

/** Deploy roots under /var that copies exist to fill (a web root), unlike the rest of the system. */
const DEPLOY_ROOTS = ['/var/www'];

/** The guarded file a copy writes, or undefined for ordinary destinations. */
function guarded(dest: Destination, inv: Invocation): SensitiveFile | undefined {
  const here = !dest.host && !inv.remote;
  const home = here ? inv.facts.home : REMOTE_HOME;
  const file = sensitiveFile(dest.path, {
    cwd: here ? inv.facts.cwd : REMOTE_HOME,
    home,
    userConfigDir: userInterlockDir(here ? inv.facts.env : {}, home),
  });
  if (!file) return undefined;
  switch (file.category) {
    case 'system':
      return DEPLOY_ROOTS.some((r) => file.path === r || file.path.startsWith(`${r}/`)) ? undefined : file;
    case 'credentials':
      // Copying keys and configs around is everyday work; writing who may log in is not.
      return /^authorized_keys2?$/.test(posix.basename(file.path)) ? file : undefined;
    case 'interlock-config':
    case 'agent-hooks':
    case 'startup-script':
    case 'terraform-state':
      return file;
  }
}

function copyOnto(inv: Invocation, values: readonly string[]): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: values });
  if (inv.name === 'rsync' && hasOption(parsed, '-n', '--dry-run')) return [];
  const { positionals } = parsed;
  const last = positionals[positionals.length - 1];
  const dest = positionals.length >= 2 && last ? destination(last) : undefined;
  const file = dest && guarded(dest, inv);
  if (!dest || !file) return [];
  const hints: EnvironmentHint[] = dest.host ? [{ source: `${inv.name} host`, value: dest.host }] : [];
  const where = dest.host ? `${dest.host}:${dest.path}` : file.path;
  const effect: Effect = {
    operation: 'modify',
    tool: inv.name,
    target: dest.host ? dest.text : file.path,
    reversible: false,
    risk: file.risk,
    reason: `${inv.name} writes over ${where}: ${file.why}`,
    category: file.category,
    ...(hints.length ? { hints } : {}),
  };
  if (dest.host) effect.local = false;
  return [effect];
}

export const systemCopiesAnalyzer: Analyzer = {
  family: 'system-copies',
  commands: ['scp', 'rsync'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    return copyOnto(inv, inv.name === 'scp' ? SCP_VALUE : RSYNC_VALUE);
  },
};
