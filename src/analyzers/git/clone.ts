import type { Effect } from '../../core/types.js';
import { parseOptions } from '../../shell/options.js';
import { word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { resolvePath } from '../paths.js';
import { filesNamedAtRunTime } from '../power-writes.js';
import type { Repo } from './common.js';

// `git clone URL && cd tool && ./install.sh`: the clone fills a directory with files the repository names,
// which a later command of the line may run (assess/shell.ts). Cloning itself is everyday work.

/** git clone's options that take a value (git clone -h). */
const CLONE_VALUE = [
  ...['-o', '-b', '-u', '-c', '-j'],
  ...[
    'origin',
    'branch',
    'revision',
    'upload-pack',
    'reference',
    'reference-if-able',
    'separate-git-dir',
    'depth',
    'shallow-since',
    'shallow-exclude',
    'config',
    'server-option',
    'jobs',
    'filter',
    'template',
    'bundle-uri',
    'ref-format',
  ].map((o) => `--${o}`),
];

/** The directory git makes for a repository (`…/tool.git/` → `tool`), as git's guess_dir_name does. */
export function cloneDirName(repository: string): string {
  const path = repository.replace(/[/\s]+$/, '').replace(/\/\.git$/, '');
  const last = path.split(/[/:]/).pop() ?? '';
  return last.replace(/\.(git|bundle)$/, '');
}

/** The directory a clone fills: the one the command names, else the one named after the repository. */
function cloneDir(positionals: readonly Word[]): Word | undefined {
  const [repository, dir] = positionals;
  if (dir) return dir;
  if (!repository || repository.dynamic) return undefined;
  const name = cloneDirName(repository.value);
  return name ? word(name) : undefined;
}

export function clone(inv: Invocation, repo: Repo, args: readonly Word[]): Effect[] {
  const dir = cloneDir(parseOptions(args, { withValue: CLONE_VALUE }).positionals);
  if (!dir) return [];
  // `git -C dir clone …` clones inside dir.
  const elsewhere = !inv.remote && !dir.dynamic && repo.dir !== inv.facts.cwd;
  const at = elsewhere ? word(resolvePath(dir.value, repo.dir, inv.facts.home)) : dir;
  return filesNamedAtRunTime(inv, at, 'clones');
}
