import type { EnvironmentHint } from '../core/types.js';
import type { Redirect, SimpleCommand } from './extract.js';
import { SSH_VALUE } from './cli-options/copies.js';
import { isDescriptorPath, isStdinPath, stdinFile, stdinStream } from './stdin-redirect.js';
import { FIND_EXEC, parseFind, removesFound, type FindCommandLine } from './cli-options/find.js';
import { COMPOSE_VALUE, GLOBAL_VALUE as DOCKER_GLOBAL_VALUE, RUN_VALUE } from './cli-options/docker.js';
import {
  GLOBAL_VALUE as KUBECTL_GLOBAL_VALUE,
  VERB_VALUE as KUBECTL_VERB_VALUE,
} from './cli-options/kubectl.js';
import { optionValue, optionValues, parseOptions, type OptionSpec } from './options.js';
import { gdbShell, peelEscapes } from './escapes.js';
import { peelFleet } from './fleet.js';
import { withEntrypoint } from './cli-images.js';
import { scriptOrUnverifiable } from './inner-script.js';
import { peelParallel } from './parallel.js';
import { RUNNERS, type Runner } from './cli-options/runners.js';
import { leadingAssignments } from './assignment-words.js';
import { peelEnvironmentRunner } from './environment-runners.js';
import { rsyncRemoteScript } from './rsync-remote.js';
import { shellSetupCommand } from './shell-setup.js';
import { socatCommands } from './socat-commands.js';
import { START_STOP_ABBREVIATIONS, START_STOP_VALUE } from './cli-options/start-stop-daemon.js';
import { goRunWords, PROJECT_RUN_OPTIONS, toolRunWords, type RunWords } from './tool-runners.js';
import { word, type Word } from './words.js';

/** What a wrapper runs: another argv, a script to parse again, or something no static reading can see. */
export type Inner =
  | {
      kind: 'argv';
      argv: Word[];
      assignments?: Record<string, Word>;
      hints?: EnvironmentHint[];
      elevated?: boolean;
      remote?: boolean;
      /** Runs in a fresh container with nothing of this machine mounted: its file effects stay there. */
      contained?: boolean;
      /** Runs in a Kubernetes pod: the current kube context is a hint unless --context was given. */
      inKubeContext?: boolean;
    }
  | { kind: 'script'; text: string; hints?: EnvironmentHint[]; remote?: boolean; via: string }
  | {
      kind: 'unverifiable';
      reason: string;
      target: string;
      /** Where it runs, when that is known (`ansible prod -m file …`: the inventory's machines). */
      hints?: EnvironmentHint[];
      remote?: boolean;
    };

export interface Peeled {
  inner: Inner[];
  /** Whether the wrapper itself also has effects worth analyzing (find -delete, kubectl exec…). */
  analyzeSelf: boolean;
}

/**
 * The program a command word names, spelled as the analyzers know it: without its directory, in lower case
 * (`RM` runs rm on a case-insensitive file system, macOS's by default) and without a Windows `.exe`.
 */
export function commandName(w: Word | undefined): string {
  if (!w) return '';
  // A Windows path (`C:\Windows\System32\cmd.exe`) ends its directories with a backslash.
  const slash = Math.max(
    w.value.lastIndexOf('/'),
    /^[a-z]:\\/i.test(w.value) ? w.value.lastIndexOf('\\') : -1,
  );
  const base = (slash >= 0 ? w.value.slice(slash + 1) : w.value).toLowerCase();
  return base.endsWith('.exe') && base.length > 4 ? base.slice(0, -4) : base;
}

/** Shells that run a command line they are given (`-c`), or read one from stdin. */
export const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'fish',
  'busybox-sh',
  'csh',
  'tcsh',
]);
const INTERPRETERS_READING_STDIN = new Set([
  'python',
  'python3',
  'python2',
  'pypy',
  'pypy3',
  'nodejs',
  'deno',
  'bun',
  'node',
  'perl',
  'ruby',
  'php',
  // Those of analyzers/interpreters/more-clis.ts that read a program on stdin.
  'julia',
  'erl',
  'tclsh',
  'wish',
  'guile',
  'racket',
  'sbcl',
  'clisp',
  'ecl',
  'clojure',
  'clj',
  'bb',
  'raku',
  'perl6',
  'rakudo',
  'scala',
  'scala-cli',
  'kotlinc',
  'kotlin',
  'jshell',
  'swift',
  'ghci',
  'groovysh',
  'pwsh',
  // cmd.exe with no /c reads its commands from stdin (`echo rd /s /q C:\x | cmd`).
  'cmd',
  // PowerShell's Invoke-Expression runs what it is piped (`irm URL | iex`); so does Elixir's iex.
  'iex',
  'invoke-expression',
]);
const STDIN_READERS_UNANALYZED = new Set(['pwsh', 'cmd', 'iex', 'invoke-expression']);
const PREFIX_WRAPPERS = new Set([
  'nohup',
  'time',
  'setsid',
  'unbuffer',
  'caffeinate',
  'torsocks',
  'proxychains',
  'proxychains4',
  // shx runs its shelljs command: `shx rm -rf dist`.
  'shx',
]);

const SPECS: Record<string, OptionSpec> = {
  run: PROJECT_RUN_OPTIONS,
  sudo: {
    withValue: [
      '-u',
      '-g',
      '-h',
      '-p',
      '-C',
      '-D',
      '-r',
      '-t',
      '-T',
      '-U',
      '--user',
      '--group',
      '--host',
      '--prompt',
      '--chdir',
      '--role',
      '--type',
      '--command-timeout',
      '--other-user',
      '--close-from',
    ],
    stopAtFirstPositional: true,
  },
  doas: { withValue: ['-u', '-C'], stopAtFirstPositional: true },
  timeout: { withValue: ['-s', '-k', '--signal', '--kill-after'], stopAtFirstPositional: true },
  nice: { withValue: ['-n', '--adjustment'], stopAtFirstPositional: true },
  ionice: {
    withValue: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'],
    stopAtFirstPositional: true,
  },
  stdbuf: { withValue: ['-i', '-o', '-e', '--input', '--output', '--error'], stopAtFirstPositional: true },
  chrt: { withValue: [], stopAtFirstPositional: true },
  taskset: { withValue: [], stopAtFirstPositional: true },
  chroot: { withValue: ['--userspec', '--groups'], stopAtFirstPositional: true },
  watch: { withValue: ['-n', '--interval', '-q', '--equexit'], stopAtFirstPositional: true },
  xargs: {
    withValue: [
      '-I',
      '-L',
      '-n',
      '-P',
      '-s',
      '-d',
      '-E',
      '-a',
      '--arg-file',
      '--delimiter',
      '--max-args',
      '--max-lines',
      '--replace',
      '--max-procs',
      '--max-chars',
      '--eof',
      '--process-slot-var',
    ],
    stopAtFirstPositional: true,
  },
  ssh: { withValue: SSH_VALUE, stopAtFirstPositional: true },
  npx: {
    withValue: ['-p', '--package', '-c', '--call', '--cache', '--registry', '--prefix', '-w', '--workspace'],
    stopAtFirstPositional: true,
  },
  exec: { withValue: ['-a'], stopAtFirstPositional: true },
  flock: { withValue: ['-w', '--timeout', '-E', '--conflict-exit-code'], stopAtFirstPositional: true },
};

