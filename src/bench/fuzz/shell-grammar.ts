import fc from 'fast-check';

// Shell-like commands for fuzzing the shell front end (issue 17): built from the programs the analyzers
// know, with the constructs that make parsing and peeling hard (quotes, redirections, pipelines,
// substitutions, heredocs, wrappers, control characters, deep nesting, very long words). Text only:
// nothing generated here is ever run.

/** Programs every command line mixes in: wrappers that are peeled, readers, and names nobody knows. */
const EXTRA_PROGRAMS = [
  'sudo', 'env', 'bash', 'sh', 'eval', 'xargs', 'timeout', 'nohup', 'exec', 'command', 'ssh', 'find',
  'awk', 'echo', 'cat', 'ls', 'true', 'cd', 'export', 'source', '.', './deploy.sh', 'make', 'npm',
  'python3', 'curl', 'nc', 'base64', 'tee', 'parallel', 'watch', 'some-vendor-cli', 'pwsh', 'expect', 'man',
  'chroot', 'nsenter', 'tmux', 'cmd', 'cmd.exe', 'robocopy', 'diskutil', 'vssadmin', 'bq', 'snowsql', 'sqlcmd',
  'airflow', 'hdfs', 'amtool', 'zfs',
]; // prettier-ignore

/** Words that steer placement: the fuzzer must reach production and non-production alike. */
const PLACES = [
  'production',
  'prod',
  'prod-eu-1',
  'staging',
  'dev',
  'billing-prod',
  'localhost',
  'db.prod.internal',
];

const OPTIONS = [
  '-rf', '-f', '-y', '--force', '--all', '-auto-approve', '--context', '--namespace', '-n', '--profile',
  '--region', '-c', '-e', '-i', '--', '-', '--dry-run', '-o', '-exec', '{}', ';', '\\;', ':::', '-C',
  '/c', '/s', '/q', '/k', '-q', '--execute',
]; // prettier-ignore

const PATHS = [
  '/',
  '/etc/passwd',
  '~/.ssh/id_rsa',
  '.env',
  './x',
  '../..',
  '*.yaml',
  '/dev/tcp/1.2.3.4/80',
  '$HOME',
  '-',
];

const VARIABLES = ['X', 'AWS_PROFILE', 'KUBECONFIG', 'PATH', 'CMD', 'HOME', '@', '1', '?', 'PGHOST', 'PAGER'];

/** Characters a shell treats specially, and control characters no person types. */
const AWKWARD = fc.constantFrom(
  '\\', "'", '"', '`', '$', '(', ')', '{', '}', '[', ']', '|', '&', ';', '<', '>', '#', '!', '*', '?',
  '\n', '\t', '\r', '\0', '\x1b', '\x7f', '\u202e', '\u00a0', 'é', '😀',
); // prettier-ignore

const plainText = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });
const awkwardText = fc.array(fc.oneof(plainText, AWKWARD), { maxLength: 8 }).map((parts) => parts.join(''));

/** One word as a person would type it, quoted or not. */
function word(programs: readonly string[]): fc.Arbitrary<string> {
  const inner = fc.oneof(plainText, fc.constantFrom(...PLACES, ...PATHS), fc.constantFrom(...programs));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...OPTIONS, ...PLACES, ...PATHS) },
    { weight: 3, arbitrary: plainText.filter((s) => s.trim() !== '') },
    { weight: 2, arbitrary: inner.map((s) => `'${s}'`) },
    { weight: 2, arbitrary: inner.map((s) => `"${s}"`) },
    { weight: 1, arbitrary: fc.constantFrom(...OPTIONS).chain((o) => inner.map((v) => `${o}=${v}`)) },
    { weight: 1, arbitrary: fc.constantFrom(...VARIABLES).map((v) => `$${v}`) },
    { weight: 1, arbitrary: fc.constantFrom(...VARIABLES).map((v) => `\${${v}:-x}`) },
    { weight: 1, arbitrary: fc.constantFrom("$'\\x72m'", "$'\\n'", '\\rm', 'r""m', "'r'm") },
    { weight: 1, arbitrary: awkwardText },
  );
}

const REDIRECTS = ['>', '>>', '<', '2>', '&>', '2>&1', '>|', '<>', '<<<'];

/** A simple command: assignments, a program, words, redirections. */
function simple(programs: readonly string[]): fc.Arbitrary<string> {
  const w = word(programs);
  const assignment = fc
    .tuple(fc.constantFrom(...VARIABLES.slice(0, 6)), w)
    .map(([name, value]) => `${name}=${value}`);
  const redirect = fc
    .tuple(fc.constantFrom(...REDIRECTS), fc.constantFrom(...PATHS))
    .map(([op, target]) => (op === '2>&1' ? op : `${op} ${target}`));
  return fc
    .tuple(
      fc.array(assignment, { maxLength: 2 }),
      fc.constantFrom(...programs, ...EXTRA_PROGRAMS),
      fc.array(w, { maxLength: 6 }),
      fc.array(redirect, { maxLength: 2 }),
    )
    .map(([assigns, program, args, redirects]) => [...assigns, program, ...args, ...redirects].join(' '));
}

