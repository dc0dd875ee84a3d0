import type { Effect, EnvironmentHint } from '../core/types.js';
import { RSYNC_VALUE, SCP_VALUE } from '../shell/cli-options/copies.js';
import { hasOption, parseOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { guardedForWrites, judgeAll, onlyStateAt, sensitiveContext } from './guarded-writes/judge.js';
import { dotContents, landings, possibleLandings, rsyncContents } from './guarded-writes/landing.js';
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

/** The guarded file a copy onto another host writes, or undefined for ordinary destinations. */
function guardedThere(dest: Destination): SensitiveFile | undefined {
  const ctx = { cwd: REMOTE_HOME, home: REMOTE_HOME, userConfigDir: userInterlockDir({}, REMOTE_HOME) };
  const file = sensitiveFile(dest.path, ctx);
  return file && guardedForWrites(file) ? file : undefined;
}

/**
 * A copy here lands where cp's would (`dest`, or `dest/<name>`), and rsync's `dir/` fills `dest` with
 * names only the source knows: judged like every other write onto a guarded path.
 */
function copyHere(inv: Invocation, sources: readonly Word[], dest: Word): Effect[] {
  const contents = inv.name === 'rsync' ? rsyncContents : dotContents;
  const targets = possibleLandings(landings(sources, dest, contents), inv.facts, onlyStateAt(inv.facts));
  return judgeAll(targets, sensitiveContext(inv.facts), inv.name);
}

function copyOnto(inv: Invocation, values: readonly string[]): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: values });
  if (inv.name === 'rsync' && hasOption(parsed, '-n', '--dry-run')) return [];
  const { positionals } = parsed;
  const last = positionals[positionals.length - 1];
  const dest = positionals.length >= 2 && last ? destination(last) : undefined;
  if (!dest) return [];
  // In `ssh host 'rsync …'` a path without a host is on that host: its files, not this user's.
  if (!dest.host && !inv.remote) return copyHere(inv, positionals.slice(0, -1), last!);
  const file = guardedThere(dest);
  if (!file) return [];
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
