import type { Effect } from '../../core/types.js';
import type { Lang, Token } from '../code-scan.js';
import { shellEffect } from './calls.js';

// A deleting function handed to another one instead of called: `array_map("unlink", glob("/var/www/*"))`,
// `list(map(os.remove, glob.glob("/data/*")))`, `files.forEach(fs.unlinkSync)`. The call scanner looks for
// calls, so these deleted unseen; so did one given another name first (`local run = os.execute`, `rm <- unlink`).
// Whatever paths or commands it is given are computed at run time.

type Kind = 'tree' | 'file' | 'shell';

/**
 * Functions that delete what they are given, by language, as `receiver.name` (the module they come from, so
 * that `seen.remove` of a set is not one) or a bare name where the language has them built in.
 */
const DELETERS: Partial<Record<Lang, ReadonlyMap<string, Kind>>> = {
  python: new Map<string, Kind>([
    ['os.remove', 'file'],
    ['os.unlink', 'file'],
    ['os.rmdir', 'file'],
    ['shutil.rmtree', 'tree'],
    ['os.system', 'shell'],
  ]),
  js: new Map<string, Kind>([
    ['fs.unlinkSync', 'file'],
    ['fs.unlink', 'file'],
    ['fs.rmSync', 'tree'],
    ['fs.rm', 'tree'],
    ['promises.rm', 'tree'],
    ['promises.unlink', 'file'],
    ['fs.rmdirSync', 'file'],
  ]),
  php: new Map<string, Kind>([
    ['unlink', 'file'],
    ['rmdir', 'file'],
    ['system', 'shell'],
    ['exec', 'shell'],
    ['shell_exec', 'shell'],
    ['passthru', 'shell'],
  ]),
  lua: new Map<string, Kind>([
    ['os.remove', 'file'],
    ['os.execute', 'shell'],
    ['io.popen', 'shell'],
  ]),
  r: new Map<string, Kind>([
    ['unlink', 'file'],
    ['system', 'shell'],
    ['system2', 'shell'],
  ]),
};

/**
 * Where a value is an argument or assigned: after `(`, `,`, `=` (not `==`, `<=`…) or R's `<-`; before
 * `,`, `)`, `;`, a line break or the end.
 */
function opens(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at];
  if (t?.kind !== 'punct') return false;
  if (t.text === '(' || t.text === ',') return true;
  const before = tokens[at - 1]?.text ?? '';
  if (t.text === '=') return !['=', '!', '<', '>', '~'].includes(before);
  return t.text === '-' && before === '<'; // R: x <- unlink
}
function closes(t: Token | undefined): boolean {
  return t === undefined || t.newline || (t.kind === 'punct' && [',', ')', ';'].includes(t.text));
}

/** The deleting functions passed as values in `tokens`, each as the effect of what it will be given. */
export function passedDeleterEffects(tokens: readonly Token[], lang: Lang, tool: string): Effect[] {
  const deleters = DELETERS[lang];
  if (!deleters) return [];
  const effects: Effect[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // PHP names a callback by a string ('unlink'); the others by the function itself (`os.remove`, `&:delete`).
    const named = lang === 'php' ? t.kind === 'string' : t.kind === 'ident';
    if (!named || !closes(tokens[i + 1])) continue;
    // `os.execute` followed by `(` is a call (the call scanner's); only a value is looked at here.
    // Walk back over a receiver chain (`os.remove`, `fs.promises.rm`) to the argument's start.
    let start = i;
    while (tokens[start - 1]?.text === '.' && tokens[start - 2]?.kind === 'ident') start -= 2;
    if (!opens(tokens, start - 1)) continue;
    const name = tokens
      .slice(start, i + 1)
      .map((x) => x.text)
      .join('');
    const kind = deleters.get(name.split('.').slice(-2).join('.'));
    if (!kind) continue;
    if (kind === 'shell') {
      effects.push(shellEffect(tool, `${name}, passed to another function,`, undefined));
      continue;
    }
    effects.push({
      operation: 'delete',
      tool,
      target: '<paths computed at run time>',
      reversible: false,
      risk: kind === 'tree' ? 'high' : 'medium',
      reason: `${tool}: ${name} is passed to another function, which deletes ${kind === 'tree' ? 'the trees' : 'the files'} it is given (paths computed at run time)`,
      category: 'file',
    });
  }
  return effects;
}