/** Commands built of commands: lists, pipelines, substitutions, wrappers around quoted commands, heredocs. */
export function shellCommand(programs: readonly string[]): fc.Arbitrary<string> {
  const { command } = fc.letrec<{ command: string }>((tie) => {
    const sub = tie('command');
    return {
      command: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 6, arbitrary: simple(programs) },
        fc
          .tuple(sub, fc.constantFrom(' | ', ' && ', ' || ', '; ', ' & ', '\n', ' |& '), sub)
          .map((p) => p.join('')),
        sub.map((c) => `(${c})`),
        sub.map((c) => `{ ${c}; }`),
        sub.map((c) => `echo $(${c})`),
        sub.map((c) => `echo \`${c}\``),
        sub.map((c) => `diff <(${c}) >(${c})`),
        sub.map((c) => `bash -c '${c.replace(/'/g, `'\\''`)}'`),
        sub.map((c) => `sh -c "${c.replace(/["\\$`]/g, '\\$&')}"`),
        sub.map((c) => `eval "${c.replace(/["\\$`]/g, '\\$&')}"`),
        sub.map((c) => `bash <<'EOF'\n${c}\nEOF`),
        sub.map((c) => `cat <<-EOF | sh\n\t${c}\nEOF`),
        sub.map((c) => `if ${c}; then ${c}; fi`),
        sub.map((c) => `for x in a b; do ${c}; done`),
        sub.map((c) => `f() { ${c}; }; f`),
        sub.map((c) => `alias x='${c.replace(/'/g, '')}'; x`),
        sub.map((c) => `awk 'BEGIN{system("${c.replace(/["'\\]/g, '')}")}'`),
      ),
    };
  });
  return command;
}

/**
 * Damage done to a command: cut short, control characters, repeated words, deep nesting, huge inputs. The
 * huge ones (200-deep nesting, 40,000-character words, 300-stage pipelines) are one input in 41: each costs
 * a hundred small ones, and at a quarter of all inputs they were nine tenths of a run's time (issue 17).
 */
export function mangled(command: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const huge = fc.oneof(
    fc.tuple(command, fc.integer({ min: 20, max: 200 })).map(([c, n]) => nest(c, n)),
    fc.tuple(command, fc.integer({ min: 100, max: 2_000 })).map(([c, n]) => `${c} ${'x'.repeat(n * 20)}`),
    fc.tuple(command, fc.integer({ min: 50, max: 300 })).map(([c, n]) => Array(n).fill(c).join(' | ')),
  );
  return fc.oneof(
    { weight: 30, arbitrary: command },
    { weight: 5, arbitrary: fc.tuple(command, fc.nat()).map(([c, n]) => c.slice(0, n % (c.length + 1))) },
    {
      weight: 5,
      arbitrary: fc.tuple(command, fc.nat(), AWKWARD).map(([c, n, ch]) => {
        const at = n % (c.length + 1);
        return c.slice(0, at) + ch + c.slice(at);
      }),
    },
    { weight: 1, arbitrary: huge },
  );
}

const NESTINGS = [(c: string) => `(${c})`, (c: string) => `$(${c})`, (c: string) => `bash -c "${c}"`];

/** `depth` levels of subshells, substitutions or quoted shells around a command. */
function nest(command: string, depth: number): string {
  const wrap = NESTINGS[depth % NESTINGS.length]!;
  let out = command;
  // Quoted shells multiply quotes at each level; they are kept shallow so the text stays small.
  const levels = wrap === NESTINGS[2] ? Math.min(depth, 12) : depth;
  for (let i = 0; i < levels; i++) out = wrap(out);
  return out;
}

/** Any text at all, including what is not a command: the front end must still answer. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  awkwardText,
);

/** Where a command runs: nowhere in particular, or pointed at production by its environment. */
export interface PlaceFacts {
  env: Record<string, string>;
  kubeContext?: string;
  /** The environment itself points at production. */
  production: boolean;
}

export const placeFacts: fc.Arbitrary<PlaceFacts> = fc.oneof(
  fc.constant<PlaceFacts>({ env: {}, production: false }),
  fc.constant<PlaceFacts>({ env: { AWS_PROFILE: 'prod' }, production: true }),
  fc.constant<PlaceFacts>({ env: {}, kubeContext: 'production', production: true }),
  fc.constant<PlaceFacts>({
    env: { PGHOST: 'db.prod.internal', TF_WORKSPACE: 'production' },
    production: true,
  }),
  fc.constant<PlaceFacts>({ env: { AWS_PROFILE: 'dev' }, production: false }),
);
