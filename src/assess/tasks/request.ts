import { posix } from 'node:path';
import { isStdinPath } from '../../shell/stdin-redirect.js';
import { resolvePath } from '../../analyzers/paths.js';
import { optionValue, optionValues, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { TaskRequest } from './types.js';

// Which task a runner's command line asks for and where the runner looks for the file that says what it
// runs. Only command lines that run tasks give a request: `make -n`, `npm install`, `just --list` do not.

interface Where {
  cwd: string;
  home: string;
}

const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

/** `make -f -`: the makefile is read from stdin. */
export const STDIN = '-';
const JUSTFILES = ['justfile', 'Justfile', 'JUSTFILE', '.justfile'];
const TASKFILES = ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml'].flatMap((n) => [
  n,
  n.replace('.y', '.dist.y'),
]);

type RequestReader = (name: string, args: readonly Word[], where: Where) => TaskRequest | undefined;

/** Each task runner's reader of its command line. */
const REQUESTS: Readonly<Record<string, RequestReader>> = {
  make: makeRequest,
  gmake: makeRequest,
  npm: (_name, args, where) => npmRequest(args, where),
  yarn: yarnOrPnpmRequest,
  pnpm: yarnOrPnpmRequest,
  bun: (_name, args, where) => bunRequest(args, where),
  just: (_name, args, where) => justRequest(args, where),
  task: taskfileRequest,
  'go-task': taskfileRequest,
};

/** Whether a program runs tasks from a file (checked first: most commands are not task runners). */
export const isTaskRunner = (name: string): boolean => Object.hasOwn(REQUESTS, name);

/** The task a runner's command line runs, if it runs one from a file this module can read. */
export function taskRequest(name: string, args: readonly Word[], where: Where): TaskRequest | undefined {
  return isTaskRunner(name) ? REQUESTS[name]!(name, args, where) : undefined;
}

const staticValues = (words: readonly Word[]) => (words.some((w) => w.dynamic) ? undefined : words);

/** `NAME=value` words are variables for make, just and task; the rest name tasks. */
function splitVariables(words: readonly Word[]): { tasks: string[]; variables: Record<string, string> } {
  const tasks: string[] = [];
  const variables: Record<string, string> = {};
  for (const w of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/s.exec(w.value);
    if (m) variables[m[1]!] = m[2]!;
    else tasks.push(w.value);
  }
  return { tasks, variables };
}

/** This directory and each parent: npm, just and task look upwards for their file. */
function upwards(dir: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let d = dir, i = 0; i < 32; i++) {
    for (const n of names) out.push(posix.join(d, n));
    const parent = posix.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  return out;
}

const has = (parsed: ParsedOptions, ...names: string[]) => names.some((n) => parsed.options.has(n));

const JOB_OPTIONS = new Set(['-j', '--jobs', '-l', '--load-average']);

function makeRequest(name: string, args: readonly Word[], where: Where): TaskRequest | undefined {
  // `make -j 4 build`: a count after -j (or -l) is not a target.
  const counted = args.filter(
    (w, i) => !(/^\d+$/.test(w.value) && JOB_OPTIONS.has(args[i - 1]?.value ?? '')),
  );
  const parsed = parseOptions(counted, {
    withValue: ['-C', '--directory', '-f', '--file', '--makefile', '-I', '--include-dir', '-o', '-W'],
  });
  if (has(parsed, '-q', '--question', '-v', '--version', '-h', '--help')) return undefined;
  const positionals = staticValues(parsed.positionals);
  if (!positionals) return undefined;
  const dir = optionValues(parsed, '-C', '--directory').reduce(
    (d, v) => resolvePath(v, d, where.home),
    where.cwd,
  );
  const files = optionValues(parsed, '-f', '--file', '--makefile');
  const { tasks, variables } = splitVariables(positionals);
  return {
    format: 'make',
    label: [name, ...tasks].join(' '),
    // `-f` names the file; GNU make reads several `-f` files as one: the first one found is read here.
    candidates: files.length
      ? files.map((f) => (f === STDIN || isStdinPath(f) ? STDIN : resolvePath(f, dir, where.home)))
      : MAKEFILES.map((n) => posix.join(dir, n)),
    tasks,
    variables,
    args: [],
    cwd: dir,
    dryRun: has(parsed, '-n', '--just-print', '--dry-run', '--recon'),
  };
}

/** Installing the project's dependencies (no package named) runs its install scripts, in this order. */
const INSTALL = new Set(['install', 'i', 'ci', 'clean-install']);
const INSTALL_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
];

