import { parseOptions, type ParsedOptions } from '../shell/options.js';
import { commandName } from '../shell/wrappers.js';
import type { Word } from '../shell/words.js';
import { READ_ONLY_HOST_TOOLS } from './read-only-host-tools.js';
import { READ_ONLY_TOOLS } from './read-only-tools.js';

// The programs known to only read (print, list, show), with the options that would make them write a file,
// run another program or change state. Data, kept small: a program not listed here is not known to be
// read-only, and a freeze denies it. What analyzers find (effects) is checked separately.

/** How one program is known to only read. */
export interface ReadOnlyRule {
  /** Options that take a value, so that value is not taken for a subcommand or a file. */
  readonly withValue?: readonly string[];
  /** Options that make it write, run another program or change state (`sort -o`, `find -delete`). */
  readonly unsafe?: readonly string[];
  /** At most this many positionals (`uniq in out` writes out, `hostname NAME` renames the host). */
  readonly maxPositionals?: number;
  /** What a table cannot say: the subcommand (`kubectl get`), find's actions. */
  readonly reads?: (positionals: readonly string[], parsed: ParsedOptions, args: readonly Word[]) => boolean;
}

const ALWAYS: ReadOnlyRule = {};
const plain = (names: string, rule: ReadOnlyRule = ALWAYS) =>
  names.split(' ').map((name) => [name, rule] as const);

/** find's actions that delete, write files or run programs. */
const FIND_ACTIONS = [
  '-delete',
  '-exec',
  '-execdir',
  '-ok',
  '-okdir',
  '-fprint',
  '-fprint0',
  '-fprintf',
  '-fls',
];

const PROGRAMS: ReadonlyMap<string, ReadOnlyRule> = new Map<string, ReadOnlyRule>([
  ...plain('ls cat head tail wc grep egrep fgrep pwd echo printenv whoami id uname which type stat du df'),
  [
    'printf',
    { withValue: ['-v'], reads: (_p, parsed) => (parsed.options.get('-v') ?? []).every(harmlessVariable) },
  ],
  ['file', { unsafe: ['-C', '--compile'] }],
  ...plain('diff cmp cut tr jq basename dirname realpath readlink true false test [ sleep cd ps free uptime'),
  ...plain('nproc md5sum sha1sum sha256sum sha512sum base64 od hexdump column nl tac rev seq fold paste'),
  ...plain('comm join expand unexpand dig nslookup host groups tty locale arch : wait exit return'),
  // What a machine is doing: how an operator looks at a host before touching it (`ssh prod-db htop`).
  ...plain('top htop btop atop vmstat iostat mpstat pidstat lsof w who last lscpu lsblk lsmod lspci lsusb'),
  ...plain('netstat iotop pgrep pidof'),
  ['ss', { unsafe: ['-K', '--kill'] }],
  [
    'dmesg',
    {
      unsafe: ['-c', '--read-clear', '-C', '--clear', '-D', '--console-off', '-E', '--console-on'],
      withValue: ['-n', '--console-level', '-f', '--facility', '-l', '--level'],
      reads: (_p, parsed) => !parsed.options.has('-n') && !parsed.options.has('--console-level'),
    },
  ],
  // Builtins that change only the shell's own state (`read PATH` would change what runs next).
  ...plain('shopt unset shift umask pushd popd dirs'),
  [
    'read',
    { withValue: ['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u'], reads: (p) => p.every(harmlessVariable) },
  ],
  ['set', { unsafe: ['-a'], reads: (p) => !p.includes('allexport') }],
  ['rg', { unsafe: ['--pre'], withValue: ['--pre'] }],
  ['sort', { unsafe: ['-o', '--output', '--compress-program'] }],
  ['tree', { unsafe: ['-o'] }],
  // `date MMDDhhmm` sets the clock; `date +%s` only formats.
  [
    'date',
    {
      withValue: ['-d', '--date', '-r', '--reference'],
      unsafe: ['-s', '--set'],
      reads: (p) => p.every((w) => w.startsWith('+')),
    },
  ],
  // `env` with a command is a wrapper (peeled first); alone, it prints the environment.
  ['env', { unsafe: ['-S', '--split-string'], maxPositionals: 0 }],
  ['hostname', { unsafe: ['-F', '--file', '-b', '--boot'], maxPositionals: 0 }],
  [
    'uniq',
    { withValue: ['-f', '-s', '-w', '--skip-fields', '--skip-chars', '--check-chars'], maxPositionals: 1 },
  ],
  ['yq', { unsafe: ['-i', '--inplace'] }],
  ['command', { reads: (_p, parsed) => parsed.options.has('-v') || parsed.options.has('-V') }],
  ['find', { reads: (_p, _parsed, args) => !args.some((w) => w.dynamic || FIND_ACTIONS.includes(w.value)) }],
  ...READ_ONLY_TOOLS,
  ...READ_ONLY_HOST_TOOLS,
]);