/** A static script fed on stdin: a here-doc/here-string, or text a stage before passes on (passed-text.ts). */
function staticStdin(cmd: SimpleCommand): string | undefined {
  return cmd.stdinText && !cmd.stdinText.dynamic ? cmd.stdinText.value : undefined;
}

function stdinIsFed(cmd: SimpleCommand): boolean {
  return cmd.stdinFrom !== undefined || cmd.stdinText !== undefined;
}

function peelShell(cmd: SimpleCommand, name: string): Peeled | undefined {
  const args = cmd.argv.slice(1);
  const parsed = parseOptions(args, {
    withValue: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'],
    stopAtFirstPositional: true,
  });
  const hasC = [...parsed.options.keys()].some((k) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(k) && k !== '--rcfile');
  if (hasC) {
    const script = parsed.positionals[0];
    // `bash -c` without a script only prints an error: nothing runs.
    if (!script) return { inner: [], analyzeSelf: false };
    return { inner: [scriptOrUnverifiable([script], `${name} -c`)], analyzeSelf: false };
  }
  const named = parsed.positionals[0];
  // `bash /dev/stdin < x` reads its standard input as `bash < x` does.
  const file = named && !named.dynamic && isStdinPath(named.value) ? undefined : named;
  if (file && !(file.value === '-' && !file.dynamic) && !parsed.options.has('-s')) {
    if ((file.dynamic && /^<\(|^\$\(/.test(file.value)) || isDescriptorPath(file.value)) {
      return {
        inner: [
          { kind: 'unverifiable', reason: `${name} runs the output of another command`, target: file.value },
        ],
        analyzeSelf: false,
      };
    }
    return undefined; // `bash script.sh`: running a file is like running it directly.
  }
  // `bash < deploy.sh`: the file is read as the script (assess/shell.ts's runScriptFile).
  if (!stdinIsFed(cmd) && stdinFile(cmd.redirects)) return undefined;
  // `bash < <(curl …)`, `sh < "$F"`: the script is a stream, known only when it runs.
  const stream = stdinIsFed(cmd) ? undefined : stdinStream(cmd.redirects);
  if (stream)
    return {
      inner: [
        {
          kind: 'unverifiable',
          reason: `${name} runs the script it reads from ${stream.value}`,
          target: stream.value,
        },
      ],
      analyzeSelf: false,
    };
  if (!stdinIsFed(cmd)) return file ? undefined : { inner: [], analyzeSelf: false }; // interactive shell
  const text = staticStdin(cmd);
  if (text !== undefined)
    return { inner: [{ kind: 'script', text, via: `${name} reading stdin` }], analyzeSelf: false };
  const source = cmd.stdinFrom ? cmd.stdinFrom.text : 'a here-document with expansions';
  return {
    inner: [
      { kind: 'unverifiable', reason: `${name} executes what it reads from ${source}`, target: source },
    ],
    analyzeSelf: false,
  };
}

function peelSsh(cmd: SimpleCommand): Peeled | undefined {
  const parsed = parseOptions(cmd.argv.slice(1), SPECS.ssh);
  const host = parsed.positionals[0];
  if (!host) return undefined;
  const hostName = host.value.replace(/^[^@]*@/, '');
  const hints: EnvironmentHint[] = [{ source: 'ssh host', value: hostName }];
  const remoteWords = parsed.positionals.slice(1);
  if (remoteWords.length === 0) {
    const text = staticStdin(cmd);
    if (text !== undefined)
      return { inner: [{ kind: 'script', text, via: 'ssh', hints, remote: true }], analyzeSelf: false };
    if (stdinIsFed(cmd))
      return {
        inner: [
          { kind: 'unverifiable', reason: `ssh ${hostName} runs a script from stdin`, target: hostName },
        ],
        analyzeSelf: false,
      };
    return { inner: [], analyzeSelf: false };
  }
  return {
    inner: [scriptOrUnverifiable(remoteWords, `ssh ${hostName}`, { hints, remote: true })],
    analyzeSelf: false,
  };
}

/** The daemon a container command talks to (-H, --context) is where its effects land. */
function daemonHints(parsed: ReturnType<typeof parseOptions>, runtime: string): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  const host = optionValue(parsed, '-H', '--host', '--url', '--connection');
  const context = optionValue(parsed, '--context', '-c');
  if (host) hints.push({ source: `${runtime} host`, value: host });
  if (context) hints.push({ source: `${runtime} context`, value: context });
  return hints;
}

/**
 * `docker [global] exec|run …` and `docker compose [global] exec|run …`: the inner command runs in a
 * container (or a one-off service container). `run` is also assessed itself (host mounts, --privileged).
 */
function peelContainer(cmd: SimpleCommand, runtime: string): Peeled | undefined {
  const global = parseOptions(cmd.argv.slice(1), {
    withValue: DOCKER_GLOBAL_VALUE,
    stopAtFirstPositional: true,
  });
  const hints = daemonHints(global, runtime);
  let rest = global.positionals;
  let label = runtime;
  const isCompose = runtime.endsWith('-compose') || rest[0]?.value === 'compose';
  if (rest[0]?.value === 'compose') rest = rest.slice(1);
  // `docker container run|exec` is `docker run|exec`.
  else if (rest[0]?.value === 'container' && /^(run|exec)$/.test(rest[1]?.value ?? '')) rest = rest.slice(1);
  if (isCompose) {
    const compose = parseOptions(rest, { withValue: COMPOSE_VALUE, stopAtFirstPositional: true });
    const project = optionValue(compose, '-p', '--project-name');
    if (project) hints.push({ source: 'compose project', value: project, weak: true });
    for (const file of optionValues(compose, '-f', '--file'))
      hints.push({ source: 'compose file', value: file.replace(/^.*\//, ''), weak: true });
    rest = compose.positionals;
    label = `${runtime} compose`;
  }
  const verb = rest[0]?.value;
  if (verb !== 'exec' && verb !== 'run') return undefined;
  const parsed = parseOptions(rest.slice(1), {
    withValue: RUN_VALUE,
    stopAtFirstPositional: true,
  });
  // podman's `--rootfs DIR` runs the command in a directory of this machine instead of an image.
  const rootfs = optionValue(parsed, '--rootfs');
  const [target, ...inner] =
    rootfs !== undefined ? [word(rootfs), ...parsed.positionals] : parsed.positionals;
  if (target)
    hints.push({
      source: `${label} ${verb === 'exec' ? 'container' : 'image'}`,
      value: target.value,
      weak: true,
    });
  const contained = verb === 'run' && !isCompose && sealedRun(rest.slice(1));
  const runs =
    verb === 'run' && !isCompose && rootfs === undefined
      ? withEntrypoint(target, inner, parsed.options.has('--entrypoint'))
      : inner;
  return {
    inner: runs.length
      ? [{ kind: 'argv', argv: runs, hints, remote: true, ...(contained ? { contained } : {}) }]
      : [],
    analyzeSelf: verb === 'run',
  };
}

const KUBECTL_RUN_WITH_VALUE = [
  '-c',
  '--container',
  '-f',
  '--filename',
  '--image',
  '--target',
  '--profile',
  '--env',
  '--labels',
  '-l',
  '--overrides',
  '--port',
  '--restart',
  '--timeout',
  '--pod-running-timeout',
  '--copy-to',
  '--share-processes',
  '--attach',
  '-o',
  '--output',
  '--field-manager',
  '--custom-profile',
];

/** One list, built once: parseOptions remembers its set by the list's identity. */
const KUBECTL_PEEL_WITH_VALUE = [...KUBECTL_GLOBAL_VALUE, ...KUBECTL_VERB_VALUE, ...KUBECTL_RUN_WITH_VALUE];

/** `kubectl exec|run|debug … -- cmd` and `oc rsh POD cmd`: the command runs in a pod. */
function peelKubectl(cmd: SimpleCommand, name: string): Peeled | undefined {
  const parsed = parseOptions(cmd.argv.slice(1), { withValue: KUBECTL_PEEL_WITH_VALUE });
  const verb = parsed.positionals[0]?.value;
  if (!verb || !['exec', 'run', 'debug', 'rsh'].includes(verb) || (verb === 'rsh' && name !== 'oc'))
    return undefined;
  const dashDash = cmd.argv.findIndex((w, i) => i > 1 && w.value === '--' && !w.dynamic);
  let inner: Word[];
  if (dashDash >= 0) inner = cmd.argv.slice(dashDash + 1);
  else if (verb === 'rsh') inner = parsed.positionals.slice(2);
  else return undefined;
  const hints: EnvironmentHint[] = [];
  const namespace = optionValue(parsed, '-n', '--namespace');
  const context = optionValue(parsed, '--context');
  const cluster = optionValue(parsed, '--cluster');
  if (namespace) hints.push({ source: 'kubectl --namespace', value: namespace });
  if (context) hints.push({ source: 'kubectl --context', value: context });
  if (cluster) hints.push({ source: 'kubectl --cluster', value: cluster });
  const pod = parsed.positionals[1];
  if (pod && pod.value !== '--')
    hints.push({ source: `${name} ${verb} target`, value: pod.value, weak: true });
  const useContext = !context && !optionValue(parsed, '--kubeconfig');
  return {
    inner: inner.length
      ? [{ kind: 'argv', argv: inner, hints, remote: true, inKubeContext: useContext }]
      : [],
    analyzeSelf: true,
  };
}

/**
 * `-exec sudo rm {} +`: the words of `sudo` and its options when the command they run removes what find
 * found (removesFound), so that find's own deletion can be judged without them; undefined otherwise.
 */
function rootRemovalPrefix(primary: FindCommandLine['primaries'][number]): Word[] | undefined {
  const [program, ...rest] = primary.values;
  const name = program && !program.dynamic ? commandName(program) : '';
  if (name !== 'sudo' && name !== 'doas') return undefined;
  const { restIndex } = parseOptions(rest, SPECS[name]!);
  const removal = { ...primary, values: rest.slice(restIndex) };
  return removesFound(removal) ? primary.values.slice(0, restIndex + 1) : undefined;
}

/** The paths find starts from: the words before the first expression (default "."). */
function peelFind(cmd: SimpleCommand): Peeled | undefined {
  const inner: Inner[] = [];
  const { roots, primaries } = parseFind(cmd.argv.slice(1));
  // As root, the same deletion: run as that find with `-exec rm`, elevated (its other actions are then
  // taken as root too, which only ever makes them look more dangerous).
  const asRoot = primaries.flatMap((p) => rootRemovalPrefix(p) ?? []);
  if (asRoot.length) {
    const argv = cmd.argv.filter((w) => !asRoot.includes(w));
    return { inner: [{ kind: 'argv', argv, elevated: true }], analyzeSelf: false };
  }
  const name = foundName(primaries);
  for (const primary of primaries) {
    // An rm of what was found is find's own deletion, judged by its tests (analyzers/files/find-deletes.ts).
    if (!FIND_EXEC.has(primary.name) || removesFound(primary)) continue;
    // `{}` is each file found under a root: keep the root so the path can still be judged, and the name
    // every file found has, when one `-name` without a pattern says it (`-name node_modules`).
    for (const root of roots) {
      // The name only when `{}` stands alone (`{}/..` is its parent) and the search stays in the
      // working directory: from `/` or a home, `-name node_modules` reaches deployed applications too.
      const named =
        name &&
        withinWorkingDirectory(root) &&
        primary.values.every((w) => !w.value.includes('{}') || w.value === '{}');
      const found = `${root.value.replace(/\/$/, '')}/<found>${named ? `/${name}` : ''}`;
      // `-exec {} \;` runs each file found: which program that is, only the run can tell.
      const argv = primary.values.map((w, i) =>
        w.value.includes('{}')
          ? word(w.value.replaceAll('{}', found), i === 0 || root.dynamic || w.dynamic)
          : w,
      );
      if (argv.length) inner.push({ kind: 'argv', argv });
    }
  }
  return inner.length ? { inner, analyzeSelf: true } : undefined;
}

/**
 * The name of every file a find expression selects: its one `-name`/`-iname` when that is a plain name (no
 * pattern) and nothing else (`-o`, `!`, `-not`, `,`) can select another; undefined otherwise.
 */
function foundName(primaries: readonly { name: string; values: readonly Word[] }[]): string | undefined {
  if (primaries.some((p) => ['-o', '-or', '!', '-not', ','].includes(p.name))) return undefined;
  const names = primaries.filter((p) => p.name === '-name' || p.name === '-iname');
  const value = names.length === 1 ? names[0]!.values[0] : undefined;
  return value && !value.dynamic && /^[\w.@+-]+$/.test(value.value) ? value.value : undefined;
}

/** `.`, `./src`, `build`: a relative root that does not climb out of the working directory. */
const withinWorkingDirectory = (root: Word) =>
  !root.dynamic &&
  !root.value.startsWith('/') &&
  !root.value.startsWith('~') &&
  !root.value.split('/').includes('..');

/** At most this many `xargs -I` runs (one per input line) are assessed: the others are alike. */
const MAX_XARGS_RUNS = 16;

/**
 * The text xargs reads when it is known: empty for `</dev/null`, else static stdin (`echo / | xargs rm -rf`).
 * Undefined when it is read from a file (-a) or split in a way not followed here (-0, -d, quotes, escapes).
 */
function xargsInput(cmd: SimpleCommand, parsed: ReturnType<typeof parseOptions>): string | undefined {
  const splitOtherwise = ['-a', '--arg-file', '-0', '--null', '-d', '--delimiter'];
  if (splitOtherwise.some((o) => parsed.options.has(o))) return undefined;
  const devNull = cmd.redirects.some((r) => r.operator === '<' && r.target.value === '/dev/null');
  const text = devNull ? '' : staticStdin(cmd);
  return text !== undefined && !/['"\\]/.test(text) ? text : undefined;
}

/** find actions whose output is not the plain list of paths found, or that act on them already. */
const FIND_OTHER_OUTPUT = new Set(['-printf', '-fprint', '-fprint0', '-fprintf', '-ls', '-fls', '-delete']);

/**
 * `find ARGS -print0 | xargs -0 CMD` runs CMD on the paths find prints: the same as `find ARGS -exec CMD {} +`
 * (with -I, once per path: `-exec CMD {} ;`), judged as that is, root and name kept: the deletion of every
 * `*.conf` under `/` was "the output of find", medium, and that of every `.DS_Store` here was asked about.
 */
function peelFoundPaths(
  cmd: SimpleCommand,
  command: readonly Word[],
  replace: string | undefined,
): Peeled | undefined {
  const find = cmd.stdinFrom;
  if (!find || commandName(find.argv[0]) !== 'find' || find.argv.some((w) => w.dynamic)) return undefined;
  if (find.argv.some((w) => FIND_EXEC.has(w.value) || FIND_OTHER_OUTPUT.has(w.value))) return undefined;
  const search = find.argv.filter((w) => w.value !== '-print' && w.value !== '-print0');
  const run = replace
    ? [
        ...command.map((w) => (w.value.includes(replace) ? word(w.value.replaceAll(replace, '{}')) : w)),
        word(';'),
      ]
    : [...command, word('{}'), word('+')];
  // Run as that find, so that its own analysis judges it too (an rm of what it found is a deletion).
  return { inner: [{ kind: 'argv', argv: [...search, word('-exec'), ...run] }], analyzeSelf: false };
}

function peelXargs(cmd: SimpleCommand): Peeled {
  const parsed = parseOptions(cmd.argv.slice(1), SPECS.xargs);
  const replace = optionValue(parsed, '-I', '--replace') ?? (parsed.options.has('-i') ? '{}' : undefined);
  const command = parsed.positionals.length ? parsed.positionals : [word('echo')];
  const found = peelFoundPaths(cmd, command, replace);
  if (found) return found;
  const input = xargsInput(cmd, parsed);
  if (input !== undefined) {
    // -I runs the command once per input line with the line in place of the replace string.
    if (replace) {
      const lines = input
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, MAX_XARGS_RUNS);
      const runs = lines.map((line): Inner => ({
        kind: 'argv',
        argv: command.map((w) =>
          w.value.includes(replace) ? word(w.value.replaceAll(replace, line), w.dynamic) : w,
        ),
      }));
      return { inner: runs, analyzeSelf: false };
    }
    const args = input
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => word(a));
    const noRunIfEmpty = parsed.options.has('-r') || parsed.options.has('--no-run-if-empty');
    if (args.length === 0 && noRunIfEmpty) return { inner: [], analyzeSelf: false };
    return { inner: [{ kind: 'argv', argv: [...command, ...args] }], analyzeSelf: false };
  }
  const argv = command.map((w) => (replace && w.value.includes(replace) ? word(w.value, true) : w));
  // xargs appends what it reads to the command line: those arguments are unknown here, but say which
  // command printed them (`pidof mongod | xargs kill -9` kills `<output of pidof mongod>`).
  if (!replace)
    argv.push(word(cmd.stdinFrom ? `<output of ${cmd.stdinFrom.text}>` : '<arguments from stdin>', true));
  return { inner: [{ kind: 'argv', argv }], analyzeSelf: false };
}

function peelNpx(cmd: SimpleCommand, startIndex: number): Peeled {
  const parsed = parseOptions(cmd.argv.slice(startIndex), SPECS.npx);
  const call = optionValue(parsed, '-c', '--call');
  if (call !== undefined)
    return { inner: [scriptOrUnverifiable([word(call)], 'npx -c')], analyzeSelf: false };
  const [pkg, ...args] = parsed.positionals;
  if (!pkg) return { inner: [], analyzeSelf: false };
  // `npx cdk@2 destroy` runs the binary of package cdk: drop the version, keep the scope-less name.
  const name = pkg.value.replace(
    /^(@[^/]+\/)?([^@]+)(@.*)?$/,
    (_m, scope: string | undefined, base: string) => (scope === '@aws-cdk/' || !scope ? base : base),
  );
  return { inner: [{ kind: 'argv', argv: [word(name, pkg.dynamic), ...args] }], analyzeSelf: false };
}

/** `env -S TEXT`, `-STEXT` (`-S'rm -rf /'` after quotes), `--split-string[=TEXT]`: TEXT is a command line. */
function splitString(w: Word, next: Word | undefined): { script?: Word; ownWord: boolean } | undefined {
  if (w.dynamic) return undefined;
  if (w.value === '-S' || w.value === '--split-string')
    return next ? { script: next, ownWord: false } : { ownWord: false };
  if (w.value.startsWith('--split-string=')) return { script: word(w.value.slice(15)), ownWord: true };
  if (/^-S./s.test(w.value)) return { script: word(w.value.slice(2)), ownWord: true };
  return undefined;
}

function peelEnv(cmd: SimpleCommand): Peeled {
  const args = cmd.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (w.value === '--') {
      i++;
      break;
    }
    if (['-u', '--unset', '-C', '--chdir', '-P'].includes(w.value)) {
      i++;
      continue;
    }
    const split = splitString(w, args[i + 1]);
    if (split) {
      const rest = args.slice(i + (split.ownWord ? 1 : 2));
      return {
        inner: split.script ? [scriptOrUnverifiable([split.script, ...rest], 'env -S')] : [],
        analyzeSelf: false,
      };
    }
    if (w.value.startsWith('-') && !w.dynamic) continue;
    break;
  }
  const { assignments, rest: argv } = leadingAssignments(args.slice(i));
  return { inner: argv.length ? [{ kind: 'argv', argv, assignments }] : [], analyzeSelf: false };
}

/** The argv a tool runner runs, as a wrapper's inner command; not peeled when it names no known tool. */
const ranTool = (argv: RunWords): Peeled | undefined =>
  argv ? { inner: [{ kind: 'argv', argv }], analyzeSelf: false } : undefined;

function peelSimple(
  cmd: SimpleCommand,
  name: string,
  extra: Partial<Extract<Inner, { kind: 'argv' }>> = {},
): Peeled {
  const parsed = parseOptions(cmd.argv.slice(1), SPECS[name] ?? { stopAtFirstPositional: true });
  let argv = parsed.positionals;
  if (name === 'timeout') argv = argv.slice(1); // the duration
  if (name === 'chrt') argv = argv.slice(1); // the priority
  if (name === 'taskset' || name === 'chroot') argv = argv.slice(1); // the CPU mask, the new root
  if (name === 'flock') argv = argv.slice(1); // the lock file
  if (name === 'nice' && argv[0] && /^-?\d+$/.test(argv[0].value)) argv = argv.slice(1);
  // sudo/doas accept VAR=value before the command.
  const { assignments, rest } = leadingAssignments(argv);
  return {
    inner: rest.length ? [{ kind: 'argv', argv: rest, assignments, ...extra }] : [],
    analyzeSelf: false,
  };
}

/** `taskset MASK CMD` and `taskset -c LIST CMD` run CMD; `taskset -p …` changes a running process. */
function peelTaskset(cmd: SimpleCommand): Peeled {
  const parsed = parseOptions(cmd.argv.slice(1), SPECS.taskset);
  if (parsed.options.has('-p') || parsed.options.has('--pid')) return { inner: [], analyzeSelf: false };
  return peelSimple(cmd, 'taskset');
}

/** `flock FILE CMD…` runs CMD; `flock FILE -c 'CMD'` has a shell run it; `flock FD` only locks. */
function peelFlock(cmd: SimpleCommand): Peeled {
  const parsed = parseOptions(cmd.argv.slice(1), SPECS.flock);
  const [, flag, script] = parsed.positionals;
  if (flag && !flag.dynamic && (flag.value === '-c' || flag.value === '--command'))
    return { inner: script ? [scriptOrUnverifiable([script], 'flock -c')] : [], analyzeSelf: false };
  return peelSimple(cmd, 'flock');
}

/**
 * Options of `run` that bring nothing of this machine into the container (names, variables, ports, limits,
 * its own scratch space). Any other (`-v`, `--mount`, `--rootfs`, `--device`, `--privileged`, host
 * namespaces, or one not known here) and the run is not sealed.
 */
const SEALED_OPTIONS = new Set([
  '--rm', '-i', '-t', '-it', '-ti', '-d', '--detach', '--interactive', '--tty', '--init', '--read-only',
  '--name', '-e', '--env', '-w', '--workdir', '-u', '--user', '--entrypoint', '-p', '--publish', '-P',
  '--publish-all', '--expose', '-h', '--hostname', '-l', '--label', '-m', '--memory', '--cpus', '--platform',
  '--pull', '--restart', '--stop-timeout', '--stop-signal', '--tmpfs', '--shm-size', '--network', '--net',
  '--add-host', '--dns', '--ulimit', '--cap-drop', '--log-driver', '--log-opt', '--quiet', '-q',
]); // prettier-ignore

/**
 * A `run` whose container holds nothing of this machine: every option before the image is one of those
 * (compose services may mount volumes their file declares, so they are never sealed).
 */
function sealedRun(args: readonly Word[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic) return false;
    if (!w.value.startsWith('-')) return true; // the image: every option before it was known
    const name = w.value.split('=')[0]!;
    if (!SEALED_OPTIONS.has(name)) return false;
    if (!w.value.includes('=') && RUN_VALUE.includes(name)) i++;
  }
  return true;
}

/** strace, fakeroot, nsenter, systemd-run…: the command after their options (and fixed operands). */
function peelRunner(cmd: SimpleCommand, runner: Runner): Peeled {
  const argv = parseOptions(cmd.argv.slice(1), runner.spec).positionals.slice(runner.operands ?? 0);
  const elevated = runner.elevated ? { elevated: true } : {};
  return {
    inner: argv.length ? [{ kind: 'argv', argv, ...elevated }] : [],
    analyzeSelf: runner.analyzeSelf === true,
  };
}

const SWITCH_USER_VALUE = [
  '-c',
  '--command',
  '-s',
  '--shell',
  '-g',
  '--group',
  '-G',
  '--supp-group',
  '-u',
  '--user',
  '-w',
];

/** `su [-] [user] -c CMD`, `runuser -u user -- CMD`, `sg group CMD`: the command runs as another user. */
function peelSwitchUser(cmd: SimpleCommand, name: string): Peeled {
  const args = cmd.argv.slice(1);
  const parsed = parseOptions(args, { withValue: SWITCH_USER_VALUE });
  const script = optionValue(parsed, '-c', '--command');
  if (script !== undefined)
    return { inner: [scriptOrUnverifiable([word(script)], `${name} -c`)], analyzeSelf: false };
  // runuser -u USER CMD…, sg GROUP CMD…; su without -c starts a login shell, which runs nothing here.
  const inOrder = parseOptions(args, {
    withValue: SWITCH_USER_VALUE,
    stopAtFirstPositional: true,
  }).positionals;
  if (name === 'sg' && inOrder.length > 1)
    return { inner: [scriptOrUnverifiable(inOrder.slice(1), 'sg')], analyzeSelf: false };
  if (name === 'runuser' && optionValue(parsed, '-u', '--user') !== undefined && inOrder.length)
    return { inner: [{ kind: 'argv', argv: inOrder, elevated: true }], analyzeSelf: false };
  return { inner: [], analyzeSelf: false };
}

/** `gdb … --args PROG ARGS`: gdb starts PROG with ARGS (and `-ex run` runs it); `-ex 'shell CMD'` runs CMD. */
function peelGdb(cmd: SimpleCommand): Peeled | undefined {
  const at = cmd.argv.findIndex((w) => w.value === '--args' && !w.dynamic);
  const argv = at > 0 ? cmd.argv.slice(at + 1) : [];
  const inner: Inner[] = [...gdbShell(at > 0 ? cmd.argv.slice(1, at) : cmd.argv.slice(1))];
  if (argv.length) inner.push({ kind: 'argv', argv });
  return inner.length ? { inner, analyzeSelf: false } : undefined;
}

/** `script -c CMD [file]` runs CMD in a shell (recording the session). */
function peelScriptRecorder(cmd: SimpleCommand): Peeled | undefined {
  const parsed = parseOptions(cmd.argv.slice(1), {
    withValue: ['-c', '--command', '-E', '--echo', '-I', '-O', '-B', '-T', '-m', '--log-in', '--log-out'],
  });
  const command = optionValue(parsed, '-c', '--command');
  return command === undefined
    ? undefined
    : { inner: [scriptOrUnverifiable([word(command)], 'script -c')], analyzeSelf: false };
}

/** `at TIME`, `batch`: the commands to run later are read from stdin (or `-f FILE`, not read here). */
function peelAt(cmd: SimpleCommand, name: string): Peeled | undefined {
  if (!stdinIsFed(cmd)) return undefined;
  const text = staticStdin(cmd);
  const inner: Inner =
    text !== undefined
      ? { kind: 'script', text, via: name }
      : { kind: 'unverifiable', reason: `${name} schedules commands it reads from stdin`, target: cmd.text };
  return { inner: [inner], analyzeSelf: false };
}

/** `uv run cleanup.py` runs the file with the project's python: `python cleanup.py`. */
function pythonFileFirst(peeled: Peeled): Peeled {
  const inner = peeled.inner.map((i): Inner => {
    const first = i.kind === 'argv' ? i.argv[0] : undefined;
    if (i.kind !== 'argv' || !first || first.dynamic || !/\.py$/.test(first.value)) return i;
    return { ...i, argv: [word('python', false), ...i.argv] };
  });
  return { ...peeled, inner };
}

const PYTHON = /^(python|python[23](\.\d+)?|pypy3?)$/;
/** Modules run with `python -m` that are programs with a command line of their own, as the analyzers know them. */
const MODULE_PROGRAMS = new Map([
  ['pip', 'pip'],
  ['pip3', 'pip'],
]);

/**
 * `python3 -m pip uninstall x` (the form pip's own docs recommend) is pip's command line: `sudo python3 -m
 * pip uninstall urllib3` was allowed where `sudo pip uninstall urllib3` was not. python itself is still
 * analyzed: `-m pip` runs a pip.py of the project first, if there is one.
 */
function peelModuleProgram(cmd: SimpleCommand, name: string): Peeled | undefined {
  if (!PYTHON.test(name)) return undefined;
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic) return undefined;
    // `-m pip`, `-mpip`, and `-m` ending a cluster of flags (`-Im pip`, `-Impip`).
    const clustered = /^-[a-zA-Z]*m(.*)$/.exec(w.value);
    const module = clustered ? (clustered[1] ? clustered[1] : args[i + 1]) : undefined;
    if (module !== undefined) {
      const value = typeof module === 'string' ? module : module.dynamic ? undefined : module.value;
      const program = value === undefined ? undefined : MODULE_PROGRAMS.get(value);
      if (!program) return undefined;
      const rest = args.slice(clustered && !clustered[1] ? i + 2 : i + 1);
      return { inner: [{ kind: 'argv', argv: [word(program, false), ...rest] }], analyzeSelf: true };
    }
    if (w.value === '-X' || w.value === '-W') i++;
    else if (!/^-[a-zA-Z]+$/.test(w.value)) return undefined; // -c, a script: not a module
  }
  return undefined;
}

