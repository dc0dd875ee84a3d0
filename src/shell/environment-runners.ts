import type { EnvironmentHint } from '../core/types.js';
import type { SimpleCommand } from './extract.js';
import { leadingAssignments } from './assignment-words.js';
import { scriptOrUnverifiable } from './inner-script.js';
import { optionValue, parseOptions, type ParsedOptions } from './options.js';
import type { Inner, Peeled } from './wrappers.js';
import { word, type Word } from './words.js';

// Programs that run a command inside an environment they set up: cloud credentials assumed (`aws-vault exec
// prod -- terraform destroy`), secrets injected (`doppler run --config prd -- …`, `op run -- …`), a toolchain's
// or project's environment (`nix develop -c …`, `mise exec -- …`, `conda run -n base …`, `rbenv exec …`), a
// namespace, container or VM (`ip netns exec`, `toolbox run`, `lxc exec`, `multipass exec`, `wsl`), a detached
// session (`dtach -n`, `daemonize`), or an app's machine (`heroku run`, `fly ssh console -C`). Each was an
// unrecognised program, so what it ran was never seen: `aws-vault exec prod -- terraform destroy
// -auto-approve` was allowed. The command is assessed as typed, placed by the profile, config or app named.

/** How one program (or one of its subcommands) runs the command it is given. */
interface EnvironmentRunner {
  /** Options that take a value, before and after the subcommand. */
  withValue: readonly string[];
  /** Operands before the command: aws-vault's profile, direnv's directory, lxc's container. */
  operands?: number;
  /** One operand before the command when the first word looks like this (nvm's optional version). */
  optionalOperand?: RegExp;
  /** The operands run up to `--` (chamber's services, mise's tools); without one there is no command. */
  operandsToDashes?: boolean;
  /** Options whose value is a command line a shell runs (`doppler run --command`, `nix-shell --run`). */
  scriptOptions?: readonly string[];
  /** Options after which the rest of the line is the command (`nix develop -c CMD ARGS`, `wsl -e`). */
  commandOptions?: readonly string[];
  /** Flags that make it run the command through a shell (`teller run --shell`, `env-cmd --use-shell`). */
  shellFlags?: readonly string[];
  /** Always runs the command through a shell (`heroku run`: `bash -c` on the dyno; `cross-env-shell`). */
  viaShell?: boolean;
  /** Its options may follow the command's words too (`heroku run rails console -a billing`). */
  optionsAnywhere?: boolean;
  /** The command is one word a shell runs (`scl enable COLL 'CMD'`, `sops exec-env FILE 'CMD'`). */
  scriptOperand?: boolean;
  /** A program that runs the command's words (`nvm run 20 app.js` runs `node app.js`). */
  prefix?: string;
  /** Only options name the command (`nix-shell --run`, `vagrant ssh -c`): operands are not one. */
  onlyOptions?: boolean;
  /** Flags with which it runs no command (`envchain --set`). */
  noCommand?: readonly string[];
  /** Runs on another machine, VM or container: its effects land there. */
  remote?: boolean;
  /** `VAR=value` words before the command set variables for it (`cross-env NODE_ENV=production …`). */
  assignments?: boolean;
  /** Where the command lands, from the runner's own options and operands. */
  hints?: (options: ParsedOptions, operands: readonly Word[]) => EnvironmentHint[];
}

/** A hint from an option's value; weak when it is only a name (an app, a project, a file). */
const fromOption =
  (source: string, names: readonly string[], weak = false) =>
  (options: ParsedOptions): EnvironmentHint[] => {
    const value = optionValue(options, ...names);
    return value ? [{ source, value, ...(weak ? { weak: true as const } : {}) }] : [];
  };

/** A hint from the first operand (a profile, a host). */
const fromOperand =
  (source: string, weak = false) =>
  (_: ParsedOptions, operands: readonly Word[]): EnvironmentHint[] => {
    const first = operands[0];
    return first && !first.dynamic
      ? [{ source, value: first.value, ...(weak ? { weak: true as const } : {}) }]
      : [];
  };

const VERSION_MANAGER: EnvironmentRunner = { withValue: [] };

