import type { Effect } from '../../core/types.js';
import type { Token } from '../code-scan.js';

// A fork bomb written in the interpreter's own language: a process-forking call inside a loop that never
// ends (`perl -e 'fork while fork'`, `python3 -c 'import os\nwhile True: os.fork()'`, `ruby -e 'loop {
// fork }'`). Each was allowed: it deletes nothing, but the machine runs out of processes. A bounded loop
// (`for i in range(4): os.fork()`) is ordinary code and stays so.

/** Calls that start a copy of the running process (Node's `fork` and `spawn` of its own file too). */
const FORKS = new Set(['fork', 'pcntl_fork', 'forkpty']);

/** Words that make a loop's condition always true, or the fork itself (`fork while fork`). */
const ALWAYS = new Set(['1', 'true', 'True', 'fork', 'forever']);

/** Whether the tokens at `i` open a loop that never ends. */
function endlessLoopAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'ident') return false;
  const next = (k: number) => tokens.slice(i + 1).filter((x) => x.text !== '(' && x.text !== ')')[k];
  // `while 1`, `while (true)`, `while True:`, `until false`, `fork while fork`
  if (t.text === 'while') return ALWAYS.has(next(0)?.text ?? '');
  if (t.text === 'until') return ['0', 'false', 'False'].includes(next(0)?.text ?? '');
  // Ruby's `loop { … }` / `loop do … end`
  if (t.text === 'loop') return tokens[i + 1]?.text === '{' || tokens[i + 1]?.text === 'do';
  // `for (;;)`
  if (t.text === 'for')
    return (
      tokens
        .slice(i + 1, i + 5)
        .map((x) => x.text)
        .join('') === '(;;)'
    );
  // Python's `iter(int, 1)`: an iterator that never stops.
  if (t.text === 'iter') return tokens[i + 2]?.text === 'int' && tokens[i + 4]?.text === '1';
  return false;
}

/** A fork in a loop that never ends, as one effect; none otherwise. */
export function forkLoopEffects(tokens: readonly Token[], tool: string): Effect[] {
  const forks = tokens.some((t) => t.kind === 'ident' && FORKS.has(t.text));
  if (!forks || !tokens.some((_, i) => endlessLoopAt(tokens, i))) return [];
  return [
    {
      operation: 'modify',
      tool,
      target: 'this machine',
      reversible: true,
      risk: 'high',
      reason: `${tool} starts copies of itself in a loop that never ends (a fork bomb): the machine runs out of processes`,
    },
  ];
}
