import { splitArgs } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import type { Found } from './apis.js';

// The shell command a call hands over, as text the shell assessment reads: one string is a command line
// (`os.system('rm -rf ~')`, `execSync(…)`, `shell=True`); several words are a program and its arguments
// (`spawnSync('rm', ['-rf', dir])`, Perl's `exec "rm", "-rf", $ENV{HOME}`), put back on one line. A word
// known only at run time stands as a variable no one sets, so the rest is still judged: `rm -rf` with a
// target computed at run time. Only the first two arguments were read, and `os.homedir()` in a list made
// the whole list unknown, so `rm` alone was judged and allowed.

/** Run-time parts of a string (`{x}`, `${x}`, `#{x}`) as a shell variable no one sets. */
function withRuntimeValues(text: string): string {
  return text.replace(/[$#]?\{[^{}]*\}/g, '${INTERLOCK_RUNTIME_VALUE}');
}

const RUNTIME_WORD = '"${INTERLOCK_RUNTIME_VALUE}"';

/** A word as the shell reads it back: as it is when plain, else in single quotes. */
const quoted = (value: string) =>
  /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

function stringWord(t: Token): string {
  return t.dynamic ? `"${withRuntimeValues(t.text).replace(/"/g, '\\"')}"` : quoted(t.text);
}

const isList = (arg: readonly Token[]) =>
  arg[0]?.kind === 'punct' && ['[', '('].includes(arg[0].text) && arg.at(-1)?.kind === 'punct';

/** `shell=True`, `stdio: 'inherit'`, `{…}`, Perl's `key => v`: a setting of the call, not a word. */
function isSetting(arg: readonly Token[]): boolean {
  const [a, b] = arg;
  if (a?.kind === 'punct' && a.text === '{') return true;
  return (
    (a?.kind === 'ident' || a?.kind === 'string') && b?.kind === 'punct' && (b.text === '=' || b.text === ':')
  );
}

/** One argument's words (a string, a list's elements, a value known at run time); undefined for a setting. */
function argWords(arg: readonly Token[]): string[] | undefined {
  if (!arg.length || isSetting(arg)) return undefined;
  if (arg.length === 1 && arg[0]!.kind === 'string') return [stringWord(arg[0]!)];
  if (isList(arg))
    return splitArgs(arg.slice(1, -1)).map((e) =>
      e.length === 1 && e[0]!.kind === 'string' ? stringWord(e[0]!) : RUNTIME_WORD,
    );
  return [RUNTIME_WORD];
}

/**
 * The arguments that are the command: Python's exec and spawn functions (os.execvp, os.spawnl…) take the
 * program's path first (and a mode before it for spawn*), then its argv with argv[0], then (for the *e
 * forms) an environment.
 */
function commandArgs(found: Found, lang: Lang): Token[][] {
  const { name } = found.call;
  const args = found.call.args;
  // os.posix_spawn(path, argv, env, …): the argv list is the command.
  if (lang === 'python' && /^posix_spawnp?$/.test(name)) return args.slice(1, 2);
  const family = lang === 'python' ? /^(exec|spawn)([lv])p?(e?)$/.exec(name) : null;
  if (!family) return args;
  const skip = family[1] === 'spawn' ? 2 : 1;
  const withoutEnv = family[3] ? args.slice(0, -1) : args;
  return withoutEnv.slice(skip);
}

/** The shell command a call runs, or undefined when what it runs is not known at all. */
export function shellText(found: Found, lang: Lang): string | undefined {
  const args = commandArgs(found, lang);
  const first = args[0];
  // `os.system(cmd)`: a command line held in a variable is not known at all.
  if (!first || (!(first.length === 1 && first[0]!.kind === 'string') && !isList(first))) return undefined;
  const words: string[] = [];
  for (const arg of args) {
    const found = argWords(arg);
    if (!found) break;
    words.push(...found);
  }
  // One string alone is a command line, read as the shell reads it.
  if (words.length === 1 && first.length === 1) {
    const t = first[0]!;
    return t.dynamic ? withRuntimeValues(t.text) : t.text;
  }
  return words.length ? words.join(' ') : undefined;
}
