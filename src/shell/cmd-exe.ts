import type { Inner } from './wrappers.js';
import { isPlaceVariable, posixPath } from './windows-paths.js';
import { word, type Word } from './words.js';

// cmd.exe given a command (`cmd /c "rd /s /q C:\Users\dev\repo"`, `cmd.exe /c del /s /q D:\Backups\*`): its
// builtins are read as the POSIX commands that do the same (rd /s is `rm -r`, del is `rm -f`, robocopy /MIR
// a copy and a delete at the destination, move is `mv`), so that the analyzers judge them by their targets;
// other programs it starts (`vssadmin delete shadows`, `powershell -c …`) are assessed as they are. It all
// ran unseen. The language is read only as far as this needs: `&`, `&&`, `||`, `|`, `( … )` blocks, `if`,
// `for`, double quotes, `^` escapes, %VARIABLES% and redirections.

type Token =
  | { kind: 'word'; text: string; quoted: boolean }
  | { kind: 'op'; op: string }
  | { kind: 'redirect'; append: boolean; output: boolean; target: string };

/** A command line as cmd splits it: words, operators (`&`, `&&`, `||`, `|`, `(`, `)`) and redirections. */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  const blank = (c: string | undefined) => c !== undefined && /[ \t,;=]/.test(c);
  const readWord = (): { text: string; quoted: boolean } => {
    let text = '';
    let quoted = false;
    let inQuote = false;
    while (i < line.length) {
      const c = line[i]!;
      if (c === '\n' || c === '\r') break;
      if (c === '"') {
        inQuote = !inQuote;
        quoted = true;
        i++;
        continue;
      }
      if (!inQuote) {
        if (/[ \t,;&|<>]/.test(c) || (c === ')' && depth > 0)) break;
        // `=` separates a builtin's arguments too, but not inside a word (`set X=1`, `/grant x:F`, `a==b`).
        if (c === '=' && text === '') break;
        if (c === '^') {
          if (i + 1 < line.length) text += line[i + 1];
          i += 2;
          continue;
        }
      }
      text += c;
      i++;
    }
    return { text, quoted };
  };
  while (i < line.length) {
    const c = line[i]!;
    const next = line[i + 1];
    if (c === '=' && next === '=') {
      out.push({ kind: 'word', text: '==', quoted: false });
      i += 2;
    } else if (blank(c)) i++;
    else if (c === '\n' || c === '\r') {
      out.push({ kind: 'op', op: '&' });
      i++;
    } else if (c === '&' || c === '|') {
      out.push({ kind: 'op', op: next === c ? c + c : c });
      i += next === c ? 2 : 1;
    } else if (c === '(') {
      depth++;
      out.push({ kind: 'op', op: '(' });
      i++;
    } else if (c === ')' && depth > 0) {
      depth--;
      out.push({ kind: 'op', op: ')' });
      i++;
    } else if (c === '<' || c === '>' || (/\d/.test(c) && (next === '>' || next === '<'))) {
      if (/\d/.test(c)) i++;
      const output = line[i] === '>';
      const append = output && line[i + 1] === '>';
      i += append ? 2 : 1;
      // `2>&1`: a handle duplicated, no file.
      if (line[i] === '&') {
        i++;
        while (/\d/.test(line[i] ?? '')) i++;
        continue;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      out.push({ kind: 'redirect', append, output, target: readWord().text });
    } else {
      const start = i;
      const w = readWord();
      if (w.text !== '' || w.quoted) out.push({ kind: 'word', ...w });
      if (i === start) i++; // nothing read (cannot happen, but the loop must move on)
    }
  }
  return out;
}

/**
 * A word as the analyzers see it: `%TEMP%` and the other places every machine has at the start of a path are
 * known; any other variable (`%DIR%`, `%1`, `%~dp0`, a for variable, `!X!`) is computed at run time.
 */
function cmdWord(text: string): Word {
  const place = /^%([\w()]+)%/.exec(text);
  const rest = place && isPlaceVariable(place[1]!) ? text.slice(place[0].length) : text;
  return word(text, /%[^\s%]/.test(rest) || /!\w+!/.test(rest));
}

const argv = (...words: (Word | string)[]): Inner => ({
  kind: 'argv',
  argv: words.map((w) => (typeof w === 'string' ? word(w) : w)),
});

/** The devices cmd writes to or reads from by name: not files. */
const DEVICE = /^(nul|con|prn|aux|com\d|lpt\d)(:|\.[^\\/]*)?$/i;