function installRequest(label: string, parsed: ParsedOptions, dir: string): TaskRequest | undefined {
  if (has(parsed, '--ignore-scripts')) return undefined;
  return {
    format: 'package-json',
    label,
    candidates: upwards(dir, ['package.json']),
    tasks: INSTALL_SCRIPTS,
    variables: {},
    args: [],
  };
}

/** npm's commands that run a script: `run X`, and the lifecycle commands that run the script of their name. */
const NPM_RUN = new Set(['run', 'run-script', 'rum', 'urn']);
const NPM_LIFECYCLE: Record<string, string> = {
  test: 'test',
  t: 'test',
  tst: 'test',
  start: 'start',
  stop: 'stop',
  restart: 'restart',
};
const NPM_VALUE_OPTIONS = [
  '--loglevel',
  '--registry',
  '--userconfig',
  '--cache',
  '--scope',
  '--prefix',
  '-C',
  '--dir',
  '--cwd',
  '-w',
  '--workspace',
  '--filter',
  '-F',
];

function packageRequest(
  label: string,
  command: readonly Word[],
  args: readonly Word[],
  dir: string,
): TaskRequest | undefined {
  const script = command[0];
  if (!script || script.dynamic || script.value.startsWith('-')) return undefined;
  return {
    format: 'package-json',
    label: `${label} ${script.value}`,
    candidates: upwards(dir, ['package.json']),
    tasks: [script.value],
    variables: {},
    args: args.filter((w) => !w.dynamic).map((w) => w.value),
    prePost: true,
  };
}

/** Where a package manager runs: `--prefix dir`, `--cwd dir`, `-C dir`. Workspaces are not followed. */
function packageDir(parsed: ParsedOptions, where: Where): string | undefined {
  if (has(parsed, '-w', '--workspace', '--workspaces', '--filter', '-F', '-r', '--recursive', '-ws'))
    return undefined;
  const dir = optionValue(parsed, '--prefix', '--cwd', '-C', '--dir');
  return dir ? resolvePath(dir, where.cwd, where.home) : where.cwd;
}

/** The words yarn, pnpm and bun append to the script: everything after the script's name (less a `--`). */
function afterScript(args: readonly Word[], script: Word): Word[] {
  const rest = args.slice(args.indexOf(script) + 1);
  return rest[0]?.value === '--' ? rest.slice(1) : rest;
}

/**
 * npm reads options anywhere before `--` as its own (`npm run build --if-present -w api`); the script gets
 * the other words and everything after `--`.
 */
function npmRequest(args: readonly Word[], where: Where): TaskRequest | undefined {
  const parsed = parseOptions(args, { withValue: NPM_VALUE_OPTIONS });
  const dir = packageDir(parsed, where);
  const [command, ...rest] = parsed.positionals;
  if (!command || command.dynamic || !dir) return undefined;
  if (NPM_RUN.has(command.value)) return packageRequest('npm run', rest, rest.slice(1), dir);
  if (INSTALL.has(command.value) && rest.length === 0)
    return installRequest(`npm ${command.value}`, parsed, dir);
  const lifecycle = NPM_LIFECYCLE[command.value];
  if (!lifecycle) return undefined;
  const request = packageRequest('npm', [{ ...command, value: lifecycle }], rest, dir);
  return request && { ...request, label: `npm ${command.value}` };
}

/** yarn's and pnpm's own commands: any other first word is a script (or a binary of node_modules/.bin). */
const YARN_COMMANDS = new Set(
  'add audit autoclean bin cache check config constraints create dedupe deploy dlx doctor env exec explain fetch generate-lock-entry global help import info init install import licenses link list login logout ls node npm outdated owner pack patch patch-commit plugin policies prune publish rebuild remove root search server set setup store tag team unlink unplug up update upgrade upgrade-interactive version versions why workspace workspaces i rm un uninstall'.split(
    ' ',
  ),
);

