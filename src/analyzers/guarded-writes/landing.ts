import { posix } from 'node:path';
import type { ActionFacts } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import { resolvePath } from '../paths.js';
import type { Target } from './judge.js';

/**
 * Where a copy of `sources` onto `dest` lands. Unless a trailing slash says so, we cannot tell whether
 * `dest` is a directory, so both readings count: `dest` replaced whole, and `dest/<name of the source>`. A source that stands for a
 * directory's contents (`dir/.`, and for rsync `dir/`) fills `dest` with names only it knows.
 */
export function landings(
  sources: readonly Word[],
  dest: Word,
  contentsOnly: (source: string) => boolean,
): Target[] {
  if (dest.dynamic) return [];
  // `dest/` is a directory for certain: what lands is named by the sources.
  const targets: Target[] = dest.value.endsWith('/') ? [] : [{ path: dest.value, mode: 'file' }];
  for (const source of sources) {
    if (source.dynamic) continue;
    if (contentsOnly(source.value)) targets.push({ path: dest.value, mode: 'into' });
    else {
      const name = posix.basename(source.value.replace(/\/+$/, ''));
      if (name && name !== '..')
        targets.push({ path: posix.join(dest.value, name), mode: 'file', within: dest.value });
    }
  }
  return targets;
}

/** `dir/.` (and `.`) copies what is in the directory, not the directory (cp, scp). */
export const dotContents = (source: string): boolean => source === '.' || source.endsWith('/.');

/** rsync also copies only the contents of a source written with a trailing slash. */
export const rsyncContents = (source: string): boolean => dotContents(source) || source.endsWith('/');

/**
 * The landings that can happen: `cp terraform.tfstate terraform.tfstate.bak` writes `dest/<name>` only when
 * the destination is a directory, so where the edge's facts say it is absent or not a directory, that
 * reading goes (it called a backup of the state a write over the state). Without facts, both stay. Those
 * facts are the agent side's answer (a server replays them), so they only ever drop a reading `mayDrop`
 * allows: never one that lands on what guards the agent or grants power (`cp authorized_keys ~/.ssh`).
 */
export function possibleLandings(
  targets: readonly Target[],
  facts: ActionFacts,
  mayDrop: (path: string) => boolean,
): Target[] {
  const { files, pathExists } = facts;
  if (!files && !pathExists) return [...targets];
  const notDirectory = (dest: string) => {
    const path = resolvePath(dest, facts.cwd, facts.home);
    if (pathExists && !pathExists(path)) return true;
    // A regular file is bound by identity and times, unread (maxBytes 0): only its kind is asked here.
    return files !== undefined && !files.fingerprint(path, 0).digest.startsWith('directory:');
  };
  return targets.filter((t) => t.within === undefined || !mayDrop(t.path) || !notDirectory(t.within));
}
