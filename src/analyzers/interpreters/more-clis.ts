import type { Word } from '../../shell/words.js';
import type { Lang } from '../code-scan.js';

// The command lines of the interpreters read beyond Python, Node, Perl, Ruby, PHP, Lua and R: where their
// code is (`julia -e`, `emacs --eval`, `sbcl --eval`), which program file they run (`julia x.jl`,
// `emacs --script x.el`, `kotlinc -script x.kts`), and whether they read a program on stdin
// (`tclsh <<< '…'`, `echo '…' | jshell`). Compiling (`ghc Main.hs`, `kotlinc Main.kt`) and editing
// (`emacs notes.txt`) run nothing.

/** Tcl is read by expect's reader (shell/expect.ts), the others by code-scan.ts. */
export type MoreLang = Lang | 'tcl';

interface Cli {
  lang: MoreLang;
  /** Options whose value is code (`-e CODE`, `--eval CODE`, `--eval=CODE`). */
  code?: readonly string[];
  /** Options whose value is a program file run (`-l FILE`, `--script FILE`). */
  files?: readonly string[];
  /** Other options that take the next word as their value. */
  withValue?: readonly string[];
  /** The first word not an option is the program file run, when its name matches. */
  file?: RegExp;
  /** Whether, with no code or file named, the program is read from stdin. */
  stdin?: boolean;
  /** A subcommand that runs what follows (`scala-cli run`, `mix run`): skipped; `only`: required. */
  sub?: { name: string; only?: boolean };
  /** With one of these options, every word not an option is code (`emacsclient --eval EXPR…`). */
  allCode?: readonly string[];
}

const ANY = /./;
const cli = (lang: MoreLang, spec: Omit<Cli, 'lang'> = {}): Cli => ({ lang, ...spec });

const JULIA = cli('julia', {
  code: ['-e', '--eval', '-E', '--print'],
  files: ['-L', '--load'],
  withValue: ['-C', '--cpu-target', '-J', '--sysimage', '-t', '--threads', '-p', '--procs', '--machine-file'],
  file: ANY,
  stdin: true,
});
const ELIXIR = cli('elixir', {
  code: ['-e', '--eval'],
  files: ['-r', '--require'],
  withValue: ['--erl', '--sname', '--name', '--cookie', '--pa', '--pz', '--boot', '--logger-otp-reports'],
  file: ANY,
});
const TCL = cli('tcl', { withValue: ['-encoding'], file: ANY, stdin: true });
const LISP_REPL = { stdin: true } as const;
const SCALA = cli('cstyle', {
  code: [
    '-e',
    '--execute-script',
    '--execute-scala',
    '--execute-java',
    '--script-snippet',
    '--scala-snippet',
    '--java-snippet',
  ],
  withValue: [
    '-S',
    '--scala',
    '--jvm',
    '-J',
    '--java-opt',
    '--dep',
    '--dependency',
    '--main-class',
    '-O',
    '--scalac-option',
  ],
  file: /\.(sc|scala|java)$/,
  stdin: true,
  sub: { name: 'run' },
});
const KOTLIN = cli('cstyle', {
  code: ['-e', '-expression'],
  files: ['-script'],
  withValue: ['-cp', '-classpath', '-d', '-jvm-target', '-language-version', '-api-version', '-kotlin-home'],
  file: /\.kts$/,
  stdin: true,
});
const CLOJURE = cli('lisp', {
  code: ['-e', '--eval'],
  files: ['-i', '--init'],
  withValue: ['-Sdeps', '-Scp', '-Sthreads', '-m', '--main'],
  file: /\.(clj|cljc)$/,
  ...LISP_REPL,
});
const RAKU = cli('raku', { code: ['-e'], withValue: ['-I', '-M'], file: ANY, stdin: true });
const GHC_EVAL = cli('haskell', { code: ['-e'] });