/** Keyed by the program and the subcommand that runs a command: `aws-vault exec`, `ip netns exec`, `dotenv`. */
const RUNNERS: ReadonlyMap<string, EnvironmentRunner> = new Map<string, EnvironmentRunner>([
  // Cloud credentials assumed for the command.
  [
    'aws-vault exec',
    {
      withValue: ['-d', '--duration', '-t', '--mfa-token', '--region', '--backend', '--prompt', '--keychain'],
      operands: 1,
      hints: fromOperand('aws-vault profile'),
    },
  ],
  [
    'aws-okta exec',
    {
      withValue: ['-t', '--assume-role-ttl', '-a', '--session-ttl', '--mfa-provider', '--mfa-factor-type', '-b', '--backend'],
      operands: 1,
      hints: fromOperand('aws-okta profile'),
    },
  ],
  [
    'saml2aws exec',
    {
      withValue: ['-a', '--idp-account', '-p', '--profile', '--exec-profile', '--role', '--region', '--session-duration', '--credentials-file'],
      hints: fromOption('saml2aws profile', ['--exec-profile', '-p', '--profile', '-a', '--idp-account']),
    },
  ],
  [
    'assume',
    { withValue: ['-r', '--region', '-c', '--console'], operands: 1, commandOptions: ['--exec', '-x'], onlyOptions: true, hints: fromOperand('granted profile') },
  ],
  // Secrets injected into the command's environment.
  [
    'envconsul',
    {
      withValue: ['-prefix', '-secret', '-config', '-consul-addr', '-vault-addr', '-log-level', '-exec-kill-signal', '-exec-kill-timeout', '-kill-signal', '-pid-file', '-exec-splay', '-max-stale', '-wait'],
      hints: fromOption('envconsul prefix', ['-prefix', '-secret'], true),
    },
  ],
  [
    'chamber exec',
    {
      withValue: ['-b', '--backend', '-r', '--retries', '--kms-key-alias', '--min-throttle-delay'],
      operandsToDashes: true,
      hints: (_, services) => services.filter((s) => !s.dynamic).map((s) => ({ source: 'chamber service', value: s.value, weak: true as const })),
    },
  ],
  [
    'doppler run',
    {
      withValue: ['-p', '--project', '-c', '--config', '--token', '--scope', '--name-transformer', '--mount', '--mount-format', '--mount-template', '--mount-max-reads', '--fallback', '--api-host', '--dashboard-host', '--configuration', '--command'],
      scriptOptions: ['--command'],
      hints: (options) => [...fromOption('doppler config', ['-c', '--config'])(options), ...fromOption('doppler project', ['-p', '--project'], true)(options)],
    },
  ],
  ['op run', { withValue: ['--env-file', '--account', '--session', '--config', '--encoding'] }],
  [
    'infisical run',
    {
      withValue: ['--env', '--projectId', '--path', '--token', '--tags', '-t', '--domain', '--watch-interval', '--project-config-dir', '--log-level', '--command'],
      scriptOptions: ['--command'],
      hints: fromOption('infisical environment', ['--env']),
    },
  ],
  ['teller run', { withValue: ['-c', '--config'], shellFlags: ['--shell'] }],
  ['summon', { withValue: ['-p', '--provider', '-f', '-D', '--yaml', '--up', '--default'] }],
  ['envchain', { withValue: [], operands: 1, noCommand: ['--set', '-s', '--list', '-l', '--unset'] }],
  ['sops exec-env', { withValue: ['--user', '--input-type', '--output-type'], operands: 1, scriptOperand: true }],
  ['sops exec-file', { withValue: ['--user', '--input-type', '--output-type', '--filename'], operands: 1, scriptOperand: true }],
  [
    'dotenv',
    {
      withValue: ['-e', '-v', '-c', '-p'],
      noCommand: ['-p'],
      hints: fromOption('dotenv environment', ['-c'], true),
    },
  ],
  ['dotenvx run', { withValue: ['-f', '--env-file', '-fv', '--env-vault-file', '-fk', '--env-keys-file', '-e', '--env', '--convention', '-l', '--log-level'] }],
  [
    'env-cmd',
    {
      withValue: ['-f', '--file', '-e', '--environments', '-r', '--rc-file'],
      shellFlags: ['--use-shell'],
      hints: fromOption('env-cmd environment', ['-e', '--environments'], true),
    },
  ],
  ['cross-env', { withValue: [], assignments: true }],
  ['cross-env-shell', { withValue: [], assignments: true, viaShell: true }],
  // SST v3: the app's linked resources and secrets of a stage (`sst shell --stage production -- node x.js`).
  ['sst shell', { withValue: ['--stage', '--target', '--config'], hints: fromOption('sst stage', ['--stage']) }],
  ['railway run', { withValue: ['-s', '--service', '-e', '--environment'], hints: fromOption('railway environment', ['-e', '--environment']) }],
  ['netlify dev:exec', { withValue: ['--context', '--filter', '--auth'], hints: fromOption('netlify context', ['--context']) }],
  ['netlify dev', { withValue: ['-c', '--command', '--context', '--filter', '--auth', '-d', '--dir', '-f', '--functions', '-p', '--port', '--target-port', '--framework', '--geo'], scriptOptions: ['-c', '--command'], onlyOptions: true, hints: fromOption('netlify context', ['--context']) }],
  // A toolchain's or project's environment.
  ['nix-shell', { withValue: ['-I', '-A', '--attr', '--arg', '--argstr', '--run', '--command'], scriptOptions: ['--run', '--command'], onlyOptions: true }],
  ['nix develop', { withValue: ['-c', '--command', '--profile', '--override-input', '-i'], commandOptions: ['-c', '--command'], onlyOptions: true }],
  ['nix shell', { withValue: ['-c', '--command', '--override-input'], commandOptions: ['-c', '--command'], onlyOptions: true }],
  ['devcontainer exec', { withValue: ['--workspace-folder', '--container-id', '--id-label', '--config', '--override-config', '--remote-env', '--docker-path', '--docker-compose-path', '--user-data-folder', '--log-level', '--log-format'] }],
  ['nvm exec', { withValue: [], optionalOperand: /^(v?\d[\d.]*|node|stable|lts\/.+|iojs)$/ }],
  ['nvm run', { withValue: [], optionalOperand: /^(v?\d[\d.]*|node|stable|lts\/.+|iojs)$/, prefix: 'node' }],
  ['devbox run', { withValue: ['-c', '--config', '-e', '--env', '--env-file'] }],
  ['mise exec', { withValue: ['-j', '--jobs', '-C', '--cd', '-c', '--command'], operandsToDashes: true, scriptOptions: ['-c', '--command'] }],
  ['mise x', { withValue: ['-j', '--jobs', '-C', '--cd', '-c', '--command'], operandsToDashes: true, scriptOptions: ['-c', '--command'] }],
  ['asdf exec', VERSION_MANAGER],
  ['rbenv exec', VERSION_MANAGER],
  ['pyenv exec', VERSION_MANAGER],
  ['nodenv exec', VERSION_MANAGER],
  ['goenv exec', VERSION_MANAGER],
  ['jenv exec', VERSION_MANAGER],
  ['plenv exec', VERSION_MANAGER],
  ['direnv exec', { withValue: [], operands: 1 }],
  ['conda run', { withValue: ['-n', '--name', '-p', '--prefix', '--cwd'], hints: fromOption('conda environment', ['-n', '--name'], true) }],
  ['mamba run', { withValue: ['-n', '--name', '-p', '--prefix', '--cwd'] }],
  ['micromamba run', { withValue: ['-n', '--name', '-p', '--prefix', '--cwd', '-a', '--attach'] }],
  ['scl enable', { withValue: [], scriptOperand: true }],
  // Another namespace, container or VM of this machine (or one it runs).
  ['ip netns exec', { withValue: ['-n', '-netns'], operands: 1 }],
  ['ip vrf exec', { withValue: ['-n', '-netns'], operands: 1 }],
  ['flatpak-spawn', { withValue: ['--env', '--directory', '--forward-fd', '--sandbox-expose', '--sandbox-expose-ro'] }],
  ['toolbox run', { withValue: ['-c', '--container', '-d', '--distro', '-r', '--release'] }],
  ['distrobox enter', { withValue: ['-n', '--name', '-a', '--additional-flags'], operands: 1, commandOptions: ['-e', '--exec'] }],
  ['distrobox-enter', { withValue: ['-n', '--name', '-a', '--additional-flags'], operands: 1, commandOptions: ['-e', '--exec'] }],
  ['wsl', { withValue: ['-d', '--distribution', '-u', '--user', '--cd'], commandOptions: ['-e', '--exec'] }],
  ['lxc exec', { withValue: ['--env', '--user', '--group', '--cwd', '--mode'], operands: 1, remote: true, hints: fromOperand('lxc container', true) }],
  ['incus exec', { withValue: ['--env', '--user', '--group', '--cwd', '--mode'], operands: 1, remote: true, hints: fromOperand('incus container', true) }],
  ['multipass exec', { withValue: ['-d', '--working-directory'], operands: 1, remote: true, hints: fromOperand('multipass instance', true) }],
  ['limactl shell', { withValue: ['--workdir', '--shell'], operands: 1, remote: true, hints: fromOperand('lima instance', true) }],
  ['vagrant ssh', { withValue: ['-c', '--command'], scriptOptions: ['-c', '--command'], onlyOptions: true, remote: true }],
  [
    'mosh',
    {
      withValue: ['--ssh', '-p', '--port', '--predict', '--server', '--client', '--family', '--bind-server', '--experimental-remote-ip'],
      operands: 1,
      remote: true,
      hints: fromOperand('mosh host'),
    },
  ],
  // Commands run again at each change of the files watched.
  ['entr', { withValue: [], shellFlags: ['-s'] }],
  ['watchexec', { withValue: ['-e', '--exts', '-w', '--watch', '-i', '--ignore', '-f', '--filter', '-s', '--signal', '--shell', '-d', '--debounce', '--delay-run', '-W', '--watch-non-recursive', '--project-origin', '--workdir', '-E', '--env', '--stop-signal', '--stop-timeout', '--on-busy-update', '--filter-file', '--ignore-file', '--poll', '--color'], viaShell: true }],
  // A detached session or daemon of this machine.
  ['dtach', { withValue: ['-n', '-A', '-c', '-N', '-e', '-r'] }],
  ['daemonize', { withValue: ['-c', '-e', '-E', '-o', '-p', '-l', '-u'] }],
  // An app's machine on a platform: its shell runs the command there.
  [
    'heroku run',
    {
      withValue: ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type'],
      remote: true,
      viaShell: true,
      optionsAnywhere: true,
      hints: fromOption('heroku app', ['-a', '--app'], true),
    },
  ],
  [
    'heroku run:detached',
    {
      withValue: ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type'],
      remote: true,
      viaShell: true,
      optionsAnywhere: true,
      hints: fromOption('heroku app', ['-a', '--app'], true),
    },
  ],
  [
    'fly ssh console',
    {
      withValue: ['-a', '--app', '-C', '--command', '-s', '--select', '-r', '--region', '-u', '--user', '--machine', '--process-group'],
      scriptOptions: ['-C', '--command'],
      onlyOptions: true,
      remote: true,
      hints: fromOption('fly app', ['-a', '--app'], true),
    },
  ],
]); // prettier-ignore

