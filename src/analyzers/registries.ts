import type { Effect, Risk } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Package registries: taking a published version back breaks everyone who depends on it (npm forbids
// republishing the same version, so an unpublish cannot be undone). Publishing is not destructive.

const effect = (inv: Invocation, target: string, risk: Risk, reason: string): Effect => ({
  operation: 'delete',
  tool: inv.name,
  target,
  reversible: false,
  risk,
  reason,
  category: 'package',
});

const positionals = (args: readonly string[]) => args.filter((a) => !a.startsWith('-'));

/** Who may publish a package, and which version a tag hands to everyone who installs it. */
function access(inv: Invocation, verb: string, rest: readonly string[]): Effect[] {
  const [action, first, second] = rest;
  const change = (target: string, risk: Risk, reason: string): Effect[] => [
    { ...effect(inv, target, risk, reason), operation: 'modify', reversible: true },
  ];
  if (/^dist-tags?$/.test(verb) && /^(rm|remove)$/.test(action ?? '') && first)
    return change(first, 'medium', `${inv.name} dist-tag rm takes the ${second ?? ''} tag off ${first}`);
  if (/^(owner|author)$/.test(verb) && first) {
    const pkg = second ?? 'this package';
    if (/^(rm|remove)$/.test(action ?? ''))
      return change(pkg, 'medium', `${inv.name} owner rm takes ${first}'s right to publish ${pkg} away`);
    if (action === 'add')
      return change(pkg, 'high', `${inv.name} owner add lets ${first} publish ${pkg} (and take it over)`);
  }
  return [];
}

function npmLike(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  if (args.includes('--dry-run')) return [];
  // Yarn 2+ reaches the registry through `yarn npm …` (`yarn npm unpublish --all`, `yarn npm tag remove`).
  const words = positionals(args);
  const berry = inv.name === 'yarn' && words[0] === 'npm';
  const [verb = '', ...rest] = berry ? words.slice(1) : words;
  if (verb === 'unpublish') {
    const what = rest[0] ?? 'this package';
    const whole = berry ? args.includes('--all') : !what.slice(1).includes('@');
    return [
      effect(
        inv,
        what,
        whole ? 'critical' : 'high',
        `${inv.name} unpublish takes ${whole ? 'every version of ' : ''}${what} off the registry for good`,
      ),
    ];
  }
  if (verb === 'deprecate' && rest[0])
    return [
      {
        ...effect(inv, rest[0], 'medium', `${inv.name} deprecate marks ${rest[0]} deprecated for everyone`),
        operation: 'modify',
        reversible: true,
      },
    ];
  return access(inv, berry && verb === 'tag' ? 'dist-tag' : verb, rest);
}

/** `cargo yank`, `gem yank`: a version withdrawn from new resolutions. */
function yank(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  if (positionals(args)[0] !== 'yank' || args.includes('--undo') || args.includes('--dry-run')) return [];
  const valued = new Set([
    '--version',
    '--vers',
    '-v',
    '--index',
    '--registry',
    '--token',
    '--host',
    '--key',
    '--platform',
  ]);
  const named = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1] ?? ''));
  const version = args[args.findIndex((a) => valued.has(a) && /^(--version|--vers|-v)$/.test(a)) + 1];
  const what = (named[1] ?? 'this package') + (version && !named[1]?.includes('@') ? ` ${version}` : '');
  return [
    {
      ...effect(inv, what, 'high', `${inv.name} yank withdraws a published version of ${what}`),
      operation: 'modify',
    },
  ];
}

export const registriesAnalyzer: Analyzer = {
  family: 'registries',
  partial: true,
  commands: ['npm', 'pnpm', 'yarn', 'cargo', 'gem'],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    return inv.name === 'cargo' || inv.name === 'gem' ? yank(inv) : npmLike(inv);
  },
};
