import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Configuration-management agents apply a whole catalogue of changes to the host: `chef-client`, `puppet
// agent -t`, `salt-call state.apply`. What a real run changes is in a server's catalogue, not on the command
// line, so it stays an unrecognised program (unverifiable in production). Their dry runs only report what
// they would change: `chef-client --why-run`, `puppet agent --noop`, `salt-call state.apply test=True`.

const dryRun = (inv: Invocation, how: string): Effect[] => [
  {
    operation: 'read',
    tool: inv.name,
    target: inv.text,
    reversible: true,
    risk: 'none',
    reason: `${inv.name} ${how}: it reports what it would change and changes nothing`,
  },
];

/** Puppet subcommands that only read or check (`puppet parser validate site.pp`, `puppet config print`). */
const PUPPET_LOOKS = /^(parser validate|config print|lookup|facts( show)?|help|describe|module list)$/;

/** Salt functions that only report (`test.ping`, `grains.items`). */
const SALT_LOOKS =
  /^(test\.(ping|version|versions_report)|grains\.(items|get|item|ls)|sys\.doc|state\.show_\w+)$/;

/**
 * The options a dry run may carry, each with whether it takes a value; any other option may load code the
 * agent chose (`chef-client -W -c evil.rb`, `--local-mode`, `puppet --server`, `salt-call --file-root`), run a
 * command (`puppet agent --noop --prerun_command=…`), end the dry run (`--no-why-run`, `--noop=false`), or
 * abbreviate one of those (chef and salt take `--no-why`, `--loc`): the run is not known to only report.
 */
const DRY_RUN_OPTIONS: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  chef: {
    '-W': false,
    '--why-run': false,
    '-l': true,
    '--log_level': true,
    '--log-level': true,
    '-E': true,
    '--environment': true,
    '-o': true,
    '--override-runlist': true,
    '-F': true,
    '--format': true,
    '--once': false,
    '--no-fork': false,
    '--no-color': false,
  },
  puppet: {
    '--noop': false,
    '-t': false,
    '--test': false,
    '-o': false,
    '--onetime': false,
    '--no-daemonize': false,
    '-v': false,
    '--verbose': false,
    '-d': false,
    '--debug': false,
    '--detailed-exitcodes': false,
    '--show_diff': false,
    '--summarize': false,
    '--evaltrace': false,
    '--environment': true,
    '--tags': true,
    '--render-as': true,
    '--node': true,
    '--explain': false,
    '--version': false,
  },
  salt: {
    '-l': true,
    '--log-level': true,
    '--out': true,
    '--output': true,
    '--state-output': true,
    '--state_output': true,
    '--retcode-passthrough': false,
    '--no-color': false,
    '--force-color': false,
    '-q': false,
    '--quiet': false,
  },
};

/** The words that are not options or their values; undefined when an option is not one a dry run may carry. */
function positionalsOf(words: string[], family: string): string[] | undefined {
  const known = DRY_RUN_OPTIONS[family]!;
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    const [name, value] = word.includes('=') ? [word.slice(0, word.indexOf('=')), true] : [word, false];
    const takesValue = known[name];
    if (takesValue === undefined || (value && !takesValue)) return undefined;
    if (takesValue && !value) i++;
  }
  return positionals;
}

/** Salt functions that honour test=True: the state runs. */
const SALT_STATE_RUNS = /^state\.(apply|highstate|sls|sls_id|single|top)$/;

function analyze(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => (w.dynamic ? '\0' : w.value));
  const family = inv.name.startsWith('chef') ? 'chef' : inv.name === 'puppet' ? 'puppet' : 'salt';
  // A word computed at run time, or an option a dry run is not known to take: not a dry run known here.
  const positional = words.includes('\0') ? undefined : positionalsOf(words, family);
  if (!positional) return [];
  switch (inv.name) {
    case 'chef-client':
    case 'chef-solo':
      return words.some((w) => w === '-W' || w === '--why-run') ? dryRun(inv, 'in why-run mode') : [];
    case 'puppet': {
      // `puppet agent --noop` (not `puppet apply --noop site.pp`: compiling a manifest given here runs its
      // functions, `generate()` among them).
      if (positional[0] === 'agent' && positional.length === 1 && words.includes('--noop'))
        return dryRun(inv, 'agent with --noop');
      if (words.length === 1 && words[0] === '--version') return dryRun(inv, '--version');
      return PUPPET_LOOKS.test(positional.slice(0, 2).join(' ')) || PUPPET_LOOKS.test(positional[0] ?? '')
        ? dryRun(inv, positional.slice(0, 2).join(' '))
        : [];
    }
    case 'salt-call': {
      const fn = positional.find((w) => w.includes('.') && !w.includes('='));
      const tests = positional.filter((w) => w.startsWith('test='));
      // test=True only where the function honours it: `salt-call cmd.run 'rm -rf /' test=True` runs rm.
      if (
        fn &&
        SALT_STATE_RUNS.test(fn) &&
        tests.length &&
        tests.every((w) => /^test=(true|True|1)$/.test(w))
      )
        return dryRun(inv, 'with test=True');
      return fn && SALT_LOOKS.test(fn) && !tests.length ? dryRun(inv, fn) : [];
    }
  }
  return [];
}

export const configAgentsAnalyzer: Analyzer = {
  family: 'config-agents',
  commands: ['chef-client', 'chef-solo', 'puppet', 'salt-call'],
  local: true,
  environmentVariables: [],
  // A real run changes what its catalogue says: it stays an unrecognised program.
  partial: true,
  analyze,
};
