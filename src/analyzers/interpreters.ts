import type { Effect } from '../core/types.js';
import type { Word } from '../shell/words.js';
import { stdinFile, stdinStream } from '../shell/stdin-redirect.js';
import type { Analyzer, Invocation } from './analyzer.js';
import type { Lang } from './code-scan.js';
import { codeEffects } from './interpreters/calls.js';
import { codeFileEffects, moduleEffects } from './interpreters/code-file.js';
import { inPlaceEditEffect } from './in-place-edit.js';
import { MORE_INTERPRETERS, moreLanguage, moreProgram, type MoreLang } from './interpreters/more-clis.js';
import { tclEffects, tclFileEffects } from './interpreters/tcl.js';
import type { SqlParser } from './sql-parser.js';

// Interpreters given code on the command line (python -c, node -e, perl -e, ruby -e, php -r, deno eval,
// bun -e, and those of interpreters/more-clis.ts: julia -e, emacs --eval…), in a here-document, or in a
// program file (python3 x.py, node x.js, deno run x.ts, python3 -m pkg). The code is scanned for calls that delete, truncate or overwrite files, run shell commands, delete
// cloud or Kubernetes resources, or run SQL (see interpreters/calls.ts).

interface Program {
  /** Code to scan, in order (perl -e and ruby -e may repeat). */
  code: Word[];
  /** Files edited in place (perl -i / ruby -i), with whether a backup is kept. */
  inPlace?: { files: Word[]; backup: boolean };
  /** The program file run (`python3 drop_old.py`): its content is the code. */
  file?: Word;
  /** `python -m pkg.tool`: a module, read when it is a file of the project. */
  module?: string;
  /** `python3 <(curl -s URL)`: the program is what another command prints. */
  fromCommand?: Word;
}

/** The program file among the words where options end, unless it is stdin (`-`). */
const fileAt = (w: Word | undefined): Pick<Program, 'file' | 'fromCommand'> =>
  w && !w.dynamic && w.value !== '-' && w.value !== ''
    ? { file: w }
    : w?.dynamic && /^[<$]\(/.test(w.value)
      ? { fromCommand: w }
      : {};

const PYTHON_WITH_VALUE = new Set(['W', 'X', 'Q']);

/** python [-BdEhiIOqsSuvVx…] [-W arg] [-X opt] (-c code | -m module | script | -) [args] */
function python(args: readonly Word[]): Program {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic || !w.value.startsWith('-') || w.value === '-' || w.value.startsWith('--')) {
      if (w.value === '--') continue;
      if (w.value.startsWith('--')) return { code: [] }; // --version, --help
      return { code: [], ...fileAt(w) }; // a script, or `-` (stdin)
    }
    for (let j = 1; j < w.value.length; j++) {
      const flag = w.value[j]!;
      if (flag === 'c') {
        const rest = w.value.slice(j + 1);
        const code = rest ? { value: rest, dynamic: w.dynamic } : args[i + 1];
        return { code: code ? [code] : [] };
      }
      if (flag === 'm') {
        const module = w.value.slice(j + 1) || args[i + 1]?.value;
        const dynamic = !w.value.slice(j + 1) && args[i + 1]?.dynamic;
        return module && !dynamic ? { code: [], module } : { code: [] };
      }
      if (PYTHON_WITH_VALUE.has(flag)) {
        if (j === w.value.length - 1) i++;
        break;
      }
    }
  }
  return { code: [] };
}

const NODE_WITH_VALUE = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '-C',
  '--conditions',
  '--title',
  '--env-file',
  '--input-type',
  '--inspect-port',
]);

/** node/bun [options] (-e|--eval|-p|--print code | script) */
function node(args: readonly Word[]): Program {
  const code: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (w.dynamic || !v.startsWith('-')) return { code, ...fileAt(w) }; // the script and its arguments
    if (['-e', '--eval', '-p', '--print', '-pe', '-ep'].includes(v)) {
      const next = args[i + 1];
      if (next) code.push(next);
      break;
    }
    const m = /^(--eval|--print)=(.*)$/s.exec(v);
    if (m) {
      code.push({ value: m[2]!, dynamic: w.dynamic });
      break;
    }
    if (NODE_WITH_VALUE.has(v)) i++;
  }
  return { code };
}

