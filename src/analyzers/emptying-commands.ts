import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { emptied } from './files/emptied.js';
import { classifyPath, resolvePath } from './paths.js';

// `: > src/index.ts`, `true > config.yaml`, `cat /dev/null > data.csv`, `echo -n > notes.md`: a command that
// writes nothing, sent into a file with `>`, empties it as `truncate -s 0` does. A `>` into a project file
// is otherwise everyday editing (new content replaces the old), so these were allowed.

const TRUNCATING = new Set(['>', '>|', '&>', '&>|']);

/** Whether the command prints nothing (or a lone newline) to its standard output. */
function printsNothing(inv: Invocation): boolean {
  const words = inv.args.map((w) => (w.dynamic ? undefined : w.value));
  if (words.includes(undefined)) return false;
  switch (inv.name) {
    case ':':
    case 'true':
    case 'false':
      return true;
    case 'cat':
      // `cat /dev/null`, `cat < /dev/null`.
      return (
        words.every((w) => w === '/dev/null') &&
        (words.length > 0 || inv.redirects.some((r) => r.operator === '<' && r.target.value === '/dev/null'))
      );
    case 'echo':
      return words.every((w) => w === '' || /^-[neE]+$/.test(w!));
    case 'printf':
      return words.length === 0 || words[0] === '';
  }
  return false;
}

export const emptyingCommandsAnalyzer: Analyzer = {
  family: 'emptying-commands',
  commands: [':', 'true', 'false', 'cat', 'echo', 'printf'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv: Invocation): Effect[] {
    if (!printsNothing(inv)) return [];
    const { cwd, home } = inv.facts;
    return inv.redirects.flatMap((r): Effect[] => {
      if (!TRUNCATING.has(r.operator) || r.target.dynamic || (r.descriptor && r.descriptor !== '1'))
        return [];
      const path = inv.remote ? r.target.value : resolvePath(r.target.value, cwd, home);
      if (path.startsWith('/dev/') || (!inv.remote && inv.facts.pathExists && !inv.facts.pathExists(path)))
        return [];
      const cls = classifyPath(path, { cwd, home, recursive: false, remote: inv.remote });
      return [emptied(inv.name, path, cls, `${inv.name} writes nothing: \`${r.operator}\``)];
    });
  },
};
