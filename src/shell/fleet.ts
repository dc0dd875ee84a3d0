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
  // A version, help, a host list or a rehearsal (`--check`) runs nothing on the hosts.
  const looks = ['--version', '-h', '--help', '--list-hosts', '-C', '--check'].some((o) =>
    parsed.options.has(o),
  );
  if (looks || READ_MODULES.test(module)) return [];
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

/** salt's options that take a value (`-G`, `-L`, `-N`, `-C`, `-E` are flags: how TARGET is read). */
const SALT_VALUE = [
  '-t',
  '--timeout',
  '--out',
  '--output',
  '--out-file',
  '-b',
  '--batch-size',
  '-l',
  '--log-level',
  '--roster-file',
  '-c',
  '--config-dir',
  '--return',
];
/** Execution functions that only report: `test.ping`, `grains.items`, `disk.usage`… */
const READ_FUNCTIONS =
  /^(test\.(ping|version|echo)|grains\.(items|item|get|ls)|pillar\.(items|item|get)|status\..+|disk\.usage|sys\.(doc|list_functions)|pkg\.(list_pkgs|version)|service\.(status|get_all))$/;

/**
 * `salt TARGET cmd.run|cmd.shell 'CMD'` (and salt-ssh): CMD on every minion TARGET matches; any other function
 * but a report cannot be seen into there. The target still comes first after `-G`, `-L`, `-N`, `-C`, `-E`.
 */
function salt(name: string, args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, { withValue: SALT_VALUE });
  const [target, fn, ...rest] = parsed.positionals;
  if (!fn || fn.dynamic || READ_FUNCTIONS.test(fn.value)) return [];
  // `test=True` is salt's rehearsal (state functions report what they would change), as ansible's --check.
  if (rest.some((w) => /^test=true$/i.test(w.value))) return [];
  const hints = hint(`${name} target`, target?.value);
  if (/^cmd\.(run|shell|run_all|run_stdout|exec_code)$/.test(fn.value))
    return remoteScript(rest.slice(0, 1), `${name} ${fn.value}`, hints);
  const reason = `${name} runs ${fn.value} on ${target?.value ?? 'its minions'}`;
  return [
    {
      kind: 'unverifiable',
      reason,
      target: [fn.value, ...rest.map((w) => w.value)].join(' '),
      hints,
      remote: true,
    },
  ];
}

/** pdsh -w HOSTS CMD…, pssh/parallel-ssh -h FILE|-H HOST -i CMD, clush -w HOSTS|-g GROUP CMD. */
function parallelShell(name: string, args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, {
    stopAtFirstPositional: true,
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

/** `fab -H web1,web2 -- 'CMD'`: Fabric runs the command after `--` on each host. */
function fabric(args: readonly Word[]): Inner[] {
  const dashes = args.findIndex((w) => w.value === '--' && !w.dynamic);
  if (dashes < 0) return [];
  const parsed = parseOptions(args.slice(0, dashes), {
    withValue: ['-H', '--hosts', '-i', '-S', '-c', '-f', '-r', '-t', '-T'],
  });
  const hosts = optionValues(parsed, '-H', '--hosts').flatMap((h) => h.split(','));
  return remoteScript(
    args.slice(dashes + 1),
    'fab',
    hosts.flatMap((h) => hint('fab hosts', h.trim())),
  );
}

/** `knife ssh QUERY 'CMD'`: Chef runs the command on every node the search finds (`chef_environment:production`). */
function knifeSsh(args: readonly Word[]): Inner[] {
  if (args[0]?.value !== 'ssh') return [];
  const parsed = parseOptions(args.slice(1), {
    withValue: [
      '-x',
      '--ssh-user',
      '-P',
      '--ssh-password',
      '-i',
      '--ssh-identity-file',
      '-a',
      '--attribute',
      '-C',
      '--concurrency',
      '-p',
      '--ssh-port',
      '-G',
      '--ssh-gateway',
      '-E',
      '--environment',
      '-c',
      '--config',
    ],
  });
  const [query, ...command] = parsed.positionals;
  if (!query || !command.length) return [];
  const environment =
    /chef_environment:([\w.-]+)/.exec(query.value)?.[1] ?? optionValues(parsed, '-E', '--environment')[0];
  return remoteScript(command, 'knife ssh', [
    ...hint('knife search', query.value).map((h) => ({ ...h, weak: true as const })),
    ...hint('chef environment', environment),
  ]);
}

/** What a fleet tool runs on its machines, if the command is one; undefined otherwise. */
export function peelFleet(cmd: SimpleCommand, name: string): Peeled | undefined {
  const args = cmd.argv.slice(1);
  let inner: Inner[] | undefined;
  if (name === 'ansible') inner = ansible(args);
  else if (name === 'salt' || name === 'salt-ssh') inner = salt(name, args);
  else if (/^(pdsh|pssh|parallel-ssh|clush)$/.test(name)) inner = parallelShell(name, args);
  else if (name === 'fab') inner = fabric(args);
  else if (name === 'knife') inner = knifeSsh(args);
  return inner?.length ? { inner, analyzeSelf: false } : undefined;
}