/** bun FILE, bun run FILE (`bun run build` is a package.json script: assessed through npm's rules). */
function bun(args: readonly Word[]): Program {
  const prog = node(args[0]?.value === 'run' ? args.slice(1) : args);
  const looksLikeFile = prog.file && /\.[cm]?[jt]sx?$|\//.test(prog.file.value);
  return looksLikeFile ? prog : { code: prog.code };
}

/** deno eval [options] code; deno run [options] FILE */
function deno(args: readonly Word[]): Program {
  if (args[0]?.value === 'run') {
    const file = args.slice(1).find((w) => w.dynamic || !w.value.startsWith('-'));
    return { code: [], ...fileAt(file) };
  }
  if (args[0]?.value !== 'eval') return { code: [] };
  for (let i = 1; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic || !w.value.startsWith('-')) return { code: [w] };
    if (w.value === '--ext' || w.value === '--config' || w.value === '-c' || w.value === '--env-file') i++;
  }
  return { code: [] };
}

/**
 * perl and ruby switches: letters cluster (-lane, -pi.bak); -e/-E take the rest of the word or the next word;
 * -i takes the rest of the word as a backup suffix; -I/-M/-m/-r/-x/-C/-F/-d/-0/-l take the rest.
 */
function perlLike(args: readonly Word[], lang: 'perl' | 'ruby'): Program {
  const code: Word[] = [];
  let inPlace: { backup: boolean } | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === '--') {
      i++;
      break;
    }
    if (w.dynamic || !v.startsWith('-') || v === '-' || v.startsWith('--')) {
      if (v.startsWith('--') && !w.dynamic) continue; // --verbose, --disable-gems…
      break;
    }
    for (let j = 1; j < v.length; j++) {
      const flag = v[j]!;
      const rest = v.slice(j + 1);
      if (flag === 'e' || flag === 'E') {
        if (rest) code.push({ value: rest, dynamic: w.dynamic });
        else if (args[i + 1]) code.push(args[++i]!);
        break;
      }
      if (flag === 'i') {
        inPlace = { backup: rest.length > 0 };
        break;
      }
      if ('IMmxCFdDVTW0l'.includes(flag) || (lang === 'ruby' && 'rEK'.includes(flag))) {
        if (lang === 'ruby' && (flag === 'r' || flag === 'I' || flag === 'C') && !rest && args[i + 1]) i++;
        if (flag === 'l' || flag === '0') continue; // optional digits only; the cluster may go on (-lne)
        break;
      }
    }
  }
  if (code.length === 0) return { code, ...fileAt(args[i]) }; // `perl script.pl`: a program file
  const program: Program = { code };
  if (inPlace) program.inPlace = { files: args.slice(i), backup: inPlace.backup };
  return program;
}

/** lua [-l mod] [-i] [-v] [-E] (-e stat)… [script [args]]; every -e runs, then the script. */
function lua(args: readonly Word[]): Program {
  const code: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-e' && args[i + 1]) code.push(args[++i]!);
    else if (v.startsWith('-e') && v.length > 2) code.push({ ...args[i]!, value: v.slice(2) });
    else if (v === '-l' || v === '-W') i += v === '-l' ? 1 : 0;
    else if (v === '--' || !v.startsWith('-') || args[i]!.dynamic)
      return { code, ...fileAt(v === '--' ? args[i + 1] : args[i]) };
  }
  return { code };
}

/** Rscript [--options] (-e expr)… | file; `R [--options] -e expr`. */
function rscript(args: readonly Word[]): Program {
  const code: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.value === '-e' && args[i + 1]) code.push(args[++i]!);
    else if (w.value.startsWith('--file=')) return { code, file: { ...w, value: w.value.slice(7) } };
    else if (!w.value.startsWith('-') || w.dynamic) return code.length ? { code } : { code, ...fileAt(w) };
  }
  return { code };
}