/** Where `cd` took the command line: the relative paths named after it are below that directory. */
interface Place {
  dir?: Word;
}

/** A path named to cmd as the path analysis reads it (`NUL` is /dev/null), below the directory cd chose. */
function cmdPath(w: Word, place: Place): Word {
  if (DEVICE.test(w.value)) return word('/dev/null');
  const p = posixPath(w);
  if (!place.dir || p.value.startsWith('/') || p.value.startsWith('~')) return p;
  return word(`${place.dir.value}/${p.value}`, place.dir.dynamic || p.dynamic);
}

/** A builtin's switches (`/s`, `/Q`, `/s/q`, `/a:h`), lower-cased, and its other words. */
function switches(args: readonly Word[]): { on: Set<string>; operands: Word[] } {
  const on = new Set<string>();
  const operands: Word[] = [];
  for (const w of args) {
    if (!w.dynamic && /^\/[^/\\]/.test(w.value))
      for (const s of w.value.slice(1).split('/')) on.add(`/${s.toLowerCase().replace(/:.*$/, '')}`);
    else operands.push(w);
  }
  return { on, operands };
}

/** Builtins that print, or change only cmd's own state: nothing for the analyzers to judge. */
const QUIET =
  /^(cls|rem|title|color|ver|vol|pause|setlocal|endlocal|prompt|verify|break|goto|shift|chcp|exit|::.*|echo[^\w].*)$/;

/** What a command is read with, besides its words. */
interface Scope {
  /** The words that were written in quotes (start's first quoted word is a window title, not the program). */
  quoted: ReadonlySet<Word>;
  place: Place;
  /** In the body of `for /r`: each item is a file anywhere below the root, as with `del /s`. */
  subtree: boolean;
}

/**
 * del's patterns. With /s (or over `for /r` items) a pattern names matching files in every directory below:
 * `del /s *.pyc` is `find . -name '*.pyc' -type f -delete`; one that matches everything (`D:\*`, `*.*`) or
 * names a directory is a whole tree's files, `rm -r -f`.
 */
function deletes(operands: readonly Word[], tree: boolean, path: (w: Word) => Word): Inner[] {
  const everything: Word[] = [];
  const found: Inner[] = [];
  for (const w of operands) {
    const base = /[^\\/]*$/.exec(w.value)![0];
    if (!tree || w.dynamic || !/[*?]/.test(base) || /^\*(\.\*)?$/.test(base)) {
      everything.push(path(w));
      continue;
    }
    const dir = w.value.slice(0, w.value.length - base.length).replace(/[\\/]$/, '') || '.';
    found.push(
      argv(
        'find',
        path(word(/^[A-Za-z]:$/.test(dir) ? `${dir}\\` : dir)),
        '-name',
        base,
        '-type',
        'f',
        '-delete',
      ),
    );
  }
  return [...(everything.length ? [argv('rm', ...(tree ? ['-r'] : []), '-f', ...everything)] : []), ...found];
}