const ALIASES: Readonly<Record<string, string>> = { flyctl: 'fly' };

/**
 * Every option with a value of each program's runners (`aws-vault` → its subcommands' options): what may
 * stand before its subcommand. Made once: a program with no runner is by far the common case.
 */
const PROGRAM_OPTIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const options = new Map<string, string[]>();
  for (const [key, runner] of RUNNERS) {
    const program = key.split(' ', 1)[0]!;
    options.set(program, [...(options.get(program) ?? []), ...runner.withValue]);
  }
  return options;
})();

/**
 * The runner a command names, its key (`aws-vault exec`) and its words without the subcommand's: options
 * may come before the subcommand (`aws-vault --backend=file exec prod -- …`).
 */
function runnerOf(
  name: string,
  args: readonly Word[],
): { runner: EnvironmentRunner; key: string; rest: Word[] } | undefined {
  const program = ALIASES[name] ?? name;
  const own = RUNNERS.get(program);
  if (own) return { runner: own, key: program, rest: [...args] };
  const withValue = PROGRAM_OPTIONS.get(program);
  if (!withValue) return undefined;
  const head = parseOptions(args, {
    withValue,
    stopAtFirstPositional: true,
  }).restIndex;
  for (let depth = 2; depth > 0; depth--) {
    const sub = args.slice(head, head + depth);
    if (sub.length < depth || sub.some((w) => w.dynamic || w.value === '--')) continue;
    const key = [program, ...sub.map((w) => w.value)].join(' ');
    const runner = RUNNERS.get(key);
    if (runner) return { runner, key, rest: [...args.slice(0, head), ...args.slice(head + depth)] };
  }
  return undefined;
}