/** php [-n] [-d key=value] [-c ini] -r code */
function php(args: readonly Word[]): Program {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic || !w.value.startsWith('-')) break;
    if (w.value === '-r' || w.value === '--run') return { code: args[i + 1] ? [args[i + 1]!] : [] };
    if (w.value.startsWith('-r') && w.value.length > 2)
      return { code: [{ value: w.value.slice(2), dynamic: w.dynamic }] };
    if (w.value === '-f' || w.value === '--file') return { code: [], ...fileAt(args[i + 1]) };
    if (['-d', '-c', '-z', '--define', '--php-ini'].includes(w.value)) i++;
  }
  const first = args.find((w) => w.dynamic || !w.value.startsWith('-'));
  return { code: [], ...fileAt(first) };
}

/** The languages whose command lines are read here (the others': interpreters/more-clis.ts). */
type FirstLang = Extract<Lang, 'python' | 'js' | 'perl' | 'ruby' | 'php' | 'lua' | 'r'>;

function language(name: string): FirstLang | undefined {
  if (/^(python[23]?(\.\d+)?|pypy3?)$/.test(name)) return 'python';
  if (['node', 'nodejs', 'deno', 'bun', 'ts-node', 'tsx'].includes(name)) return 'js';
  if (name === 'perl') return 'perl';
  if (name === 'ruby') return 'ruby';
  if (name === 'php') return 'php';
  if (/^lua(jit|5\.\d)?$/.test(name)) return 'lua';
  if (name === 'Rscript' || name === 'rscript' || name === 'R' || name === 'r') return 'r';
  return undefined;
}

function program({ name, args }: Pick<Invocation, 'name' | 'args'>, lang: FirstLang): Program {
  switch (lang) {
    case 'python':
      return python(args);
    case 'js':
      return name === 'deno' ? deno(args) : name === 'bun' ? bun(args) : node(args);
    case 'perl':
    case 'ruby':
      return perlLike(args, lang);
    case 'php':
      return php(args);
    case 'lua':
      return lua(args);
    case 'r':
      return rscript(args);
  }
}

/** What an interpreter command runs, with whether it reads its program on stdin; undefined if not one. */
function programOf(
  name: string,
  args: readonly Word[],
): { lang: MoreLang; prog: Program; stdin: boolean } | undefined {
  const lang = language(name);
  if (lang) return { lang, prog: program({ name, args: [...args] }, lang), stdin: readsStdin(args) };
  const more = moreLanguage(name);
  if (!more) return undefined;
  const { stdin, ...prog } = moreProgram(name, args);
  return { lang: more, prog, stdin };
}

/** The program file an interpreter command reads its code from (`python3 x.py` → x.py), if any. */
export function interpreterProgramFile(name: string, args: readonly Word[]): Word | undefined {
  const prog = programOf(name, args)?.prog;
  return prog && prog.code.length === 0 ? prog.file : undefined;
}

/** Whether the interpreter reads its program on stdin: no program file named, or `-`. */
function readsStdin(args: readonly Word[]): boolean {
  const positional = args.filter((w) => !w.value.startsWith('-') || w.value === '-');
  return positional.length === 0 || positional[0]!.value === '-';
}

/** Code on stdin: `python3 - <<'EOF'`, `node <<EOF`… (a pipe into an interpreter is peeled by the core). */
function stdinCode(inv: Invocation, stdin: boolean): Word | undefined {
  return inv.stdinText && stdin ? inv.stdinText : undefined;
}

/**
 * The program an interpreter reads on stdin from a redirect: a file (`python3 < wipe.py`), or a stream
 * known only when it runs (`python3 < <(curl …)`, `node < "$F"`).
 */
