import type { EnvironmentHint } from '../core/types.js';
import type { SimpleCommand } from './extract.js';
import { optionValue, optionValues, parseOptions } from './options.js';
import type { Inner, Peeled } from './wrappers.js';
import type { Word } from './words.js';

// Programs that run one command on many machines at once: `ansible prod -m shell -a 'rm -rf /var/lib/app'`,
// `salt '*' cmd.run '…'`, `pdsh -w web[1-9] '…'`, `pssh -h hosts.txt -i '…'`, `clush -w @prod '…'`. Each
// was an unrecognised program, allowed: the command is assessed as run on those machines (remote), placed
// by the inventory and the hosts it names, as ssh's command is placed by its host.

const ANSIBLE_VALUE = [
  '-i',
  '--inventory',
  '--inventory-file',
  '-m',
  '--module-name',
  '-a',
  '--args',
  '-u',
  '--user',
  '-l',
  '--limit',
  '-f',
  '--forks',
  '-e',
  '--extra-vars',
  '--become-user',
  '--become-method',
  '-c',
  '--connection',
  '-T',
  '--timeout',
  '-M',
  '--module-path',
  '--private-key',
  '--key-file',
  '--vault-id',
  '--vault-password-file',
  '-t',
  '--tree',
  '-P',
  '--poll',
  '-B',
  '--background',
];
/** Modules that only gather or print (`ansible all -m ping`). */
const READ_MODULES =
  /^(ansible\.builtin\.)?(ping|setup|gather_facts|debug|stat|slurp|command_info|package_facts|service_facts)$/;
/** Modules whose argument is a command line (`command` is ansible's default when only -a is given). */
const COMMAND_MODULES = /^(ansible\.builtin\.|ansible\.legacy\.)?(shell|command|raw)$/;

const hint = (source: string, value: string | undefined): EnvironmentHint[] =>
  value ? [{ source, value }] : [];

function remoteScript(words: readonly Word[], via: string, hints: EnvironmentHint[]): Inner[] {
  if (!words.length) return [];
  const text = words.map((w) => w.value).join(' ');
  if (words.some((w) => w.dynamic))
    return [
      {
        kind: 'unverifiable',
        reason: `${via} runs a command built at run time`,
        target: text,
        hints,
        remote: true,
      },
    ];
  return [{ kind: 'script', text, via, remote: true, hints }];
}

/** The word after an option (`-a CMD`), or the value of its `--opt=VALUE` form. */
function valueWord(args: readonly Word[], short: string, long: string): Word | undefined {
  const at = args.findIndex((w) => w.value === short || w.value === long);
  if (at >= 0) return args[at + 1];
  const joined = args.find((w) => w.value.startsWith(`${long}=`));
  return joined && { ...joined, value: joined.value.slice(long.length + 1) };
}

/** `ansible PATTERN -i INVENTORY -m shell -a 'CMD'`: CMD on every host PATTERN selects. */
function ansible(args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, { withValue: ANSIBLE_VALUE });
  const module = optionValue(parsed, '-m', '--module-name') ?? 'command';
  const command = valueWord(args, '-a', '--args');
  if (READ_MODULES.test(module)) return [];
  const pattern = parsed.positionals[0]?.value;
  const hints = [
    ...hint('ansible hosts', pattern),
    ...optionValues(parsed, '-i', '--inventory', '--inventory-file').flatMap((v) =>
      hint('ansible inventory', v),
    ),
    ...hint('ansible limit', optionValue(parsed, '-l', '--limit')),
  ];
  if (!COMMAND_MODULES.test(module) || !command) {
    const reason = `ansible runs its ${module} module on ${pattern ?? 'the inventory'}`;
    const target = command ? `${module} ${command.value}` : module;
    return [{ kind: 'unverifiable', reason, target, hints, remote: true }];
  }
  return remoteScript([command], `ansible -m ${module}`, hints);
}

/**
 * `salt TARGET cmd.run|cmd.shell 'CMD'` (and salt-ssh): CMD on every minion TARGET matches. `-G`, `-L`, `-N`,
 * `-C`, `-E` say how TARGET is read (a grain, a list…): flags, the target still comes first.
 */
function salt(name: string, args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, {
    withValue: ['-t', '--timeout', '--roster-file', '-c', '--config-dir'],
  });
  const [target, fn, ...rest] = parsed.positionals;
  if (!fn || !/^cmd\.(run|shell|run_all|run_stdout|exec_code)$/.test(fn.value)) return [];
  return remoteScript(rest.slice(0, 1), `${name} ${fn.value}`, hint(`${name} target`, target?.value));
}

/** pdsh -w HOSTS CMD…, pssh/parallel-ssh -h FILE|-H HOST -i CMD, clush -w HOSTS|-g GROUP CMD. */
function parallelShell(name: string, args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, {
    withValue: [
      '-w',
      '-x',
      '-g',
      '-X',
      '-R',
      '-l',
      '-u',
      '-f',
      '-t',
      '-h',
      '-H',
      '-p',
      '-o',
      '-e',
      '-O',
      '--hosts',
      '--host',
      '--user',
      '--par',
      '--outdir',
      '--errdir',
      '--timeout',
    ],
  });
  const hosts = [
    ...optionValues(parsed, '-w', '-H', '--host', '-g'),
    ...optionValues(parsed, '-h', '--hosts'),
  ];
  return remoteScript(
    parsed.positionals,
    name,
    hosts.flatMap((h) => hint(`${name} hosts`, h)),
  );
}

/** What a fleet tool runs on its machines, if the command is one; undefined otherwise. */
export function peelFleet(cmd: SimpleCommand, name: string): Peeled | undefined {
  const args = cmd.argv.slice(1);
  let inner: Inner[] | undefined;
  if (name === 'ansible') inner = ansible(args);
  else if (name === 'salt' || name === 'salt-ssh') inner = salt(name, args);
  else if (/^(pdsh|pssh|parallel-ssh|clush)$/.test(name)) inner = parallelShell(name, args);
  return inner?.length ? { inner, analyzeSelf: false } : undefined;
}
