import { resolvePath } from '../analyzers/paths.js';
import type { Word } from '../shell/words.js';

// Where the commands of a line run after `cd`, `pushd` and `popd`. A relative path is bound to this
// directory, so a directory change not followed puts `rm -rf x` in the wrong place: `pushd /etc; rm -rf x`
// was taken as `<cwd>/x`. A change that cannot be known from the text (`cd "$DIR"`) leaves it as it was.

export interface Directories {
  /** The directory commands run in. */
  cwd: string;
  /** Where `cd -` goes back to (bash's OLDPWD), when known. */
  previous?: string;
  /** pushd's stack below the current directory, top first. Replaced, never changed in place (contexts share it). */
  stack: readonly string[];
}

const isOption = (w: Word) => w.value.startsWith('-') && w.value !== '-';

/** The directories after one command (`name` and its words after the name); the same object when unchanged. */
export function afterDirectoryChange(
  name: string,
  args: readonly Word[],
  dirs: Directories,
  home: string,
): Directories {
  const moveTo = (cwd: string, stack = dirs.stack): Directories => ({ cwd, previous: dirs.cwd, stack });
  const operand = args.find((w) => !isOption(w));
  if (name === 'cd') {
    if (!operand) return moveTo(home);
    if (operand.dynamic) return dirs;
    if (operand.value === '-') return dirs.previous === undefined ? dirs : moveTo(dirs.previous);
    return moveTo(resolvePath(operand.value, dirs.cwd, home));
  }
  if (name === 'pushd') {
    // -n adds to the stack without changing directory; +N/-N rotate it (not followed).
    if (args.some((w) => w.value === '-n')) return dirs;
    if (!operand) {
      const [top, ...rest] = dirs.stack;
      return top === undefined ? dirs : moveTo(top, [dirs.cwd, ...rest]);
    }
    if (operand.dynamic || /^[+-]\d+$/.test(operand.value)) return dirs;
    return moveTo(resolvePath(operand.value, dirs.cwd, home), [dirs.cwd, ...dirs.stack]);
  }
  if (name === 'popd') {
    // popd +N/-N and -n take an entry out of the stack without changing directory.
    if (args.some((w) => isOption(w) || /^[+-]\d+$/.test(w.value))) return dirs;
    const [top, ...rest] = dirs.stack;
    return top === undefined ? dirs : moveTo(top, rest);
  }
  return dirs;
}
