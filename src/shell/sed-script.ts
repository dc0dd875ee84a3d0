import { hasOption, parseOptions } from './options.js';
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
/**
 * GNU sed's escapes in a replacement or an `e` command (`\x6d`, `\o155`, `\d109`, `\cX`, `\n`, `\t`) and
 * its case conversions (`\L`, `\U`, `\l`, `\u`, `\E`): the command run is not the text as written.
 */
const GNU_ESCAPE = /\\[xodcntrafvLUluE]/;
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
  /**
   * Up to an unescaped `delimiter`, which is consumed; undefined when the text ends first. In a regular
   * expression (`regex`) a bracket expression may hold the delimiter (`s/[^/]*$//`), as GNU sed reads it.
   */
  delimited(delimiter: string, regex = false): string | undefined {
    let out = '';
    while (!this.done) {
      const c = this.next();
      if (regex && c === '[') {
        out += c + this.bracket();
        continue;
      }
      if (c === delimiter) return out;
      if (c === '\\') {
        const escaped = this.next();
        // `\/` in a `/`-delimited part is the delimiter itself; other escapes stay as written.
        out += escaped === delimiter ? escaped : `\\${escaped}`;
      } else out += c;
    }
    return undefined;
  }
  /** The rest of a bracket expression after its `[`: `]` first (or after `^`) is a member, as are `[:alpha:]`. */
  bracket(): string {
    let out = '';
    if (this.peek() === '^') out += this.next();
    if (this.peek() === ']') out += this.next();
    while (!this.done) {
      const c = this.next();
      out += c;
      if (c === '[' && /[:.=]/.test(this.peek())) {
        const close = `${this.peek()}]`;
        const end = this.text.indexOf(close, this.at + 1);
        if (end < 0) return out;
        out += this.text.slice(this.at, end + 2);
        this.at = end + 2;
      } else if (c === ']') return out;
    }
    return out;
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
    if (r.delimited(delimiter, true) === undefined) throw new Error('unterminated address');
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
  const pattern = r.delimited(delimiter, true);
  const replacement = pattern === undefined ? undefined : r.delimited(delimiter);
  if (replacement === undefined) throw new Error('unterminated s command');
  for (;;) {
    const flag = r.peek();
    if (flag === 'e') {
      r.next();
      // With no reference to what matched, a pattern that takes the whole line leaves only the replacement.
      if (WHOLE_LINE.has(pattern!) && !/&|\\[0-9]/.test(replacement) && !GNU_ESCAPE.test(replacement))
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
        // A label ends at a blank as well (GNU sed 4.9: `:a e CMD` is a label and an `e` command).
        r.skipBlanks();
        while (!r.done && !/[;\n \t]/.test(r.peek())) r.next();
      } else if (FILE_ARGUMENT.has(command)) {
        r.skipBlanks();
        const file = r.restOfLine();
        if (command === 'w' || command === 'W') script.writes.push(file);
      } else if (command === 'e') {
        r.skipBlanks();
        const line = r.restOfLine();
        // With escapes (`e r\x6d -rf ~`) the command is not the text as written: known at run time only.
        if (line.trim() === '' || line.includes('\\')) script.runsItsInput = true;
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
  const given: Word[] = [];
  const files: string[] = [];
  const positionals: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.value === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    // `--expression`, or any prefix getopt_long takes (`--expr`), with `=VALUE` or the next word.
    const long = /^--(e[a-z]*|f[a-z]*)(?:=(.*))?$/s.exec(w.value);
    if (long && ('expression'.startsWith(long[1]!) || 'file'.startsWith(long[1]!))) {
      const value = long[2] !== undefined ? { ...w, value: long[2] } : words[++i];
      if (value && long[1]!.startsWith('e')) given.push(value);
      else if (value) files.push(value.value);
      continue;
    }
    // `-e SCRIPT`, `-eSCRIPT`, `-nEe SCRIPT`: flags without a value, then e or f (`-ie` is -i with suffix e).
    const short = /^-([nrsuzE]*)([ef])(.*)$/s.exec(w.value);
    if (short && !w.dynamic) {
      const value = short[3] !== '' ? { ...w, value: short[3]! } : words[++i];
      if (value && short[2] === 'e') given.push(value);
      else if (value) files.push(value.value);
      continue;
    }
    if (/^(-l|--line-length)$/.test(w.value)) i++;
    else if (!w.value.startsWith('-') || w.value === '-') positionals.push(w);
  }
  const scriptFiles = [...new Set(files)];
  const scripts = given.length || scriptFiles.length ? given : positionals.slice(0, 1);
  return { scripts, scriptFiles, sandboxed: hasOption(parsed, '--sandbox') };
}
