import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { optionValue, parseOptions } from '../../shell/options.js';
import { word } from '../../shell/words.js';
import { cloneDirName } from '../git/clone.js';
import { inPlaceEditEffect } from '../in-place-edit.js';
import { filesNamedAtRunTime } from '../power-writes.js';

// Downloads a forge CLI writes where it is told: `gh release download v1 -O ~/.bashrc --clobber` puts a
// release asset over a shell's startup file, `gh run download -D ~/.ssh` artifacts among keys. The file or
// directory written is judged as an edit of it is (a project directory is everyday work).

/** For each download subcommand, its options naming a file written and a directory written into. */
const DOWNLOADS: Readonly<Record<string, { file: string[]; dir: string[] }>> = {
  'gh release download': { file: ['-O', '--output'], dir: ['-D', '--dir'] },
  'gh run download': { file: [], dir: ['-D', '--dir'] },
  'glab release download': { file: [], dir: ['-D', '--dir'] },
  'glab ci artifact': { file: [], dir: ['-p', '--path'] },
  'glab job artifact': { file: [], dir: ['-p', '--path'] },
};

/** Clones a forge CLI makes: `gh repo clone OWNER/REPO [DIR]`, which fill DIR as `git clone` does. */
const CLONES = ['gh repo clone', 'gh gist clone', 'glab repo clone'];

/** The one of `verbs` (`gh release download`) whose subcommand words the command begins with. */
function matching(inv: Invocation, verbs: readonly string[]): string | undefined {
  const words = inv.args.map((w) => w.value).filter((w) => !w.startsWith('-'));
  return verbs.find((verb) => {
    const [tool, ...sub] = verb.split(' ');
    return tool === inv.name && sub.every((s, i) => words[i] === s);
  });
}

export function downloadEffects(inv: Invocation): Effect[] {
  const clone = matching(inv, CLONES);
  if (clone) return clonedInto(inv);
  const verb = matching(inv, Object.keys(DOWNLOADS));
  const spec = verb && DOWNLOADS[verb];
  if (!spec) return [];
  const effects: Effect[] = [];
  // Assets keep the names the release gives them, unless -O names the one file.
  if (!inv.args.some((w) => spec.file.some((o) => w.value === o || w.value.startsWith(`${o}=`)))) {
    const dir = parseOptions(inv.args, { withValue: [...spec.file, ...spec.dir, ...FORGE_VALUE] });
    effects.push(...filesNamedAtRunTime(inv, word(optionValue(dir, ...spec.dir) ?? '.'), 'downloads'));
  }
  inv.args.forEach((arg, i) => {
    for (const [options, how] of [
      [spec.file, (p: string) => `writes a downloaded file over ${p}`],
      [spec.dir, (p: string) => `writes downloaded files into ${p}`],
    ] as const) {
      const option = options.find((o) => arg.value === o || arg.value.startsWith(`${o}=`));
      if (!option) continue;
      const value =
        arg.value === option ? inv.args[i + 1] : { ...arg, value: arg.value.slice(option.length + 1) };
      if (!value || value.value === '-') continue;
      effects.push(
        value.dynamic
          ? { ...inPlaceEditEffect(inv, value.value, how), risk: 'high' }
          : inPlaceEditEffect(inv, value.value, how),
      );
    }
  });
  return effects;
}

/** Options of the forge CLIs' download and clone commands that take a value, besides the directory's. */
const FORGE_VALUE = [
  '-R',
  '--repo',
  '-p',
  '--pattern',
  '-A',
  '--archive',
  '-n',
  '--name',
  '-u',
  '--upstream-remote-name',
];

/** `gh repo clone OWNER/REPO [DIR] [-- GITFLAGS]`: DIR, or the repository's name, here. */
function clonedInto(inv: Invocation): Effect[] {
  const { positionals } = parseOptions(inv.args, { withValue: FORGE_VALUE });
  // The words after `repo clone` (or `gist clone`): the repository, then the directory.
  const [, , repository, dir] = positionals;
  const name = dir ?? (repository && !repository.dynamic ? word(cloneDirName(repository.value)) : undefined);
  return name && name.value ? filesNamedAtRunTime(inv, name, 'clones') : [];
}