function stdinProgram(inv: Invocation, stdin: boolean): Pick<Program, 'file' | 'fromCommand'> {
  if (inv.stdinText || inv.stdinFrom || !stdin) return {};
  const file = stdinFile(inv.redirects);
  if (file) return { file };
  const stream = stdinStream(inv.redirects);
  return stream ? { fromCommand: stream } : {};
}

function inPlaceEffects(inv: Invocation, files: Word[], backup: boolean): Effect[] {
  return files.map((file): Effect => {
    if (file.dynamic) {
      return {
        operation: 'modify',
        tool: inv.name,
        target: file.value,
        reversible: backup,
        risk: 'medium',
        reason: `${inv.name} -i edits in place a file named at run time (${file.value})`,
        category: 'file',
      };
    }
    return inPlaceEditEffect(
      inv,
      file.value,
      (path) => `-i edits ${path} in place${backup ? ' (keeping a backup)' : ''}`,
      backup,
    );
  });
}

/** Entry points whose commands the frameworks analyzer reads (`manage.py flush`, `artisan migrate:fresh`). */
const FRAMEWORK_ENTRY = /(^|\/)(manage\.py|artisan)$/;

/** The effects of the code an interpreter runs: on its command line, on stdin, or in its program file. */
function analyzeInterpreter(inv: Invocation, sql: SqlParser | undefined): Effect[] {
  const found = programOf(inv.name, inv.args);
  if (!found) return [];
  const { lang, prog: named, stdin } = found;
  const prog =
    named.file || named.module || named.fromCommand ? named : { ...named, ...stdinProgram(inv, stdin) };
  const effects: Effect[] = [];
  const code = prog.code.length
    ? prog.code
    : [stdinCode(inv, stdin)].filter((w): w is Word => w !== undefined);
  if (code.length) {
    const text = code.map((w) => w.value).join('\n');
    const source = lang === 'php' && /<\?php/.test(text) ? text.slice(text.indexOf('<?php') + 5) : text;
    const dynamic = code.some((w) => w.dynamic);
    effects.push(
      ...(lang === 'tcl'
        ? tclEffects(source, dynamic, inv.name)
        : codeEffects(source, lang, inv.name, inv, dynamic, sql)),
    );
  } else if (prog.file && !FRAMEWORK_ENTRY.test(prog.file.value)) {
    effects.push(
      ...(lang === 'tcl' ? tclFileEffects(inv, prog.file) : codeFileEffects(inv, prog.file, lang, sql)),
    );
  } else if (prog.module) {
    effects.push(...moduleEffects(inv, prog.module, sql));
  } else if (prog.fromCommand) {
    effects.push({
      operation: 'execute-unverifiable',
      tool: inv.name,
      target: prog.fromCommand.value,
      reversible: false,
      risk: 'high',
      reason: `${inv.name} runs the output of another command (${prog.fromCommand.value}), which cannot be read before it runs`,
    });
  }
  if (prog.inPlace) effects.push(...inPlaceEffects(inv, prog.inPlace.files, prog.inPlace.backup));
  return effects;
}

/** Interpreters; with the SQL parser, SQL their code runs through database drivers is assessed too. */
export function interpretersAnalyzer(sql?: SqlParser): Analyzer {
  return {
    family: 'interpreters',
    commands: [
      'python',
      'python2',
      'python3',
      ...Array.from({ length: 15 }, (_, k) => `python3.${k + 2}`),
      'pypy',
      'pypy3',
      'node',
      'nodejs',
      'deno',
      'bun',
      'ts-node',
      'tsx',
      'perl',
      'ruby',
      'php',
      'lua',
      'luajit',
      'lua5.1',
      'lua5.3',
      'lua5.4',
      'rscript',
      'r',
      ...MORE_INTERPRETERS,
      ...['8.5', '8.6', '9.0'].flatMap((v) => [`tclsh${v}`, `wish${v}`]),
    ],
    local: true,
    environmentVariables: [],
    analyze: (inv) => analyzeInterpreter(inv, sql),
  };
}
