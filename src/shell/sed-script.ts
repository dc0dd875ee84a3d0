import { hasOption, optionValues, parseOptions } from './options.js';
import type { Word } from './words.js';

// GNU sed runs programs and writes files from inside its script: `e COMMAND` runs COMMAND through the shell,
// `e` alone and the `e` flag of `s` run the line being edited as a command, `w FILE`, `W FILE` and the `w`
// flag of `s` write FILE (emptied when sed starts, whether a line reaches it or not). `sed 'e rm -rf /' f`
// and `sed -n 'w /etc/cron.d/job' f` were allowed: only `-i` and the files after the script were read.
// This reads a script as sed does, command by command (the manual's "sed scripts" chapter).

export interface SedScript {
  /** `e COMMAND`: the command lines sed hands to the shell. */
  shellCommands: string[];
  /** `e` alone, or `s///e`: what sed runs is the text it edits, known only at run time. */
  runsItsInput: boolean;
  /** `s/.../COMMAND/e` whose pattern matches any whole line: the replacement is the command. */
  replacementCommands: string[];
  /** Files that `w`, `W` and `s///w` write. */
  writes: string[];
  /** Whether the text was read to its end as a sed script (sed would refuse what is not one). */
  understood: boolean;
}

/** Commands that take no argument, or only an optional number (`l`, `q`, `Q`, `L`). */
const PLAIN = new Set([...'=dDgGhHnNpPxzF}lLqQ']);
/** Commands whose argument is a label or version, ending at `;` or a newline. */
const LABELLED = new Set([...':btTv']);
/** Commands whose argument is a file name, to the end of the line (a `;` is part of the name). */
const FILE_ARGUMENT = new Set([...'rRwW']);
/** Patterns that match a whole line, whatever it holds: with them `s//CMD/e` runs CMD as written. */
const WHOLE_LINE = new Set(['.*', '^.*', '.*$', '^.*$', '^.*\\n*$']);
/** Files that are sed's own output, not a file on disk. */
const OWN_OUTPUT = new Set(['/dev/stdout', '/dev/stderr']);

class Reader {
  at = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.at >= this.text.length;
  }
  peek(): string {
    return this.text[this.at] ?? '';
  }
  next(): string {
    return this.text[this.at++] ?? '';
  }
  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++;
  }
  /** The rest of the line (the newline is consumed, not returned). */
  restOfLine(): string {
    const end = this.text.indexOf('\n', this.at);
    const line = this.text.slice(this.at, end < 0 ? undefined : end);
    this.at = end < 0 ? this.text.length : end + 1;
    return line;
  }
  /** Up to an unescaped `delimiter`, which is consumed; undefined when the text ends first. */
  delimited(delimiter: string): string | undefined {
    let out = '';
    while (!this.done) {
      const c = this.next();
      if (c === delimiter) return out;
      if (c === '\\') {
        const escaped = this.next();
        // `\/` in a `/`-delimited part is the delimiter itself; other escapes stay as written.
        out += escaped === delimiter ? escaped : `\\${escaped}`;
      } else out += c;
    }
    return undefined;
  }
  digits(): string {
    let out = '';
    while (/[0-9]/.test(this.peek())) out += this.next();
    return out;
  }
}

/** One address (`3`, `$`, `/re/I`, `\%re%`, `first~step`); false when none is there. */
function address(r: Reader): boolean {
  const c = r.peek();
  if (/[0-9]/.test(c)) {
    r.digits();
    if (r.peek() === '~') {
      r.next();
      r.digits();
    }
    return true;
  }
  if (c === '$') {
    r.next();
    return true;
  }
  if (c === '/' || c === '\\') {
    r.next();
    const delimiter = c === '/' ? '/' : r.next();
    if (r.delimited(delimiter) === undefined) throw new Error('unterminated address');
    while (r.peek() === 'I' || r.peek() === 'M') r.next();
    return true;
  }
  return false;
}

/** The address range before a command: `ADDR`, `ADDR,ADDR`, `ADDR,+N`, `ADDR,~N`, each maybe negated. */
function addresses(r: Reader): void {
  if (!address(r)) return;
  r.skipBlanks();
  if (r.peek() === ',') {
    r.next();
    r.skipBlanks();
    if (r.peek() === '+' || r.peek() === '~') {
      r.next();
      r.digits();
    } else if (!address(r)) throw new Error('a range without its end');
  }
}