function yarnOrPnpmRequest(name: string, args: readonly Word[], where: Where): TaskRequest | undefined {
  const parsed = parseOptions(args, { withValue: NPM_VALUE_OPTIONS, stopAtFirstPositional: true });
  const [command, ...rest] = parsed.positionals;
  const dir = packageDir(parsed, where);
  if (!dir) return undefined;
  // `yarn`, `yarn install`, `pnpm i`: the project's install scripts run.
  if (!command || (INSTALL.has(command.value) && rest.length === 0))
    return installRequest([name, command?.value].filter(Boolean).join(' '), parsed, dir);
  if (command.dynamic) return undefined;
  if (command.value === 'run' || command.value === 'run-script') {
    const own = parseOptions(rest, { withValue: NPM_VALUE_OPTIONS, stopAtFirstPositional: true });
    const script = own.positionals[0];
    if (!script) return undefined;
    return packageRequest(`${name} run`, own.positionals, afterScript(rest, script), dir);
  }
  if (YARN_COMMANDS.has(command.value)) return undefined;
  return packageRequest(name, parsed.positionals, afterScript(args, command), dir);
}

function bunRequest(args: readonly Word[], where: Where): TaskRequest | undefined {
  const parsed = parseOptions(args, { withValue: ['--cwd', '--filter', '-F'], stopAtFirstPositional: true });
  const [command, ...rest] = parsed.positionals;
  const dir = packageDir(parsed, where);
  if (command?.value !== 'run' || !dir) return undefined;
  const own = parseOptions(rest, { withValue: ['--cwd'], stopAtFirstPositional: true });
  const script = own.positionals[0];
  if (!script) return undefined;
  // bun runs pre/post scripts too (only for `bun run`), like npm.
  return packageRequest('bun run', own.positionals, afterScript(rest, script), dir);
}

/** just's options that list, show or edit instead of running a recipe. */
const JUST_NOT_RUNNING = [
  '-n',
  '--dry-run',
  '-l',
  '--list',
  '-s',
  '--show',
  '--summary',
  '--evaluate',
  '--help',
  '-h',
  '--version',
  '-V',
  '--dump',
  '--fmt',
  '--edit',
  '-e',
  '--init',
  '--variables',
  '--completions',
  '--choose',
  '--groups',
  '--changelog',
];

function justRequest(args: readonly Word[], where: Where): TaskRequest | undefined {
  const parsed = parseOptions(args, {
    withValue: [
      '-f',
      '--justfile',
      '-d',
      '--working-directory',
      '--set',
      '--shell',
      '--shell-arg',
      '--dotenv-filename',
      '--dotenv-path',
      '--color',
      '--command-color',
      '--list-heading',
      '--list-prefix',
      '--chooser',
    ],
  });
  if (has(parsed, ...JUST_NOT_RUNNING)) return undefined;
  const words = staticValues(parsed.positionals);
  if (!words) return undefined;
  const file = optionValue(parsed, '-f', '--justfile');
  const workdir = optionValue(parsed, '-d', '--working-directory');
  const { tasks, variables } = splitVariables(words);
  return {
    format: 'just',
    label: ['just', ...tasks].join(' '),
    candidates: file ? [resolvePath(file, where.cwd, where.home)] : upwards(where.cwd, JUSTFILES),
    // just splits the words into recipes and their parameters once it knows the recipes.
    tasks,
    variables,
    args: [],
    ...(workdir ? { cwd: resolvePath(workdir, where.cwd, where.home) } : {}),
  };
}

const TASK_NOT_RUNNING = [
  '-n',
  '--dry',
  '-l',
  '--list',
  '-a',
  '--list-all',
  '--summary',
  '-i',
  '--init',
  '--version',
  '-h',
  '--help',
  '--status',
];

function taskfileRequest(name: string, args: readonly Word[], where: Where): TaskRequest | undefined {
  const dashes = args.findIndex((w) => w.value === '--');
  const own = dashes >= 0 ? args.slice(0, dashes) : args;
  const parsed = parseOptions(own, {
    withValue: [
      '-d',
      '--dir',
      '-t',
      '--taskfile',
      '-o',
      '--output',
      '-C',
      '--concurrency',
      '--interval',
      '-I',
    ],
  });
  if (has(parsed, ...TASK_NOT_RUNNING)) return undefined;
  const words = staticValues(parsed.positionals);
  if (!words) return undefined;
  const dir = resolvePath(optionValue(parsed, '-d', '--dir') ?? '.', where.cwd, where.home);
  const file = optionValue(parsed, '-t', '--taskfile');
  const { tasks, variables } = splitVariables(words);
  return {
    format: 'task',
    label: [name, ...tasks].join(' '),
    candidates: file ? [resolvePath(file, where.cwd, where.home)] : upwards(dir, TASKFILES),
    tasks,
    variables,
    args: dashes >= 0 ? args.slice(dashes + 1).map((w) => w.value) : [],
  };
}
