import { commandName, type Inner } from './wrappers.js';
import { word, type Word } from './words.js';

// expect drives programs as a person would: `expect -c 'spawn ssh prod-db; expect "$ "; send "rm -rf
// /var/lib/pg\r"; expect eof'`. `spawn` and `exec` run programs; what `send` types into a spawned shell or
// ssh session is a command line for it. All of it ran unseen. Tcl is read here only as far as these
// commands need: statements, words, braces and quotes; a word with a substitution is computed at run time.

/** Tcl's backslash escapes in quoted words that matter for typed text. */
const ESCAPES: Record<string, string> = { r: '\n', n: '\n', t: '\t' };

/** The text of a bracketed command substitution starting at code[open] (`[`), and the index after it. */
function bracketed(code: string, open: number): [string, number] {
  let depth = 1;
  let i = open + 1;
  while (i < code.length && depth > 0) {
    if (code[i] === '[') depth++;
    else if (code[i] === ']') depth--;
    i++;
  }
  return [code.slice(open + 1, i - 1), i];
}

/**
 * The statements of a Tcl script as lists of words (`{…}` literal, `"…"` with escapes). The scripts of
 * command substitutions (`[exec rm -rf x]`) in bare or quoted words go to `subs`: they run too.
 */
function statements(code: string, subs: string[] = []): Word[][] {
  const all: Word[][] = [];
  let current: Word[] = [];
  let i = 0;
  const end = () => {
    if (current.length) all.push(current);
    current = [];
  };
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\n' || c === ';') {
      end();
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#' && current.length === 0) while (i < code.length && code[i] !== '\n') i++;
    else if (c === '{') {
      let depth = 1;
      const start = ++i;
      while (i < code.length && depth > 0) {
        if (code[i] === '{') depth++;
        else if (code[i] === '}') depth--;
        i++;
      }
      current.push(word(code.slice(start, i - 1)));
    } else if (c === '"') {
      let out = '';
      let dynamic = false;
      i++;
      while (i < code.length && code[i] !== '"') {
        if (code[i] === '\\' && i + 1 < code.length) {
          out += ESCAPES[code[i + 1]!] ?? code[i + 1]!;
          i += 2;
          continue;
        }
        if (code[i] === '[') {
          const [inner, next] = bracketed(code, i);
          subs.push(inner);
          out += code.slice(i, next);
          dynamic = true;
          i = next;
          continue;
        }
        if (code[i] === '$') dynamic = true;
        out += code[i++];
      }
      i++;
      current.push(word(out, dynamic));
    } else {
      const start = i;
      while (i < code.length && !/[\s;]/.test(code[i]!)) {
        if (code[i] !== '[') i++;
        else {
          const [inner, next] = bracketed(code, i);
          subs.push(inner);
          i = next;
        }
      }
      const text = code.slice(start, i);
      current.push(word(text, /[$[]/.test(text)));
    }
  }
  end();
  return all;
}

/** Programs whose input is a command line: what is sent to them runs. */
const TAKES_COMMANDS = /^(sh|bash|zsh|dash|ksh|fish|ssh|su|sudo|docker|kubectl|telnet|mysql|psql|redis-cli)$/;

const SHELLS = /^(sh|bash|zsh|dash|ksh|fish)$/;
/** Prompts whose answer is a secret. */
const SECRET_PROMPT = /pass(word|phrase)?|PIN|token|secret|otp|verification code/i;

/** Lines typed into a session, as the command line that runs them (`bash -c …`, `ssh host …`, `psql -c …`). */
function typedInto(session: Word[], text: Word): Inner {
  const program = commandName(session[0]);
  const lastWord = commandName(session.filter((w) => !w.value.startsWith('-')).at(-1));
  if (SHELLS.test(lastWord) || program === 'su')
    return { kind: 'argv', argv: [...session, word('-c'), text] };
  if (program === 'ssh') return { kind: 'argv', argv: [...session, text] };
  if (program === 'psql') return { kind: 'argv', argv: [...session, word('-c'), text] };
  if (program === 'mysql') return { kind: 'argv', argv: [...session, word('-e'), text] };
  return {
    kind: 'unverifiable',
    reason: `expect types commands into ${session.map((w) => w.value).join(' ')}`,
    target: text.value,
  };
}

/** Commands whose braced arguments are scripts Tcl runs (bodies of loops, conditions, procedures, catch). */
const BODIES =
  /^(if|elseif|else|while|for|foreach|proc|catch|eval|after|uplevel|time|try|switch|namespace|interact|expect_after|expect_before)$/;