/** `s/REGEX/REPLACEMENT/FLAGS`, after the `s`. */
function substitute(r: Reader, script: SedScript): void {
  const delimiter = r.next();
  if (delimiter === '' || delimiter === '\n' || delimiter === '\\') throw new Error('no delimiter');
  const pattern = r.delimited(delimiter);
  const replacement = pattern === undefined ? undefined : r.delimited(delimiter);
  if (replacement === undefined) throw new Error('unterminated s command');
  for (;;) {
    const flag = r.peek();
    if (flag === 'e') {
      r.next();
      // With no reference to what matched, a pattern that takes the whole line leaves only the replacement.
      if (WHOLE_LINE.has(pattern!) && !/&|\\[0-9]/.test(replacement))
        script.replacementCommands.push(replacement.replace(/\\(.)/gs, '$1'));
      else script.runsItsInput = true;
    } else if (flag === 'w') {
      r.next();
      r.skipBlanks();
      script.writes.push(r.restOfLine());
      return;
    } else if (/[gpiImM0-9]/.test(flag)) r.next();
    else return;
  }
}

/**
 * `a`, `i`, `c`: the text to add, on the same line (GNU's one-line form, `a text` or `a\text`) or, after
 * `a\` at the end of a line, on the next; it goes on while each line ends in a backslash.
 */
function text(r: Reader): void {
  r.skipBlanks();
  if (r.peek() === '\\') {
    r.next();
    if (r.peek() === '\n') r.next();
  }
  for (;;) {
    const line = r.restOfLine();
    if (!/(^|[^\\])(\\\\)*\\$/.test(line) || r.done) return;
  }
}

/** Reads a sed script; what it runs and writes. A text sed would refuse is `understood: false`. */
export function parseSedScript(source: string): SedScript {
  const script: SedScript = {
    shellCommands: [],
    runsItsInput: false,
    replacementCommands: [],
    writes: [],
    understood: true,
  };
  const r = new Reader(source);
  try {
    while (!r.done) {
      const c = r.peek();
      if (c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '{') {
        r.next();
        continue;
      }
      if (c === '#') {
        r.restOfLine();
        continue;
      }
      addresses(r);
      r.skipBlanks();
      while (r.peek() === '!') {
        r.next();
        r.skipBlanks();
      }
      const command = r.next();
      if (command === '{') continue;
      if (PLAIN.has(command)) {
        r.skipBlanks();
        r.digits();
      } else if (LABELLED.has(command)) {
        r.skipBlanks();
        while (!r.done && r.peek() !== ';' && r.peek() !== '\n') r.next();
      } else if (FILE_ARGUMENT.has(command)) {
        r.skipBlanks();
        const file = r.restOfLine();
        if (command === 'w' || command === 'W') script.writes.push(file);
      } else if (command === 'e') {
        r.skipBlanks();
        const line = r.restOfLine();
        if (line.trim() === '') script.runsItsInput = true;
        else script.shellCommands.push(line);
      } else if (command === 's') substitute(r, script);
      else if (command === 'y') {
        const delimiter = r.next();
        if (r.delimited(delimiter) === undefined || r.delimited(delimiter) === undefined)
          throw new Error('unterminated y command');
      } else if (command === 'a' || command === 'i' || command === 'c') text(r);
      else throw new Error(`unknown command ${command}`);
    }
  } catch {
    script.understood = false;
  }
  script.writes = script.writes.filter((file) => file !== '' && !OWN_OUTPUT.has(file));
  return script;
}

/**
 * Whether sed may run or write something this reading cannot see: a script it could not read to the end
 * (sed may read it otherwise) that holds an `e` or a `w` anywhere.
 */
export const sedMayHide = (text: string, script: SedScript): boolean =>
  !script.understood && /[ewW]/.test(text);

export interface SedRun {
  /** The script texts (`-e`, `--expression`, or the first operand), as words. */
  scripts: Word[];
  /** Scripts read from files (`-f FILE`): not read here. */
  scriptFiles: string[];
  /** `--sandbox`: sed refuses `e`, `r` and `w`. */
  sandboxed: boolean;
}

/** GNU and BSD sed options that take a value. */
const SED_VALUE = ['-e', '--expression', '-f', '--file', '-l', '--line-length'];

/** The scripts of one sed command line. BSD's `-i ''` (an empty backup suffix) is not a script. */
export function sedRun(args: readonly Word[]): SedRun {
  const words = args.filter((w, i) => !(w.value === '' && args[i - 1]?.value === '-i'));
  const parsed = parseOptions(words, { withValue: SED_VALUE });
  const given = words.flatMap((w, i): Word[] => {
    const next = words[i + 1];
    if ((w.value === '-e' || w.value === '--expression' || /^-[a-zA-Z]*e$/.test(w.value)) && next)
      return [next];
    if (w.value.startsWith('--expression=')) return [{ ...w, value: w.value.slice('--expression='.length) }];
    return [];
  });
  const scriptFiles = optionValues(parsed, '-f', '--file');
  const scripts = given.length || scriptFiles.length ? given : parsed.positionals.slice(0, 1);
  return { scripts, scriptFiles, sandboxed: hasOption(parsed, '--sandbox') };
}