/** `start-stop-daemon --start --exec PROGRAM -- ARGS` runs PROGRAM (or `--startas`) with ARGS; `--stop` is analyzed. */
function peelStartStopDaemon(cmd: SimpleCommand): Peeled | undefined {
  const parsed = parseOptions(cmd.argv.slice(1), {
    withValue: START_STOP_VALUE,
    abbreviations: START_STOP_ABBREVIATIONS,
  });
  if (!parsed.options.has('-S') && !parsed.options.has('--start')) return undefined;
  const program = optionValue(parsed, '-a', '--startas') ?? optionValue(parsed, '-x', '--exec');
  if (program === undefined) return undefined;
  const written = cmd.argv.find((w) => w.value === program || w.value.endsWith(`=${program}`));
  return {
    inner: [{ kind: 'argv', argv: [word(program, written?.dynamic ?? true), ...parsed.positionals] }],
    analyzeSelf: false,
  };
}

/** `rsync --rsync-path=PROGRAM … host:path`: the remote host's shell runs PROGRAM; rsync still copies. */
function peelRsyncPath(cmd: SimpleCommand): Peeled | undefined {
  const remote = rsyncRemoteScript(cmd);
  if (!remote) return undefined;
  const { text, host, hints } = remote;
  const inner: Inner = remote.dynamic
    ? {
        kind: 'unverifiable',
        reason: `rsync's --rsync-path on ${host} is computed at run time`,
        target: host,
        hints,
        remote: true,
      }
    : { kind: 'script', text, via: `rsync --rsync-path on ${host}`, hints, remote: true };
  return { inner: [inner], analyzeSelf: true };
}

