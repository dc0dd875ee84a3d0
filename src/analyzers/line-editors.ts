import { parseOptions } from '../shell/options.js';
import type { Analyzer } from './analyzer.js';
import { hasStdin } from './http/request.js';
import { inPlaceEditEffect } from './in-place-edit.js';

// ed reads its commands on stdin (`ed -s x.sh < edits`, `printf '1d\nw\n' | ed x.sh`) and writes the buffer
// back over the file it opened: an edit in place, rated as sed -i's is (low in the project). It reported
// nothing, so `… | ed -s x.sh && bash x.sh` read x.sh as it is before the edit. Without commands on stdin
// a person drives it: nothing to judge.

export const lineEditorsAnalyzer: Analyzer = {
  family: 'line-editors',
  commands: ['ed', 'red'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    if (!hasStdin(inv)) return [];
    const file = parseOptions(inv.args, { withValue: ['-p', '--prompt'] }).positionals[0];
    // `ed !cmd` reads a command's output: no file is written back by name.
    if (!file || file.dynamic || file.value.startsWith('!')) return [];
    return [inPlaceEditEffect(inv, file.value, (path) => `runs the editor commands it is given on ${path}`)];
  },
};