const CLIS: Readonly<Record<string, Cli>> = {
  julia: JULIA,
  elixir: ELIXIR,
  mix: { ...ELIXIR, file: /\.exs?$/, sub: { name: 'run', only: true } },
  erl: cli('erlang', {
    code: ['-eval'],
    withValue: ['-name', '-sname', '-setcookie', '-cookie', '-config', '-boot', '-mode', '-args_file'],
    stdin: true,
  }),
  escript: cli('erlang', { file: ANY }),
  tclsh: TCL,
  wish: TCL,
  guile: cli('lisp', {
    code: ['-c'],
    files: ['-l', '-s'],
    withValue: ['-L', '-C', '-x', '-e', '--listen'],
    file: ANY,
    ...LISP_REPL,
  }),
  racket: cli('lisp', {
    code: ['-e', '--eval'],
    files: ['-f', '--load', '-r', '--script', '-u', '--require-script', '-t', '--require'],
    withValue: ['-l', '--lib', '-p', '-k', '-S', '-A', '-X', '-G', '-W'],
    file: ANY,
    ...LISP_REPL,
  }),
  sbcl: cli('lisp', {
    code: ['--eval'],
    files: ['--load', '--script'],
    withValue: ['--core', '--dynamic-space-size', '--control-stack-size', '--tls-limit'],
    ...LISP_REPL,
  }),
  clisp: cli('lisp', {
    code: ['-x'],
    withValue: ['-M', '-m', '-L', '-E', '-i', '-p'],
    file: ANY,
    ...LISP_REPL,
  }),
  ecl: cli('lisp', {
    code: ['-eval', '--eval'],
    files: ['-load', '--load', '-shell', '--shell'],
    ...LISP_REPL,
  }),
  clojure: CLOJURE,
  clj: CLOJURE,
  bb: cli('lisp', {
    code: ['-e', '--eval'],
    files: ['-f', '--file'],
    withValue: ['--classpath', '-cp', '--config', '--deps-root', '-m', '--main', '-x', '--exec'],
    file: /\.(clj|cljc|bb)$/,
    ...LISP_REPL,
  }),
  emacs: cli('lisp', {
    code: ['--eval', '-eval'],
    files: ['-l', '--load', '--script', '-scriptload'],
    withValue: [
      '-f',
      '--funcall',
      '--chdir',
      '-L',
      '--directory',
      '-d',
      '--display',
      '-T',
      '--title',
      '--bg',
      '--fg',
    ],
  }),
  emacsclient: cli('lisp', {
    allCode: ['-e', '--eval'],
    withValue: [
      '-s',
      '--socket-name',
      '-f',
      '--server-file',
      '-a',
      '--alternate-editor',
      '-d',
      '--display',
      '-T',
      '--tramp',
      '-F',
      '--frame-parameters',
    ],
  }),
  ghc: GHC_EVAL,
  ghci: { ...GHC_EVAL, stdin: true },
  runghc: cli('haskell', { file: ANY }),
  runhaskell: cli('haskell', { file: ANY }),
  raku: RAKU,
  perl6: RAKU,
  rakudo: RAKU,
  groovy: cli('cstyle', {
    code: ['-e'],
    withValue: ['-cp', '-classpath', '--classpath', '-c', '--encoding'],
    file: ANY,
  }),
  groovysh: cli('cstyle', { stdin: true }),
  scala: SCALA,
  'scala-cli': SCALA,
  kotlinc: KOTLIN,
  'kotlinc-jvm': KOTLIN,
  kotlin: KOTLIN,
  jshell: cli('cstyle', {
    withValue: [
      '--class-path',
      '-classpath',
      '-cp',
      '--module-path',
      '--add-modules',
      '--startup',
      '--feedback',
      '-R',
      '-J',
      '-C',
      '--execution',
    ],
    file: ANY,
    stdin: true,
  }),
  swift: cli('cstyle', {
    withValue: ['-I', '-L', '-module-name', '-sdk', '-target', '-F', '-Xcc', '-Xlinker', '-D'],
    file: /\.swift$/,
    stdin: true,
  }),
};

/** The interpreters of this file, by name. */
export const MORE_INTERPRETERS: readonly string[] = Object.keys(CLIS);

/** The language an interpreter of this file reads (`tclsh8.6`, `wish8.6` as tclsh and wish). */
export function moreLanguage(name: string): MoreLang | undefined {
  return CLIS[name.replace(/^(tclsh|wish)[\d.]+$/, '$1')]?.lang;
}

/** What such an interpreter runs: its code, its program file, or (`stdin`) what it reads on stdin. */
export interface MoreProgram {
  code: Word[];
  file?: Word;
  stdin: boolean;
}

export function moreProgram(name: string, args: readonly Word[]): MoreProgram {
  const spec = CLIS[name.replace(/^(tclsh|wish)[\d.]+$/, '$1')];
  if (!spec) return { code: [], stdin: false };
  let words = args;
  if (spec.sub) {
    const named = words[0]?.value === spec.sub.name;
    if (spec.sub.only && !named) return { code: [], stdin: false };
    if (named) words = words.slice(1);
  }
  const code: Word[] = [];
  let file: Word | undefined;
  let positional: Word | undefined;
  const allCode = spec.allCode?.some((o) => words.some((w) => w.value === o)) === true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const joined = /^(--?[\w-]+)=(.*)$/s.exec(w.value);
    const option = joined ? joined[1]! : w.value;
    const value = joined ? { ...w, value: joined[2]! } : words[i + 1];
    const has = (list?: readonly string[]) => list?.includes(option) === true;
    if (has(spec.code) || has(spec.files) || has(spec.withValue)) {
      if (value && has(spec.code)) code.push(value);
      else if (value && has(spec.files)) file ??= value;
      if (!joined) i++;
    } else if (w.value === '--' && !allCode) {
      positional = words[i + 1];
      break;
    } else if (w.value.startsWith('-') && w.value !== '-') continue;
    else if (allCode) code.push(w);
    else {
      positional = w;
      break;
    }
  }
  const named =
    positional && spec.file?.test(positional.value) && positional.value !== '-' ? positional : undefined;
  const fileRun = file ?? (code.length ? undefined : named);
  const stdin = spec.stdin === true && !code.length && !fileRun && (!positional || positional.value === '-');
  return { code, ...(fileRun ? { file: fileRun } : {}), stdin };
}