/** autossh's own `-M PORT` (its monitoring port); the rest of its words are ssh's. */
export function withoutMonitorPort(args: readonly Word[]): Word[] {
  const at = args.findIndex((w) => !w.dynamic && /^-M/.test(w.value));
  if (at < 0) return [...args];
  return [...args.slice(0, at), ...args.slice(at + (args[at]!.value === '-M' ? 2 : 1))];
}

/** If the command is a wrapper (sudo, env, ssh, sh -c, xargs…), say what it really runs; otherwise undefined. */
export function peelWrapper(cmd: SimpleCommand): Peeled | undefined {
  const name = commandName(cmd.argv[0]);
  const sub = cmd.argv[1]?.value;
  if (PREFIX_WRAPPERS.has(name)) return peelSimple(cmd, name);
  const moduleProgram = peelModuleProgram(cmd, name);
  if (moduleProgram) return moduleProgram;
  const runner = RUNNERS[name];
  if (runner) return peelRunner(cmd, runner);
  const escaped = peelEscapes(cmd, name) ?? peelFleet(cmd, name) ?? peelEnvironmentRunner(cmd, name);
  if (escaped) return escaped;
  switch (name) {
    case 'sudo':
    case 'doas': {
      const parsed = parseOptions(cmd.argv.slice(1), SPECS[name]!);
      // `sudo -s`/`-i` with a command run it through the target user's shell.
      if ((parsed.options.has('-s') || parsed.options.has('-i')) && parsed.positionals.length) {
        return { inner: [{ ...scriptOrUnverifiable(parsed.positionals, name), ...{} }], analyzeSelf: false };
      }
      return peelSimple(cmd, name, { elevated: true });
    }
    case 'env':
      return peelEnv(cmd);
    case 'timeout':
    case 'nice':
    case 'ionice':
    case 'stdbuf':
    case 'chrt':
      return peelSimple(cmd, name);
    case 'chroot':
      // Also judged itself: `chroot /host sh` in a node agent's container is a shell on the node.
      return { ...peelSimple(cmd, name), analyzeSelf: true };
    case 'taskset':
      return peelTaskset(cmd);
    case 'flock':
      return peelFlock(cmd);
    case 'command': {
      // `command -v rm`, `command -pV rm`: only say what rm is.
      const parsed = parseOptions(cmd.argv.slice(1), { stopAtFirstPositional: true });
      if (parsed.options.has('-v') || parsed.options.has('-V')) return { inner: [], analyzeSelf: false };
      return peelSimple(cmd, name);
    }
    case 'builtin':
      return peelSimple(cmd, name);
    case 'parallel':
      return peelParallel(cmd);
    case 'su':
    case 'runuser':
    case 'sg':
      return peelSwitchUser(cmd, name);
    case 'gdb':
      return peelGdb(cmd);
    case 'script':
      return peelScriptRecorder(cmd);
    case 'at':
    case 'batch':
      return peelAt(cmd, name);
    case 'exec':
      return peelSimple(cmd, name);
    // Multi-call binaries: `busybox rm -rf /` runs its rm applet.
    case 'busybox':
    case 'toybox':
      return peelSimple(cmd, name);
    case 'watch': {
      const parsed = parseOptions(cmd.argv.slice(1), SPECS.watch!);
      if (parsed.options.has('-x') || parsed.options.has('--exec'))
        return { inner: [{ kind: 'argv', argv: parsed.positionals }], analyzeSelf: false };
      return {
        inner: parsed.positionals.length ? [scriptOrUnverifiable(parsed.positionals, 'watch')] : [],
        analyzeSelf: false,
      };
    }
    case 'xargs':
      return peelXargs(cmd);
    case 'find':
      return peelFind(cmd);
    case 'eval': {
      // `eval "$(pyenv init -)"`: the tool's own setup code, judged as running the tool.
      const setup = cmd.argv.length === 2 ? shellSetupCommand(cmd.argv[1]!.value) : undefined;
      if (setup)
        return { inner: [{ kind: 'script', text: setup, via: 'eval of shell setup' }], analyzeSelf: false };
      return {
        inner: cmd.argv.length > 1 ? [scriptOrUnverifiable(cmd.argv.slice(1), 'eval')] : [],
        analyzeSelf: false,
      };
    }
    case 'trap': {
      // `trap 'rm -rf ~' EXIT`: the command runs when the shell exits or the signal comes. `trap - SIG`
      // resets, `trap '' SIG` ignores, `trap -p`/`-l` print: nothing to run.
      const args = cmd.argv.slice(1);
      const start = args[0]?.value === '--' ? 1 : 0;
      const action = args[start];
      const runs = action && args.length - start >= 2 && (action.dynamic || !/^(-.*)?$/.test(action.value));
      return { inner: runs ? [scriptOrUnverifiable([action], 'trap')] : [], analyzeSelf: false };
    }
    case 'source':
    case '.': {
      const file = cmd.argv[1];
      const setup = file?.dynamic ? shellSetupCommand(file.value) : undefined;
      if (setup)
        return {
          inner: [{ kind: 'script', text: setup, via: `${name} of shell setup` }],
          analyzeSelf: false,
        };
      if (file?.dynamic && /^<\(|^\$\(/.test(file.value)) {
        return {
          inner: [
            {
              kind: 'unverifiable',
              reason: `${name} runs the output of another command`,
              target: file.value,
            },
          ],
          analyzeSelf: false,
        };
      }
      if (file && ['/dev/stdin', '-'].includes(file.value) && stdinIsFed(cmd)) {
        const text = staticStdin(cmd);
        return {
          inner: [
            text !== undefined
              ? { kind: 'script', text, via: name }
              : {
                  kind: 'unverifiable',
                  reason: `${name} runs what it reads from stdin`,
                  target: cmd.stdinFrom?.text ?? 'stdin',
                },
          ],
          analyzeSelf: false,
        };
      }
      return undefined;
    }
    case 'ssh':
      return peelSsh(cmd);
    case 'rsync':
      return peelRsyncPath(cmd);
    case 'socat': {
      const inner = socatCommands(cmd.argv.slice(1));
      return inner.length ? { inner, analyzeSelf: true } : undefined;
    }
    case 'start-stop-daemon':
      return peelStartStopDaemon(cmd);
    case 'autossh':
      return peelSsh({ ...cmd, argv: [word('ssh', false), ...withoutMonitorPort(cmd.argv.slice(1))] });
    case 'docker':
    case 'podman':
    case 'nerdctl':
    case 'docker-compose':
    case 'podman-compose':
      return peelContainer(cmd, name);
    case 'kubectl':
    case 'oc':
    case 'kubecolor':
      return peelKubectl(cmd, name);
    case 'npx':
    case 'bunx':
      return peelNpx(cmd, 1);
    case 'pnpm':
    case 'yarn':
      return sub === 'dlx' || sub === 'exec' ? peelNpx(cmd, 2) : undefined;
    case 'npm':
      return sub === 'exec' || sub === 'x' ? peelNpx(cmd, 2) : undefined;
    case 'bun':
      return sub === 'x' ? peelNpx(cmd, 2) : undefined;
    // Published tools fetched and run: judged as the tool they run.
    case 'go':
      return sub === 'run' ? ranTool(goRunWords(cmd.argv.slice(2))) : undefined;
    case 'uvx':
      return ranTool(toolRunWords(cmd.argv.slice(1)));
    case 'pipx':
      return sub === 'run' ? ranTool(toolRunWords(cmd.argv.slice(2))) : undefined;
    // Environment managers that run a command inside the project's environment.
    case 'bundle':
    case 'bundler':
      return sub === 'exec' ? peelSimple({ ...cmd, argv: cmd.argv.slice(1) }, 'exec') : undefined;
    case 'uv':
      if (sub === 'tool' && cmd.argv[2]?.value === 'run') return ranTool(toolRunWords(cmd.argv.slice(3)));
      return sub === 'run'
        ? pythonFileFirst(peelSimple({ ...cmd, argv: cmd.argv.slice(1) }, 'run'))
        : undefined;
    case 'poetry':
    case 'pipenv':
    case 'pdm':
    case 'hatch':
    case 'rye':
      return sub === 'run'
        ? pythonFileFirst(peelSimple({ ...cmd, argv: cmd.argv.slice(1) }, 'run'))
        : undefined;
  }
  if (SHELLS.has(name)) return peelShell(cmd, name);
  if (INTERPRETERS_READING_STDIN.has(name) || /^python3\.\d+$/.test(name)) {
    const args = cmd.argv.slice(1);
    const readsStdin = args.length === 0 || (args.length === 1 && args[0]!.value === '-');
    // Text known in full (`echo 'puts 1' | ruby`) is read by the interpreter's analyzer; cmd and iex have none.
    const readLater = staticStdin(cmd) !== undefined && !STDIN_READERS_UNANALYZED.has(name);
    if (readsStdin && cmd.stdinFrom && !readLater) {
      return {
        inner: [
          {
            kind: 'unverifiable',
            reason: `${name} executes code it reads from ${cmd.stdinFrom.text}`,
            target: cmd.stdinFrom.text,
          },
        ],
        analyzeSelf: false,
      };
    }
  }
  return undefined;
}

/** Shells whose scripts are bash syntax enough to be parsed by tree-sitter-bash (not fish). */
const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'busybox-sh']);