/** What one command runs, a builtin read as the POSIX command that does the same. */
function translate(words: readonly Word[], scope: Scope): Inner[] {
  const { quoted, place } = scope;
  const [first, ...args] = words;
  if (!first) return [];
  if (first.value.startsWith('@') && !first.dynamic)
    return translate([{ ...first, value: first.value.slice(1) }, ...args], scope);
  if (first.value === '') return translate(args, scope);
  // cmd ends a command's name at `/` (`rd/s/q DIR` is `rd /s /q DIR`); a drive or path keeps its slashes.
  const glued = /^([a-z]+)(\/[a-z?:-]+)+$/i.exec(first.dynamic ? '' : first.value);
  if (glued && !/^[a-z]:/i.test(first.value)) {
    const [head, ...switchesGiven] = first.value.split('/');
    return translate(
      [{ ...first, value: head! }, ...switchesGiven.map((x) => ({ ...first, value: `/${x}` })), ...args],
      scope,
    );
  }
  const name = first.dynamic ? '' : first.value.toLowerCase().replace(/\.exe$/, '');
  const { on, operands } = switches(args);
  const path = (w: Word) => cmdPath(w, place);
  const paths = () => operands.map(path);
  const here = () => place.dir ?? word('.');
  switch (name) {
    case 'rd':
    case 'rmdir':
      if (!operands.length) return [];
      return [on.has('/s') ? argv('rm', on.has('/q') ? '-rf' : '-r', ...paths()) : argv('rmdir', ...paths())];
    case 'del':
    case 'erase':
      return deletes(operands, on.has('/s') || scope.subtree, path);
    case 'copy': {
      const [from, to] = operands;
      return from ? [argv('cp', path(from), to ? path(to) : here())] : [];
    }
    case 'xcopy': {
      const [from, to] = operands;
      const tree = on.has('/s') || on.has('/e');
      return from ? [argv('cp', ...(tree ? ['-r'] : []), path(from), to ? path(to) : here())] : [];
    }
    case 'robocopy': {
      const [from, to] = operands;
      if (!from || !to) return [];
      // /MOV and /MOVE delete from the source what they copied; /MIR and /PURGE delete from the destination
      // whatever the source does not have (all of it, when the source is empty).
      const moves = on.has('/mov') || on.has('/move');
      const copy = moves ? argv('mv', path(from), path(to)) : argv('cp', '-r', path(from), path(to));
      return on.has('/mir') || on.has('/purge') ? [copy, argv('rm', '-rf', path(to))] : [copy];
    }
    case 'move': {
      const [from, to] = operands;
      return from && to ? [argv('mv', path(from), path(to))] : [];
    }
    case 'ren':
    case 'rename': {
      const [from, to] = operands;
      if (!from || !to) return [];
      const dir = from.value.replace(/[^\\/]*$/, '');
      return [argv('mv', path(from), path({ ...to, value: dir + to.value }))];
    }
    case 'type':
    case 'more':
      return operands.length ? [argv('cat', ...paths())] : [];
    case 'dir':
      return [argv('ls', ...paths())];
    case 'where':
      return [argv('which', ...operands)];
    case 'find':
    case 'findstr':
      return [argv('grep', ...operands.map((w, k) => (k === 0 ? w : path(w))))];
    case 'set':
      // `set` alone (or `set PREFIX`) prints variables; `set X=1`, `set /a`, `set /p` set one.
      return [operands.some((w) => w.value.includes('=')) || on.size ? argv('true') : argv('printenv')];
    case 'cd':
    case 'chdir':
    case 'pushd': {
      if (!operands.length) return [argv('pwd')];
      // cd takes the rest of the line as the directory, spaces and all (`cd C:\Program Files`).
      const to = path(
        word(
          operands.map((w) => w.value).join(' '),
          operands.some((w) => w.dynamic),
        ),
      );
      place.dir = to;
      return [argv(name === 'pushd' ? 'pushd' : 'cd', to)];
    }
    case 'popd':
      delete place.dir;
      return [argv('popd')];
    case 'md':
    case 'mkdir':
      return operands.length ? [argv('mkdir', '-p', ...paths())] : [];
    case 'mklink': {
      const [link, target] = operands;
      return link && target ? [argv('ln', ...(on.has('/h') ? [] : ['-s']), path(target), path(link))] : [];
    }
    case 'call':
      return args[0]?.value.startsWith(':') ? [] : translate(args, scope);
    case 'start':
      return translate(startCommand(args, quoted), scope);
    case 'echo':
      return [argv('echo', ...args)];
  }
  if (QUIET.test(name)) return [argv('true')];
  // Any other program, by its path the POSIX way (`C:\Windows\System32\vssadmin.exe` is vssadmin).
  return [{ kind: 'argv', argv: [posixPath(first), ...args] }];
}

/** `start ["title"] [/d DIR] [/wait /b /min …] COMMAND ARGS`: the command it starts. */
function startCommand(args: readonly Word[], quoted: ReadonlySet<Word>): Word[] {
  let i = 0;
  if (args[0] && quoted.has(args[0])) i++;
  while (args[i] && /^\//.test(args[i]!.value)) {
    if (/^\/(d|affinity|node)$/i.test(args[i]!.value)) i++;
    i++;
  }
  return args.slice(i);
}

/** Redirections to a file, as a write of it (`echo x > C:\Windows\System32\drivers\etc\hosts`). */
function writes(redirects: readonly Extract<Token, { kind: 'redirect' }>[], place: Place): Inner[] {
  return redirects.flatMap((r) =>
    r.output && r.target !== '' && !DEVICE.test(r.target)
      ? [argv('tee', ...(r.append ? ['-a'] : []), cmdPath(cmdWord(r.target), place))]
      : [],
  );
}

/** At most this many commands a `for` loop is read as (one per item of its set): the others are alike. */
const MAX_LOOP_RUNS = 16;
const MAX_DEPTH = 16;

/** Reads commands from the tokens of one command line. */
class Reader {
  private at = 0;
  constructor(
    private readonly all: readonly Token[],
    /** The `for` variables in scope and what each stands for. */
    private readonly place: Place,
    private readonly loops: Map<string, Word[]> = new Map(),
    private readonly subtree = false,
  ) {}

