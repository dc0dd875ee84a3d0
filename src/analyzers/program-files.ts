import type { Effect } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { resolvePath } from './paths.js';

// A program file a command names (`python3 drop_old.py`, `awk -f fix.awk`, `sed -f edit.sed`), read through
// the edge's `readScript`: the same reader, caps and refusals as shell scripts. A missing file runs nothing
// (the program says so); one that exists but cannot be read as text is unverifiable, as a shell script would be.
// One on another machine (`ssh prod-web-1 'python3 cleanup.py'`) cannot be read from here: it is a call
// nothing sees into, judged as an unrecognised program is (unverifiable where production is named), as
// `ssh prod-web-1 'bash cleanup.sh'` is; it ran as harmless, nothing read.

export type ProgramFile =
  | { kind: 'text'; text: string; path: string }
  /** Nothing to read here: no reader, a remote or computed path, or no such file. */
  | { kind: 'none' }
  | { kind: 'unverifiable'; effect: Effect };

function unreadable(inv: Invocation, label: string, path: string, why: string): Effect {
  return {
    operation: 'execute-unverifiable',
    tool: inv.name,
    target: path,
    reversible: false,
    risk: 'high',
    reason: `${inv.name}: ${label} ${why}, so what it does cannot be verified`,
  };
}

export function readProgramFile(inv: Invocation, file: Word): ProgramFile {
  // `sed -f -`, `awk -f /dev/stdin`: the program is what stdin gives (a here-document, a pipe from echo).
  if (!file.dynamic && ['-', '/dev/stdin', '/dev/fd/0'].includes(file.value)) {
    if (inv.stdinText && !inv.stdinText.dynamic)
      return { kind: 'text', text: inv.stdinText.value, path: 'stdin' };
    // `kubectl apply -f - < deploy.yaml`: the file stdin is redirected from.
    const from = inv.stdinFrom ? undefined : inv.redirects.findLast((r) => r.operator === '<');
    if (from && !['-', '/dev/stdin', '/dev/fd/0'].includes(from.target.value))
      return readProgramFile(inv, from.target);
    if (!inv.stdinFrom && !inv.stdinText && !inv.redirects.some((r) => r.operator === '<'))
      return { kind: 'none' };
    return { kind: 'unverifiable', effect: unreadable(inv, file.value, 'stdin', 'is read from stdin') };
  }
  // `sed -f <(…)`: a program another command writes.
  if (file.dynamic && /^[<>]\(/.test(file.value))
    return {
      kind: 'unverifiable',
      effect: unreadable(inv, file.value, file.value, 'is written by another command'),
    };
  if (inv.remote && !file.dynamic)
    return {
      kind: 'unverifiable',
      effect: {
        ...unreadable(inv, file.value, file.value, 'is a file on another machine'),
        unrecognised: true,
      },
    };
  const read = inv.facts.readScript;
  if (!read || inv.remote || file.dynamic) return { kind: 'none' };
  const path = resolvePath(file.value, inv.facts.cwd, inv.facts.home);
  const script = read(path);
  switch (script.kind) {
    case 'missing':
      return { kind: 'none' };
    case 'binary':
      return { kind: 'unverifiable', effect: unreadable(inv, file.value, path, 'is not text') };
    case 'unreadable':
      return {
        kind: 'unverifiable',
        effect: unreadable(inv, file.value, path, `cannot be read (${script.reason})`),
      };
    case 'text':
      return { kind: 'text', text: script.text, path };
  }
}