/**
 * Every statement a script may run, in order: a statement's command substitutions first (Tcl evaluates them
 * before it), then the statement, then the scripts in its bodies. Nested at most a few levels.
 */
function allStatements(code: string, depth = 0): Word[][] {
  if (depth > 6) return [];
  const subs: string[] = [];
  const out: Word[][] = [];
  for (const statement of statements(code, subs)) {
    out.push(...subs.splice(0).flatMap((s) => allStatements(s, depth + 1)));
    out.push(statement);
    if (BODIES.test(statement[0]?.value ?? ''))
      for (const w of statement.slice(1))
        if (/\s/.test(w.value)) out.push(...allStatements(w.value, depth + 1));
  }
  out.push(...subs.flatMap((s) => allStatements(s, depth + 1)));
  return out;
}

/** Tcl's own ways to run or delete: `system` (through sh), `file delete [-force]`, `open "|cmd"`. */
function tclCommand(command: string, rest: Word[]): Inner | undefined {
  if (command === 'system' && rest.length)
    return {
      kind: 'argv',
      argv: [
        word('sh'),
        word('-c'),
        word(
          rest.map((w) => w.value).join(' '),
          rest.some((w) => w.dynamic),
        ),
      ],
    };
  if (command === 'file' && rest[0]?.value === 'delete') {
    const paths = rest.slice(1).filter((w) => w.value !== '-force' && w.value !== '--');
    const force = rest.some((w) => w.value === '-force');
    return paths.length
      ? { kind: 'argv', argv: [word('rm'), ...(force ? [word('-rf')] : []), ...paths] }
      : undefined;
  }
  if (command === 'open' && rest[0]?.value.startsWith('|')) {
    const line = rest[0].value.slice(1);
    return { kind: 'argv', argv: [word('sh'), word('-c'), word(line, rest[0].dynamic)] };
  }
  return undefined;
}

/** What an expect script runs: its spawned and exec'd programs, and the lines sent to a shell it spawned. */
export function expectCommands(args: readonly Word[]): Inner[] {
  const code = args.flatMap((w, i) => (w.value === '-c' && args[i + 1] ? [args[i + 1]!] : []));
  return code.flatMap((script) => tclScriptCommands(script, 'expect'));
}

/** What a Tcl script run by `tool` (expect, tclsh, wish) runs. */
export function tclScriptCommands(script: Word, tool: string): Inner[] {
  const inner: Inner[] = [];
  if (script.dynamic)
    return [
      { kind: 'unverifiable', reason: `${tool} runs a script built at run time`, target: script.value },
    ];
  let session: Word[] | undefined;
  let prompt = '';
  const typed: Word[] = [];
  const close = () => {
    if (session && typed.length) {
      // The lines typed, as one script handed to the session's program (`ssh host 'line1\nline2'`).
      const text = word(
        typed.map((w) => w.value.replace(/\n$/, '')).join('\n'),
        typed.some((w) => w.dynamic),
      );
      inner.push(typedInto(session, text));
    } else if (session) inner.push({ kind: 'argv', argv: session });
    session = undefined;
    typed.length = 0;
  };
  for (const [command, ...rest] of allStatements(script.value)) {
    const tcl = command ? tclCommand(command.value, rest) : undefined;
    if (tcl) inner.push(tcl);
    else if (command?.value === 'spawn') {
      close();
      const argv = rest.filter(
        (w) => !/^-(noecho|console|nottyinit|nottycopy|ignore|leaveopen|open|pty)$/.test(w.value),
      );
      // `spawn bash -i`, `spawn env bash`: a shell however it is started.
      if (argv.some((w) => TAKES_COMMANDS.test(commandName(w)))) session = argv;
      else if (argv.length) inner.push({ kind: 'argv', argv });
    } else if (command?.value === 'exec' && rest.length) inner.push({ kind: 'argv', argv: rest });
    else if (command?.value === 'expect') prompt = rest.map((w) => w.value).join(' ');
    else if ((command?.value === 'send' || command?.value === 'exp_send') && session) {
      const text = rest.filter((w) => !w.value.startsWith('-')).at(-1);
      // An answer to a password or passphrase prompt is a secret, not a command (and stays out of the log).
      if (text && !SECRET_PROMPT.test(prompt)) typed.push(text);
    }
  }
  close();
  return inner;
}