  private peek = () => this.all[this.at];
  private isWord = (text: string) => {
    const t = this.peek();
    return t?.kind === 'word' && !t.quoted && t.text.toLowerCase() === text;
  };
  private isOp = (op: string) => {
    const t = this.peek();
    return t?.kind === 'op' && t.op === op;
  };
  private nextWord(): string | undefined {
    const t = this.peek();
    if (t?.kind !== 'word') return undefined;
    this.at++;
    return t.text;
  }

  /** Commands joined by `&`, `&&`, `||`, `|` up to the end (or to the `)` closing a block). */
  list(depth: number, inBlock: boolean): Inner[] {
    const inner: Inner[] = [];
    while (this.at < this.all.length) {
      if (inBlock && this.isOp(')')) break;
      const t = this.peek()!;
      if (t.kind === 'op' && t.op !== '(') {
        this.at++;
        continue;
      }
      inner.push(...this.command(depth, inBlock));
    }
    return inner;
  }

  /** One command: a `( … )` block, `if`, `for`, or a simple command. */
  private command(depth: number, inBlock: boolean): Inner[] {
    if (depth > MAX_DEPTH)
      return [{ kind: 'unverifiable', reason: 'cmd blocks nested too deeply', target: 'cmd' }];
    if (this.isOp('(')) {
      this.at++;
      const inner = this.list(depth + 1, true);
      if (this.isOp(')')) this.at++;
      return [...inner, ...this.elseBranch(depth, inBlock)];
    }
    if (this.isWord('if')) return this.conditional(depth, inBlock);
    if (this.isWord('for')) return this.loop(depth, inBlock);
    return this.simple(inBlock);
  }

  /** `if [/i] [not] exist X | defined X | errorlevel N | A==B | A equ B  COMMAND [else COMMAND]`. */
  private conditional(depth: number, inBlock: boolean): Inner[] {
    this.at++;
    if (this.isWord('/i')) this.at++;
    if (this.isWord('not')) this.at++;
    const first = this.nextWord() ?? '';
    if (/^(exist|defined|errorlevel|cmdextversion)$/i.test(first)) this.nextWord();
    else if (first.endsWith('==')) this.nextWord();
    else if (!first.includes('==')) {
      const op = this.peek();
      if (op?.kind === 'word' && op.text === '==') {
        this.at++;
        this.nextWord();
      } else if (op?.kind === 'word' && op.text.startsWith('==')) this.at++;
      else if (op?.kind === 'word' && /^(equ|neq|lss|leq|gtr|geq)$/i.test(op.text)) {
        this.at++;
        this.nextWord();
      }
    }
    return this.command(depth + 1, inBlock);
  }

  private elseBranch(depth: number, inBlock: boolean): Inner[] {
    if (!this.isWord('else')) return [];
    this.at++;
    return this.command(depth + 1, inBlock);
  }

  /** `for [/d | /r [ROOT] | /l | /f ["OPTIONS"]] %v in (SET) do COMMAND`: COMMAND once per item of SET. */
  private loop(depth: number, inBlock: boolean): Inner[] {
    this.at++;
    let kind = '';
    let root: string | undefined;
    while (this.peek()?.kind === 'word' && /^\//.test((this.peek() as { text: string }).text)) {
      kind = this.nextWord()!.toLowerCase();
      const after = this.peek();
      if ((kind === '/r' || kind === '/f') && after?.kind === 'word' && !after.text.startsWith('%')) {
        const value = this.nextWord();
        if (kind === '/r') root = value;
      }
    }
    const variable = (this.nextWord() ?? '').replace(/^%%?/, '');
    if (this.isWord('in')) this.at++;
    const set: Token[] = [];
    if (this.isOp('(')) {
      this.at++;
      while (this.at < this.all.length && !this.isOp(')')) set.push(this.all[this.at++]!);
      this.at++;
    }
    if (this.isWord('do')) this.at++;
    // Items of a file list or a glob stand for what they name; /l counts and /f reads lines or a command's
    // output: those values are not known here.
    const items: Word[] =
      kind === '/l' || kind === '/f'
        ? [word(`%${variable}`, true)]
        : set.flatMap((t) =>
            t.kind === 'word' ? [cmdWord(root ? `${root.replace(/[\\/]$/, '')}\\${t.text}` : t.text)] : [],
          );
    const start = this.at;
    const runs: Inner[] = [];
    for (const item of items.slice(0, MAX_LOOP_RUNS)) {
      this.at = start;
      const loops = new Map(this.loops).set(variable, [item]);
      const body = new Reader(this.all, this.place, loops, this.subtree || kind === '/r');
      body.at = start;
      runs.push(...body.command(depth + 1, inBlock));
      this.at = body.at;
    }
    if (!items.length) this.skipCommand(depth, inBlock);
    return runs;
  }

