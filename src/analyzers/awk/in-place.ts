import type { Effect } from '../../core/types.js';
import { optionValues, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { inPlaceEditEffect } from '../in-place-edit.js';

// gawk's inplace extension (`gawk -i inplace '{…}' FILE…`) writes what the program prints back over each
// file: an edit in place, rated as sed -i's is (low in the project), and reported so that a later command
// of the same line that runs the file (`… x.sh && bash x.sh`) is known to run the edited one.

/** `-i inplace`, `-i inplace.awk`, `--include=inplace`: the library that turns the edit on. */
const INPLACE = /^(?:.*\/)?inplace(?:\.awk)?$/;
/** `var=value` operands set a variable; they are not files. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The files an awk program edits in place; none unless the inplace library is loaded. */
export function awkInPlaceEdits(inv: Invocation, withValue: readonly string[]): Effect[] {
  const parsed = parseOptions(inv.args, { withValue });
  if (!optionValues(parsed, '-i', '--include').some((v) => INPLACE.test(v))) return [];
  const fromFile = ['-f', '--file', '-e', '--source', '-E', '--exec'].some((o) => parsed.options.has(o));
  const operands = fromFile ? parsed.positionals : parsed.positionals.slice(1);
  return operands
    .filter((w) => !w.dynamic && w.value !== '-' && !ASSIGNMENT.test(w.value))
    .map((w) => inPlaceEditEffect(inv, w.value, (path) => `-i inplace edits ${path} in place`));
}
