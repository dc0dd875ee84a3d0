import type { Effect } from '../core/types.js';
import { RSYNC_VALUE, SCP_VALUE } from '../shell/cli-options/copies.js';
import { hasOption, parseOptions } from '../shell/options.js';
import { word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { tarTargets, unzipTargets } from './guarded-writes/archives.js';
import { guardedForWrites, sensitiveContext, type Target } from './guarded-writes/judge.js';
import { dotContents, landings, possibleLandings, rsyncContents } from './guarded-writes/landing.js';
import { listedMembers } from './guarded-writes/members.js';
import { writtenTargets } from './guarded-writes/tools.js';
import { fileWritten, filesNamedAtRunTime } from './power-writes.js';
import { guardedAt } from './sensitive-files.js';

// The ordinary files that install, a download by scp or rsync, and an extraction write. Writing them is
// everyday work (guarded files stay guarded-writes.ts's), so each is reported at no risk: only so that a
// later command of the same line that runs one (`tar -xf t.tar x.sh && ./x.sh`, `scp host:x.sh . && bash
// x.sh`) is known to run what was written, not what is on disk now. They reported nothing before.

/** `[user@]host:path`, `host::module`, `scp://…`, `rsync://…`: a path on another machine. */
const REMOTE_PATH = /^(?:(?:scp|rsync|sftp):\/\/|(?:[^@/:]+@)?[^/:]+:)/;
/** Members of one archive reported at most: enough for the scripts a line extracts and runs. */
const MAX_MEMBERS = 500;

/** Where scp or rsync copies onto this machine: the destination, or the sources' names inside it. */
function copyTargets(inv: Invocation): Target[] {
  const parsed = parseOptions(inv.args, { withValue: inv.name === 'scp' ? SCP_VALUE : RSYNC_VALUE });
  if (hasOption(parsed, '-n', '--dry-run', '--list-only')) return [];
  const { positionals } = parsed;
  const dest = positionals[positionals.length - 1];
  if (positionals.length < 2 || !dest || dest.dynamic || REMOTE_PATH.test(dest.value)) return [];
  const contents = inv.name === 'rsync' ? rsyncContents : dotContents;
  // A remote source (`host:x.sh`) lands under the name of its path there.
  const sources = positionals.slice(0, -1).map((w) => ({ ...w, value: w.value.replace(REMOTE_PATH, '') }));
  return landings(sources, dest, contents);
}

/** What one command writes: a file, or a directory it fills with files it names at run time. */
interface Written {
  path: string;
  fills?: true;
}

/**
 * The members an extraction writes: those named, else those the edge lists in the archive. An archive it
 * cannot list (read from stdin, downloaded by the same line) and a member that may be a directory fill
 * their directory with names only the run tells.
 */
function extracted(inv: Invocation): Written[] {
  const targets = inv.name === 'unzip' ? unzipTargets(inv.args) : tarTargets(inv.args);
  return targets.flatMap((t): Written[] => {
    const members = t.archive && listedMembers(t.path, t.archive, inv.facts);
    if (members) return members.slice(0, MAX_MEMBERS).map((path) => ({ path }));
    return [{ path: t.path, fills: true }];
  });
}

function written(inv: Invocation): Written[] {
  if (inv.name === 'install' || inv.name === 'scp' || inv.name === 'rsync') {
    const targets = inv.name === 'install' ? writtenTargets('install', inv.args) : copyTargets(inv);
    // Readings the facts rule out (`dest/name` where dest is no directory) go; a directory is not a file.
    return possibleLandings(targets, inv.facts, () => true)
      .filter((t) => t.mode === 'file' && !/(^|\/)\.\.?$|^~$/.test(t.path))
      .map((t) => ({ path: t.path }));
  }
  return extracted(inv);
}

export const plainWritesAnalyzer: Analyzer = {
  family: 'plain-writes',
  commands: ['install', 'scp', 'rsync', 'tar', 'gtar', 'bsdtar', 'unzip'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    if (inv.remote) return [];
    const ctx = sensitiveContext(inv.facts);
    const guarded = (path: string) => {
      const file = guardedAt(path, ctx);
      return file !== undefined && guardedForWrites(file);
    };
    const verb =
      inv.name === 'install'
        ? 'installs'
        : inv.name === 'scp' || inv.name === 'rsync'
          ? 'copies into'
          : 'extracts';
    return written(inv)
      .filter((w) => !guarded(w.path))
      .flatMap((w): Effect[] =>
        w.fills ? filesNamedAtRunTime(inv, word(w.path), verb) : fileWritten(inv, word(w.path), verb),
      );
  },
};
