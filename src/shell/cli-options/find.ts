// find's command line (GNU findutils, with BSD's -E/-X/-f where they do not clash): options before the
// starting points, the starting points, then an expression of primaries. A primary that takes a value
// consumes the next word whatever it looks like (`-user -delete` is the user "-delete"), so the actions of
// an expression can only be found by walking it with this table.

import { word, type Word } from '../words.js';

/** Options before the starting points: -H -L -P (and BSD's -E -X -d -s -x), -D debugopts, -Olevel. */
const LEADING_FLAGS = /^-[HLPEXdsx]+$/;
const LEADING_WITH_VALUE = new Set(['-D', '-f']);

/** Primaries that take one value: global options, tests and actions alike. */
const ONE_VALUE = new Set([
  // global options
  '-maxdepth',
  '-mindepth',
  '-files0-from',
  '-regextype',
  // tests
  '-amin',
  '-anewer',
  '-atime',
  '-cmin',
  '-cnewer',
  '-ctime',
  '-context',
  '-fstype',
  '-gid',
  '-group',
  '-ilname',
  '-iname',
  '-inum',
  '-ipath',
  '-iregex',
  '-iwholename',
  '-links',
  '-lname',
  '-mmin',
  '-mtime',
  '-name',
  '-newer',
  '-path',
  '-perm',
  '-regex',
  '-samefile',
  '-size',
  '-type',
  '-uid',
  '-used',
  '-user',
  '-wholename',
  '-xtype',
  // BSD tests
  '-Bmin',
  '-Bnewer',
  '-Btime',
  '-flags',
  '-mnewer',
  // actions
  '-fls',
  '-fprint',
  '-fprint0',
  '-printf',
]);

/** Primaries that take two values. */
const TWO_VALUES = new Set(['-fprintf']);

/** Actions that run a command up to `;` (or `{} +`). */
export const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/**
 * `-exec rm -f {} +`, `-execdir rm {} ;`, `-ok rm {} ;`: an action that removes what was found and nothing
 * else, which is what -delete does (xargs rm is read as -exec rm). rm's options only, and `{}` alone.
 */
export function removesFound(p: FindPrimary): boolean {
  const [program, ...args] = p.values;
  if (!FIND_EXEC.has(p.name) || !program || program.dynamic || program.value.split('/').pop() !== 'rm')
    return false;
  const ended = args.findIndex((w) => w.value === '--');
  const operands = ended < 0 ? args.filter((w) => !w.value.startsWith('-')) : args.slice(ended + 1);
  const options = ended < 0 ? args.filter((w) => w.value.startsWith('-')) : args.slice(0, ended);
  return (
    operands.length > 0 &&
    operands.every((w) => !w.dynamic && w.value === '{}') &&
    options.every((w) => !w.dynamic && w.value.startsWith('-'))
  );
}

/** `-newerXY reference` (X, Y among a B c m t) takes a value too. */
const NEWER_XY = /^-newer[aBcmt][aBcmt]$/;

interface FindPrimary {
  /** The primary as written (-name, -delete, -exec…). */
  name: string;
  /** Its values; for -exec and friends, the command it runs (without the terminator). */
  values: Word[];
}

export interface FindCommandLine {
  /** The starting points (`.` when none is given). */
  roots: Word[];
  /** Every primary of the expression in order, with the operators: -not, `!`, -a, -o, `,` and the parentheses. */
  primaries: FindPrimary[];
}

/** Operators that are not written as primaries: `,`, `!` and the parentheses. */
const OPERATORS = new Set([',', '!', '(', ')']);

function isPrimary(w: Word): boolean {
  return !w.dynamic && w.value.startsWith('-') && w.value.length > 1;
}

/** Split find's arguments (after the program name) into starting points and the primaries of its expression. */
export function parseFind(args: readonly Word[]): FindCommandLine {
  let i = 0;
  while (i < args.length && !args[i]!.dynamic) {
    const text = args[i]!.value;
    if (LEADING_FLAGS.test(text) || /^-O\d*$/.test(text)) i++;
    else if (LEADING_WITH_VALUE.has(text)) i += 2;
    else break;
  }
  const roots: Word[] = [];
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (isPrimary(w) || (!w.dynamic && ['(', '!', ','].includes(w.value))) break;
    roots.push(w);
  }
  const primaries: FindPrimary[] = [];
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (!w.dynamic && OPERATORS.has(w.value)) primaries.push({ name: w.value, values: [] });
    if (!isPrimary(w)) continue; // an operator, or a stray word
    const name = w.value;
    if (FIND_EXEC.has(name)) {
      let end = i + 1;
      // `;` ends the command; `+` ends it only right after `{}` (GNU and POSIX).
      while (
        end < args.length &&
        args[end]!.value !== ';' &&
        !(args[end]!.value === '+' && args[end - 1]!.value === '{}')
      )
        end++;
      primaries.push({ name, values: args.slice(i + 1, end) });
      i = end;
      continue;
    }
    const count = TWO_VALUES.has(name) ? 2 : ONE_VALUE.has(name) || NEWER_XY.test(name) ? 1 : 0;
    primaries.push({ name, values: args.slice(i + 1, i + 1 + count) });
    i += count;
  }
  return { roots: roots.length ? roots : [word('.')], primaries };
}