const isDashes = (w: Word | undefined): boolean => w?.value === '--' && !w.dynamic;

const parse = (runner: EnvironmentRunner, rest: readonly Word[]): ParsedOptions =>
  parseOptions(rest, {
    withValue: runner.withValue,
    stopAtFirstPositional: !runner.optionsAnywhere && !runner.onlyOptions,
  });

/** The command a runner runs: its words, and whether they are one command line for a shell. */
interface CommandWords {
  words: Word[];
  script: boolean;
}

/** The words of the command a runner runs, or undefined when it runs none. */
function commandWords(
  runner: EnvironmentRunner,
  rest: readonly Word[],
  parsed: ParsedOptions,
): CommandWords | undefined {
  const argv = (words: Word[]): CommandWords => ({ words, script: false });
  const commandAt = rest.findIndex((w) => !w.dynamic && (runner.commandOptions ?? []).includes(w.value));
  if (commandAt >= 0) {
    const after = rest.slice(commandAt + 1);
    return argv(isDashes(after[0]) ? after.slice(1) : after);
  }
  if (runner.onlyOptions) return undefined;
  // Stopped at `--`: every word after it is the command (operands, if any, were given as options).
  if (isDashes(rest[parsed.restIndex - 1]) && !runner.optionsAnywhere) return argv(parsed.positionals);
  const words = parsed.positionals;
  if (runner.operandsToDashes || runner.scriptOperand) {
    const at = words.findIndex(isDashes);
    if (at >= 0) return argv(words.slice(at + 1));
    if (runner.operandsToDashes || words.length <= (runner.operands ?? 0)) return undefined;
    return { words: words.slice(-1), script: true };
  }
  const operands = runner.optionalOperand?.test(words[0]?.value ?? '') ? 1 : (runner.operands ?? 0);
  const command = words.slice(operands);
  return argv(isDashes(command[0]) ? command.slice(1) : command);
}

