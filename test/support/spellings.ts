import type { ShellParser, SyntaxNode } from '../../src/shell/syntax.js';
import { extractCommands } from '../../src/shell/extract.js';
import type { LabelledCommand } from './runtime.js';

// Issue 14: semantics-preserving spellings of a command, for metamorphic tests. A spelling applies only
// where it keeps the meaning: prefix wrappers only to one simple command without assignments (a builtin
// such as cd or export changes nothing when run by another program), env-resetting wrappers only when
// the command does not depend on the agent's environment, text forms only where the quoting survives.

/** `'…'` for the shell: the text, verbatim. */
const singleQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** `"…"` for the shell: the text, verbatim (every `\ $ \` "` escaped, so the outer shell expands nothing). */
const doubleQuoted = (text: string): string => `"${text.replace(/[\\$`"]/g, '\\$&')}"`;

/** An awk string literal holding the text verbatim. */
const awkString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/** What a spelling needs to know about the command it rewrites. */
export interface Shape {
  text: string;
  /** One simple command (no list, pipeline, compound or assignment), with a plain program word. */
  simple?: { program: string; rest: string; words: string[] };
  /** Multi-line text (here-documents): a redirection or `;` appended after it would land in the body. */
  multiline: boolean;
  /** The outcome depends on the agent's environment (an `env` in the case, or a `$VAR`). */
  usesEnvironment: boolean;
}

export interface Spelling {
  name: string;
  spell: (shape: Shape) => string | undefined;
}

/** Shell builtins and keywords: another program running them does not do what the shell does. */
const BUILTINS = new Set(
  'cd export source . eval exec command builtin set unset alias unalias trap shift read declare local readonly typeset pushd popd umask ulimit wait kill'.split(
    ' ',
  ),
);

const prefix = (name: string, wrapper: string, resetsEnvironment = false): Spelling => ({
  name,
  spell: (s) =>
    s.simple && !BUILTINS.has(s.simple.program) && !(resetsEnvironment && s.usesEnvironment)
      ? `${wrapper} ${s.text}`
      : undefined,
});

const whole = (name: string, make: (text: string) => string, multilineOk = true): Spelling => ({
  name,
  spell: (s) => (s.multiline && !multilineOk ? undefined : make(s.text)),
});

/** Words with no shell metacharacters survive being joined with spaces and read by a shell again. */
const plainWords = (words: string[]) =>
  words.length > 0 && words.every((w) => /^[\w./:@%+=,~-]+$/.test(w) && !w.startsWith('~'));

export const SPELLINGS: readonly Spelling[] = [
  prefix('sudo', 'sudo', true),
  prefix('env', 'env'),
  prefix('env -i', 'env -i PATH=/usr/bin:/bin', true),
  prefix('env -u', 'env -u LANG'),
  prefix('env -C .', 'env -C .'),
  prefix('env -P', 'env -P /usr/bin:/bin'),
  prefix('command', 'command'),
  prefix('command -p', 'command -p'),
  prefix('exec', 'exec'),
  prefix('exec -a', 'exec -a worker'),
  prefix('nice', 'nice -n 5'),
  prefix('ionice', 'ionice -c3'),
  prefix('chrt', 'chrt --other 0'),
  prefix('taskset', 'taskset -c 0'),
  prefix('stdbuf', 'stdbuf -oL'),
  prefix('setsid', 'setsid'),
  prefix('flock', 'flock /tmp/interlock.lock'),
  prefix('chroot /', 'chroot /'),
  prefix('timeout', 'timeout 60'),
  prefix('nohup', 'nohup'),
  {
    // GNU xargs runs the command once when its input is empty; an input redirection would become xargs'.
    name: 'xargs </dev/null',
    spell: (s) =>
      s.simple && !BUILTINS.has(s.simple.program) && !s.text.includes('<')
        ? `xargs ${s.text} </dev/null`
        : undefined,
  },
  prefix('redirect first', '2>/dev/null'),
  {
    name: 'env -S',
    spell: (s) =>
      s.simple && !BUILTINS.has(s.simple.program) && plainWords(s.simple.words)
        ? `env -S ${singleQuoted(s.text)}`
        : undefined,
  },
  {
    name: 'parallel :::',
    spell: (s) => {
      const words = s.simple?.words;
      // Another `:::` in the command would end the outer parallel's command there.
      const separator = words?.some((w) => w.startsWith(':::'));
      if (!s.simple || BUILTINS.has(s.simple.program) || !words || words.length < 2 || separator)
        return undefined;
      if (!plainWords(words)) return undefined;
      return `parallel ${words.slice(0, -1).join(' ')} ::: ${words[words.length - 1]}`;
    },
  },
  {
    name: '\\PROG',
    spell: (s) => (s.simple ? `\\${s.simple.program}${s.simple.rest}` : undefined),
  },
  {
    name: "'PROG'",
    spell: (s) => (s.simple ? `${singleQuoted(s.simple.program)}${s.simple.rest}` : undefined),
  },
  {
    name: '/usr/bin/PROG',
    spell: (s) =>
      s.simple && !BUILTINS.has(s.simple.program) && !s.simple.program.includes('/')
        ? `/usr/bin/${s.simple.program}${s.simple.rest}`
        : undefined,
  },
  {
    name: 'find -exec',
    spell: (s) =>
      s.simple && !BUILTINS.has(s.simple.program) && !/[{};<>]/.test(s.text)
        ? `find . -maxdepth 0 -exec ${s.text} \\;`
        : undefined,
  },
  {
    // find puts the file name in place of every `{}`, inside the script too.
    name: 'find -exec sh -c',
    spell: (s) =>
      s.text.includes('{}') ? undefined : `find . -maxdepth 0 -exec sh -c ${singleQuoted(s.text)} \\;`,
  },
  whole('xargs sh -c', (t) => `xargs sh -c ${singleQuoted(t)} </dev/null`),
  whole('bash -c', (t) => `bash -c ${singleQuoted(t)}`),
  whole('sh -c', (t) => `sh -c ${doubleQuoted(t)}`),
  whole('eval', (t) => `eval ${singleQuoted(t)}`),
  whole('echo | sh', (t) => `echo ${singleQuoted(t)} | sh`, false),
  // `( (a) )`, not `((a))`: two parentheses together start an arithmetic command.
  whole('subshell', (t) => `( ${t}\n)`),
  whole('group', (t) => `{ ${t}\n}`),
  whole('true &&', (t) => `true && ${t}`),
  whole('redirect last', (t) => `${t} 2>/dev/null`, false),
  whole('function', (t) => `f() { ${t}\n}; f`),
  whole('awk system()', (t) => `awk ${singleQuoted(`BEGIN { system(${awkString(t)}) }`)}`),
  whole('awk | "sh"', (t) => `awk ${singleQuoted(`BEGIN { print ${awkString(t)} | "sh" }`)}`),
  {
    // A backslash-newline between two words is no character at all to the shell.
    name: 'line continuation',
    spell: (s) =>
      s.simple && /^[ \t]/.test(s.simple.rest) ? `${s.simple.program} \\\n${s.simple.rest}` : undefined,
  },
  {
    // `RM -rf /` runs rm where the file system ignores case (macOS's by default); builtins never do.
    name: 'PROG upper-case',
    spell: (s) =>
      s.simple && !BUILTINS.has(s.simple.program) && /[a-z]/.test(s.simple.program)
        ? `${s.simple.program.toUpperCase()}${s.simple.rest}`
        : undefined,
  },
  {
    // An assignment before a program only adds a variable to its environment.
    name: 'X=1 PROG',
    spell: (s) => (s.simple && !BUILTINS.has(s.simple.program) ? `X=1 ${s.text}` : undefined),
  },
  whole('export X=1;', (t) => `export X=1; ${t}`),
  {
    // The here-document ends at the first line that is only `EOF`.
    name: "bash <<'EOF'",
    spell: (s) => (/^EOF$/m.test(s.text) ? undefined : `bash <<'EOF'\n${s.text}\nEOF`),
  },
  whole('sh -s <<<', (t) => `sh -s <<< ${singleQuoted(t)}`),
];

/** The shape of a labelled command, as tree-sitter-bash reads it. */
export function shapeOf(c: LabelledCommand, parser: ShellParser): Shape {
  const text = c.command.trim();
  const tree = parser.parse(text);
  try {
    const root = tree.rootNode as SyntaxNode;
    const statements = root.namedChildren.filter((n): n is SyntaxNode => n !== null && n.type !== 'comment');
    const only = statements.length === 1 ? statements[0] : undefined;
    const name = only?.type === 'command' ? only.childForFieldName('name') : null;
    const hasAssignment = only?.children.some((n) => n?.type === 'variable_assignment') ?? true;
    const plainProgram = name !== null && /^[\w.+-]+$/.test(name.text) && text.startsWith(name.text);
    const usesEnvironment = c.env !== undefined || text.includes('$');
    const shape: Shape = { text, multiline: text.includes('\n'), usesEnvironment };
    if (only && name && plainProgram && !hasAssignment && !root.hasError) {
      const [command] = extractCommands(root, () => undefined).commands;
      shape.simple = {
        program: name.text,
        rest: text.slice(name.text.length),
        // Words are rewritten only when no expansion made them (`${TMPDIR:-/tmp}` depends on the environment),
        // and only without redirections, which the rewritten words would lose (`at now <<< 'rm -rf /'`).
        words: command && !/[$`<>]/.test(text) ? command.argv.map((w) => w.value) : [],
      };
    }
    return shape;
  } finally {
    tree.delete();
  }
}
