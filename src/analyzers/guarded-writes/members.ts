import { posix } from 'node:path';
import type { ActionFacts, ArchiveListing, Risk } from '../../core/types.js';
import { resolvePath } from '../paths.js';
import { guardedWithin } from '../sensitive-files.js';
import { landingName } from './archives.js';
import { sensitiveContext, type ArchiveSource, type Target } from './judge.js';

// An archive extracted where guarded files could land (the project, the home directory), with no member
// named on the command line, is judged by the members the edge lists (facts.listArchive): each lands
// under the directory like a named member. A release archive holds no `.interlock/` and passes; one that
// does is judged like a write onto it. Where the edge cannot list (hermetic facts) the extraction is
// everyday work (low); where it tried and could not (stdin, xz, too many members) it asks (medium).

/** The first candidate that is there decides (unzip's `x`, then `x.zip`); all missing: nothing extracts. */
function listing(paths: readonly string[], list: (path: string) => ArchiveListing): [string, ArchiveListing] {
  let last: [string, ArchiveListing] = ['', { kind: 'missing' }];
  for (const path of paths) {
    last = [path, list(path)];
    if (last[1].kind !== 'missing') return last;
  }
  return last;
}

/** The targets of one extraction into `dir`, by the archive's members. */
function byMembers(dir: string, archive: ArchiveSource, facts: ActionFacts): Target[] {
  const unknown = (risk: Risk, files: string): Target => ({
    path: dir,
    mode: 'into',
    unknown: { risk, files },
  });
  if (!facts.listArchive) return [unknown('low', 'of an archive whose members are not listed here')];
  if (archive.paths.length === 0)
    return [
      unknown('medium', 'of an archive read from stdin or a name not known, whose members cannot be listed'),
    ];
  const resolved = archive.paths.map((p) => resolvePath(p, facts.cwd, facts.home));
  const [path, found] = listing(resolved, facts.listArchive);
  switch (found.kind) {
    case 'missing':
      return [];
    case 'unreadable':
      return [unknown('medium', `of ${path}, whose members cannot be listed (${found.reason})`)];
    case 'members': {
      const members: Target[] = found.names
        .filter((n) => !n.endsWith('/')) // a directory entry only makes the directory its members fill
        .flatMap((n) => landingName(n, archive.strip) ?? [])
        .map((n) => ({ path: posix.join(dir, n), mode: 'file' }));
      if (!found.truncated) return members;
      return [...members, unknown('medium', `of ${path} beyond the ${found.names.length} members listed`)];
    }
  }
}

/**
 * Extractions replaced by what their archives hold, where guarded files could land but not for certain;
 * into a guarded directory itself (`-C ~/.claude`) or the system, the directory decides as before.
 */
export function withMembers(targets: readonly Target[], facts: ActionFacts): Target[] {
  const ctx = sensitiveContext(facts);
  return targets.flatMap((t) => {
    if (!t.archive) return [t];
    const reach = guardedWithin(t.path, ctx);
    return reach && !reach.certain ? byMembers(t.path, t.archive, facts) : [{ path: t.path, mode: t.mode }];
  });
}

/**
 * The files an extraction into `dir` writes, as the edge lists the archive; undefined when it cannot (no
 * lister, stdin, an archive not there yet or not readable, more members than it lists).
 */
export function listedMembers(dir: string, archive: ArchiveSource, facts: ActionFacts): string[] | undefined {
  if (!facts.listArchive || archive.paths.length === 0) return undefined;
  const resolved = archive.paths.map((p) => resolvePath(p, facts.cwd, facts.home));
  const [, found] = listing(resolved, facts.listArchive);
  if (found.kind !== 'members' || found.truncated) return undefined;
  return found.names
    .filter((n) => !n.endsWith('/'))
    .flatMap((n) => landingName(n, archive.strip) ?? [])
    .map((n) => posix.join(dir, n));
}