/** The command a runner runs, as argv or as a shell's command line. */
function commandOf(
  runner: EnvironmentRunner,
  rest: readonly Word[],
  parsed: ParsedOptions,
  via: string,
): Inner | undefined {
  if (runner.noCommand?.some((flag) => parsed.options.has(flag))) return undefined;
  const remote = runner.remote ? { remote: true } : {};
  for (const option of runner.scriptOptions ?? []) {
    const script = optionValue(parsed, option);
    if (script !== undefined) return { ...scriptOrUnverifiable([word(script)], via), ...remote };
  }
  const command = commandWords(runner, rest, parsed);
  if (!command) return undefined;
  const { assignments, rest: words } = runner.assignments
    ? leadingAssignments(command.words)
    : { assignments: {}, rest: command.words };
  const argv = runner.prefix && words.length ? [word(runner.prefix, false), ...words] : words;
  if (!argv.length) return undefined;
  // One word with blanks in it is a command line, never a program's name (`assume prod --exec 'aws …'`).
  const oneLine = argv.length === 1 && /\s/.test(argv[0]!.value);
  if (command.script || oneLine || runner.viaShell || runner.shellFlags?.some((f) => parsed.options.has(f)))
    return { ...scriptOrUnverifiable(argv, via), ...remote };
  return { kind: 'argv', argv, ...(Object.keys(assignments).length ? { assignments } : {}), ...remote };
}

/**
 * What an environment runner runs (`aws-vault exec prod -- CMD`), placed by the profile, config or app it
 * names; undefined when the command is not one.
 */
export function peelEnvironmentRunner(cmd: SimpleCommand, name: string): Peeled | undefined {
  const found = runnerOf(name, cmd.argv.slice(1));
  if (!found) return undefined;
  const { runner, key, rest } = found;
  const parsed = parse(runner, rest);
  const inner = commandOf(runner, rest, parsed, key);
  if (!inner) return { inner: [], analyzeSelf: false };
  const hints = runner.hints?.(parsed, parsed.positionals) ?? [];
  return {
    inner: [hints.length ? { ...inner, hints: [...(inner.hints ?? []), ...hints] } : inner],
    analyzeSelf: false,
  };
}