/** Variables a read-only program may be given: locale, colour, and which account or cluster it reads. */
const HARMLESS_VARIABLES = new Set([
  'LANG',
  'LANGUAGE',
  'TZ',
  'NO_COLOR',
  'TERM',
  'COLUMNS',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'KUBECONFIG',
  'CLOUDSDK_CORE_PROJECT',
  'TF_WORKSPACE',
]);
/**
 * Whether a variable set for (or exported to) read-only programs keeps them reading. Environment variables
 * are upper case by convention (PATH, PAGER, LD_PRELOAD, GIT_EXTERNAL_DIFF): those not listed are not known
 * to be harmless. A script's own lower-case variables (`dir=src`) reach no program unless exported.
 */
export const harmlessVariable = (name: string) =>
  HARMLESS_VARIABLES.has(name) || name.startsWith('LC_') || !/^[A-Z_][A-Z0-9_]*$/.test(name);

/** A program found on the system's own paths (or by PATH), not `./ls` from the project. */
const systemProgram = (program: Word) =>
  !program.value.includes('/') || /^\/(usr\/)?s?bin\/[^/]+$/.test(program.value);

/** A rule's options that take a value, listed once per rule: parseOptions remembers a list by identity. */
const valueOptions = new WeakMap<ReadOnlyRule, readonly string[]>();
function valueOptionsOf(rule: ReadOnlyRule): readonly string[] {
  let list = valueOptions.get(rule);
  if (!list) valueOptions.set(rule, (list = [...(rule.withValue ?? []), ...(rule.unsafe ?? [])]));
  return list;
}

/**
 * Whether this command is known to only read: a listed program, given only options that keep it reading
 * and only harmless variables (`GIT_EXTERNAL_DIFF=x git diff` runs x). Redirections are effects, judged apart.
 */
export function readOnlyProgram(
  program: Word,
  args: readonly Word[],
  assignments: Readonly<Record<string, Word>>,
): boolean {
  if (program.dynamic || !systemProgram(program)) return false;
  if (!Object.keys(assignments).every(harmlessVariable)) return false;
  const rule = PROGRAMS.get(commandName(program));
  if (!rule) return false;
  const parsed = parseOptions(args, { withValue: valueOptionsOf(rule) });
  if (rule.unsafe?.some((option) => parsed.options.has(option))) return false;
  // getopt_long and argparse take any unambiguous prefix of a long option: `--sys` is `--system`.
  const abbreviates = (given: string) =>
    given.startsWith('--') &&
    given.length > 3 &&
    rule.unsafe?.some((o) => o.startsWith('--') && o.startsWith(given));
  if ([...parsed.options.keys()].some(abbreviates)) return false;
  const positionals = parsed.positionals.map((w) => (w.dynamic ? '' : w.value));
  if (rule.maxPositionals !== undefined && positionals.length > rule.maxPositionals) return false;
  return rule.reads ? rule.reads(positionals, parsed, args) : true;
}
