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
const PUPPET_LOOKS =
  /^(parser validate|config print|lookup|facts( show)?|help|describe|module list|--version)$/;

/** Salt functions that only report (`test.ping`, `grains.items`). */
const SALT_LOOKS =
  /^(test\.(ping|version|versions_report)|grains\.(items|get|item|ls)|sys\.doc|state\.show_\w+)$/;

/**
 * Options that make even a dry run load code the agent may have written or chosen: a config file (Ruby for
 * chef), local cookbooks or manifests, another server to sync plugins from (custom facts run at once).
 */
const LOADS_CODE: Readonly<Record<string, RegExp>> = {
  chef: /^(-c|--config|-z|--local-mode|--config-option|-j|--json-attributes|--recipe-url|-S|--server)(=|$)|^-[a-zA-Z]*[czjS]/,
  puppet:
    /^--(modulepath|config|confdir|vardir|codedir|server|server_list|ca_server|environmentpath|plugindest|libdir)(=|$)/,
  salt: /^(--local|--file-root|--pillar-root|-c|--config-dir|--master|--id|--module-dirs|-m)(=|$)/,
};

function analyze(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => (w.dynamic ? '\0' : w.value));
  const family = inv.name.startsWith('chef') ? 'chef' : inv.name === 'puppet' ? 'puppet' : 'salt';
  // A word computed at run time, or an option that loads other code: not a dry run known here.
  if (words.some((w) => w === '\0' || LOADS_CODE[family]!.test(w))) return [];
  switch (inv.name) {
    case 'chef-client':
    case 'chef-solo':
      return words.some((w) => w === '-W' || w === '--why-run' || /^-[a-zA-Z]*W/.test(w))
        ? dryRun(inv, 'in why-run mode')
        : [];
    case 'puppet': {
      const positional = words.filter((w) => !w.startsWith('-'));
      // `puppet agent --noop` (not `puppet apply --noop site.pp`: compiling a manifest given here runs its
      // functions, `generate()` among them).
      if (positional[0] === 'agent' && words.includes('--noop') && !words.includes('--no-noop'))
        return dryRun(inv, 'agent with --noop');
      return PUPPET_LOOKS.test(positional.slice(0, 2).join(' ')) || PUPPET_LOOKS.test(positional[0] ?? '')
        ? dryRun(inv, positional.slice(0, 2).join(' '))
        : [];
    }
    case 'salt-call': {
      const fn = words.find((w) => !w.startsWith('-') && w.includes('.'));
      if (words.some((w) => /^test=(true|True|1)$/.test(w))) return dryRun(inv, 'with test=True');
      return fn && SALT_LOOKS.test(fn) ? dryRun(inv, fn) : [];
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