  /** Passes over a command that never runs (a loop over nothing). */
  private skipCommand(depth: number, inBlock: boolean): void {
    const probe = new Reader(this.all, this.place, this.loops);
    probe.at = this.at;
    probe.command(depth + 1, inBlock);
    this.at = probe.at;
  }

  /** A `for` variable replaced by the item it stands for (`%i`, `%%i`, `%~fi`). */
  private substituted(text: string): Word {
    let value = text;
    let dynamic = false;
    for (const [name, [item]] of this.loops) {
      const pattern = new RegExp(`%%?(?:~[a-zA-Z$:]*)?${name.replace(/\W/g, '\\$&')}`, 'g');
      if (!item || !pattern.test(value)) continue;
      value = value.replace(pattern, () => item.value);
      dynamic ||= item.dynamic;
    }
    const w = cmdWord(value);
    return dynamic ? { ...w, dynamic } : w;
  }

  /** Words and redirections up to the next operator: the command they make, and the files it writes. */
  private simple(inBlock: boolean): Inner[] {
    const words: Word[] = [];
    const quoted = new Set<Word>();
    const redirects: Extract<Token, { kind: 'redirect' }>[] = [];
    while (this.at < this.all.length) {
      const t = this.peek()!;
      // A `(` inside a command is text (`echo (x)`); a `)` ends the block the command is in.
      if (t.kind === 'op' && t.op !== '(' && (t.op !== ')' || inBlock)) break;
      this.at++;
      if (t.kind === 'redirect') redirects.push(t);
      else if (t.kind === 'op') words.push(word(t.op));
      else {
        const w = this.substituted(t.text);
        if (t.quoted) quoted.add(w);
        words.push(w);
      }
    }
    const scope = { quoted, place: this.place, subtree: this.subtree };
    return [...translate(words, scope), ...writes(redirects, this.place)];
  }
}

/** cmd's rule for a command line that starts with a quote: the first and the last quote are removed. */
function outerQuotes(text: string, always: boolean): string {
  const line = text.trim();
  if (!line.startsWith('"')) return line;
  const quotes = line.split('"').length - 1;
  const last = line.lastIndexOf('"');
  // Kept: exactly two quotes around the name of a program with a space in it (`"C:\Program Files\x.exe"`).
  const inside = line.slice(1, last);
  if (!always && quotes === 2 && /\s/.test(inside) && /\.(exe|com|bat|cmd)$/i.test(inside)) return line;
  return line.slice(1, last) + line.slice(last + 1);
}

/** `cmd [/s /q /d /v:on …] /c|/k COMMAND LINE`: what it runs. Without /c or /k it is an interactive shell. */
/** A line in cmd's own syntax, typed to a shell that is cmd (`del /s /q C:\build\*`): what it runs. */
export function cmdLine(text: string): Inner[] {
  return new Reader(tokens(text), {}).list(0, false);
}

export function cmdCommands(args: readonly Word[]): Inner[] {
  let stripAlways = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    // Git Bash turns `/c` into a path, so it is written `//c` there.
    const m = /^\/\/?([a-zA-Z])(.*)$/s.exec(w.value);
    if (!m || w.dynamic) return [];
    const flag = m[1]!.toLowerCase();
    if (flag === 's') stripAlways = true;
    if (flag !== 'c' && flag !== 'k' && flag !== 'r') continue;
    const rest = [...(m[2] ? [word(m[2], w.dynamic)] : []), ...args.slice(i + 1)];
    if (!rest.length) return [];
    // The words are put back on one line as Windows passes them: one with a space in it, in quotes (unless
    // it has quotes of its own: `cmd /c '"rd /s /q C:\x"'` was quoted for cmd by its writer).
    const quote = (v: string) => (/\s/.test(v) && !v.includes('"') ? `"${v}"` : v);
    const text = rest.map((r) => quote(r.value)).join(' ');
    if (rest.some((r) => r.dynamic))
      return [{ kind: 'unverifiable', reason: 'cmd /c runs a command built at run time', target: text }];
    return new Reader(tokens(outerQuotes(text, stripAlways)), {}).list(0, false);
  }
  return [];
}