/** A script file a command runs: `bash x.sh args`, `source x.sh`, `. x.sh`, or `./x.sh` (a path run directly). */
export interface ScriptFileRun {
  file: Word;
  /** `shell` and `source` run it as a shell script whatever it says; `exec` runs it by its `#!` line. */
  how: 'shell' | 'source' | 'exec';
}

/**
 * The script file a simple command runs, if it runs one (after wrappers were peeled). A shell with no
 * script named (or `-s`) reads its script from its standard input: `bash < deploy.sh` runs deploy.sh.
 */
export function scriptFileRun(
  argv: readonly Word[],
  redirects: readonly Redirect[] = [],
): ScriptFileRun | undefined {
  const program = argv[0];
  if (!program || program.dynamic) return undefined;
  const name = commandName(program);
  if (POSIX_SHELLS.has(name)) {
    const parsed = parseOptions(argv.slice(1), {
      withValue: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'],
      stopAtFirstPositional: true,
    });
    const flags = [...parsed.options.keys()];
    if (flags.some((k) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(k))) return undefined; // -c text
    const named = parsed.positionals[0];
    const fromStdin =
      flags.some((k) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(k)) ||
      !named ||
      (!named.dynamic && isStdinPath(named.value));
    const file = fromStdin ? stdinFile(redirects) : named;
    if (!file || file.dynamic || file.value === '-') return undefined;
    return { file, how: 'shell' };
  }
  if (name === 'source' || name === '.') {
    const file = argv[1];
    if (!file || file.dynamic || file.value === '-' || file.value === '/dev/stdin') return undefined;
    return { file, how: 'source' };
  }
  // ./deploy.sh, bin/migrate, /opt/tools/run: a path, not a name looked up in PATH.
  if (program.value.includes('/')) return { file: program, how: 'exec' };
  return undefined;
}

