import { scriptOrUnverifiable } from './inner-script.js';
import { parseOptions } from './options.js';
import type { Inner } from './wrappers.js';
import type { Word } from './words.js';

/** git's own options before the subcommand that take the next word as their value. */
export const GIT_GLOBAL_VALUES = [
  '-c',
  '-C',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--super-prefix',
  '--config-env',
  '--exec-path',
  '--list-cmds',
];

/**
 * `git submodule [--quiet] foreach [--recursive] CMD…`: git hands CMD to the shell in every submodule
 * (`foreach 'git reset --hard'`, `foreach git clean -fdx`), so it is judged as that command line.
 */
export function submoduleForeach(args: readonly Word[]): Inner[] {
  const after = (words: readonly Word[], name: string) => {
    const parsed = parseOptions(words, { withValue: GIT_GLOBAL_VALUES, stopAtFirstPositional: true });
    const [first, ...rest] = parsed.positionals;
    return first && !first.dynamic && first.value === name ? rest : undefined;
  };
  const verb = after(args, 'submodule');
  const command = verb && after(verb, 'foreach');
  const words = command && parseOptions(command, { stopAtFirstPositional: true }).positionals;
  return words?.length ? [scriptOrUnverifiable(words, 'git submodule foreach')] : [];
}