/**
 * The program and arguments of a `#!` line: `#!/usr/bin/env -S deno run -A` → deno run -A,
 * `#!/usr/bin/python3 -u` → python3 -u. Undefined without one.
 */
export function shebangCommand(head: string): string[] | undefined {
  if (!head.startsWith('#!')) return undefined;
  const words = head.slice(2).trim().split(/\s+/).filter(Boolean);
  const program = words[0]?.replace(/^.*\//, '');
  if (!program) return undefined;
  if (program !== 'env') return [program, ...words.slice(1)];
  const at = words.findIndex((w, k) => k > 0 && !w.startsWith('-') && !w.includes('='));
  return at < 0 ? undefined : [words[at]!.replace(/^.*\//, ''), ...words.slice(at + 1)];
}

/** Whether a `#!` line names a shell whose scripts are assessed (`#!/bin/bash`, `#!/usr/bin/env -S sh -e`). */
export function shebangShell(head: string): 'shell' | 'other' | 'none' {
  if (!head.startsWith('#!')) return 'none';
  const words = head.slice(2).trim().split(/\s+/);
  let interpreter = words[0]?.replace(/^.*\//, '') ?? '';
  if (interpreter === 'env')
    interpreter =
      words
        .slice(1)
        .find((w) => !w.startsWith('-') && !w.includes('='))
        ?.replace(/^.*\//, '') ?? '';
  return POSIX_SHELLS.has(interpreter) ? 'shell' : 'other';
}
