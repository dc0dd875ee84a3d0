import type { Effect, EnvironmentHint, Operation, Risk } from '../core/types.js';
import { hasOption, parseOptions, type OptionSpec, type ParsedOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { saysItDestroys } from './destroying-words.js';
import { saysItOnlyLooks } from './reading-words.js';

// Platform CLIs (gh, vault, heroku, nats…) are trees of subcommands: `gh repo delete`, `heroku apps:destroy`.
// Each family lists what its subcommands do in a table; this module finds the longest subcommand a call
// names and turns its entry into an effect.

/** What one subcommand does. */
export interface Verb {
  operation: Operation;
  risk: Risk;
  category: string;
  /** Completes "<tool> <subcommand> …": "deletes the repository". */
  what: string;
  reversible?: boolean;
  /** It acts on this machine (supabase's local database), not on the platform's servers. */
  local?: boolean;
  /** Worse where production (or an unknown place) is named: a sync that prunes is routine in staging. */
  riskInProduction?: Risk;
}

/** One call as the tables see it: the subcommand's words, the words after them and every option. */
export interface Call {
  verb: string;
  rest: Word[];
  options: ParsedOptions;
  inv: Invocation;
}

/** A subcommand's effect; a function when the options decide it (`--execute`, `--linked`, `web=0`). */
type VerbRule = Verb | ((call: Call) => Verb | undefined);

export interface Cli {
  /** Options that take a value (the rest are flags), so subcommand words are found among positionals. */
  options: OptionSpec;
  verbs: Readonly<Record<string, VerbRule>>;
  /** Spellings of one subcommand word: `rm` and `remove` for `delete`. */
  aliases?: Readonly<Record<string, string>>;
  /** Where the call lands: explicit facts (a server, an environment) and weak names (an app). */
  hints(call: Call): EnvironmentHint[];
  /** What the call acts on; by default the first word after the subcommand. */
  target?(call: Call): string | undefined;
}

export const destroys = (risk: Risk, category: string, what: string): Verb => ({
  operation: 'delete',
  risk,
  category,
  what,
});

export const changes = (risk: Risk, category: string, what: string, reversible = false): Verb => ({
  operation: 'modify',
  risk,
  category,
  what,
  reversible,
});

/** A subcommand known to change nothing that matters (`heroku pg:backups:capture`): listed so it is known. */
export const harmless = (): undefined => undefined;

/**
 * Everyday subcommands that change nothing that matters (`gh pr checkout`, `vercel link`, `op signin`):
 * listed so that, on a production host or with production credentials, they are known and not unverifiable.
 */
export const everyday = (...verbs: string[]): Record<string, VerbRule> =>
  Object.fromEntries(verbs.map((verb) => [verb, harmless]));

/** Routine in dev or staging, `risk` where production (or an unknown place) is named. */
export const worseInProduction = (verb: Verb, risk: Risk): Verb => ({ ...verb, riskInProduction: risk });

/** A subcommand that only prints what it would do with one of `options` (`--dry-run`, `--export`). */
export const unlessOption =
  (verb: Verb, ...options: string[]) =>
  (call: Call): Verb | undefined =>
    hasOption(call.options, ...options) ? undefined : verb;

/** A read worth reporting (it prints a secret) though it changes nothing. */
export const reads = (category: string, what: string): Verb => ({
  operation: 'read',
  risk: 'low',
  category,
  what,
  reversible: true,
});

const LONGEST_SUBCOMMAND = 3;

function find(cli: Cli, words: readonly Word[]): { verb: string; rule: VerbRule; depth: number } | undefined {
  const names = words
    .slice(0, LONGEST_SUBCOMMAND)
    .map((w) => (w.dynamic ? '' : (cli.aliases?.[w.value] ?? w.value)));
  for (let depth = names.length; depth > 0; depth--) {
    const verb = names.slice(0, depth).join(' ');
    const rule = cli.verbs[verb];
    if (rule && !names.slice(0, depth).includes('')) return { verb, rule, depth };
  }
  return undefined;
}

/** The effects of one call to a subcommand CLI: what its table says, placed by the CLI's hints. */
export function subcommandEffects(inv: Invocation, cli: Cli): Effect[] {
  const options = parseOptions(inv.args, cli.options);
  if (hasOption(options, '--help')) return [];
  const [first] = options.positionals;
  const found = find(cli, options.positionals);
  if (!found) {
    if (!first) return [];
    if (!first.dynamic) return unlistedCall(inv, cli, options);
    return [{ ...unseenCall(inv, `the ${inv.name} subcommand is computed at run time`), local: false }];
  }
  const call: Call = { verb: found.verb, rest: options.positionals.slice(found.depth), options, inv };
  const verb = typeof found.rule === 'function' ? found.rule(call) : found.rule;
  if (!verb) return [];
  const target = cli.target?.(call) ?? call.rest[0]?.value ?? found.verb;
  // The name of what is acted on is a weak hint: `billing-prod` may raise the effect to production.
  const own =
    target === found.verb ? [] : [{ source: `${inv.name} target`, value: target, weak: true as const }];
  const hints = [...cli.hints(call), ...own];
  return [
    {
      operation: verb.operation,
      tool: inv.name,
      target,
      reversible: verb.reversible ?? false,
      risk: verb.risk,
      reason: `${inv.name} ${found.verb} ${verb.what}`,
      category: verb.category,
      ...(hints.length ? { hints } : {}),
      ...(verb.local ? {} : { local: false }),
      ...(verb.riskInProduction ? { riskInProduction: verb.riskInProduction } : {}),
    },
  ];
}

/** A word that can name a subcommand (`list`, `apps:info`, `get-iam-policy`), not an argument (`x.status`, `a/b`). */
const SUBCOMMAND_WORD = /^[a-z][a-z0-9_:-]*$/i;

/** Whether a word names a group of the table's subcommands (`secrets` of `secrets delete`, `pg` of `pg:reset`). */
const isGroup = (cli: Cli, word: string): boolean =>
  Object.keys(cli.verbs).some((verb) => verb.startsWith(`${word} `) || verb.startsWith(`${word}:`));

/**
 * A subcommand the table does not list. Words that say it only looks (`pr view`, `apps:info`) leave it be;
 * any other is a call the analyzer does not know: judged as an unrecognised program is, placed by the
 * CLI's hints too, so with production credentials or a production server named it is unverifiable.
 */
function unlistedCall(inv: Invocation, cli: Cli, options: ParsedOptions): Effect[] {
  const words = options.positionals.slice(0, LONGEST_SUBCOMMAND).map((w) => (w.dynamic ? '' : w.value));
  // Only words a subcommand is made of say what it does: `nats frobnicate orders.status` does not look.
  const end = words.findIndex((w) => !SUBCOMMAND_WORD.test(w));
  const named = end < 0 ? words : words.slice(0, end);
  if (named.some(saysItOnlyLooks) && !words.some(saysItDestroys)) return [];
  // A group of listed subcommands alone (`doppler secrets`, `heroku releases`) lists or shows its help.
  if (options.positionals.length === 1 && isGroup(cli, words[0]!)) return [];
  const call: Call = { verb: words[0] ?? '', rest: options.positionals.slice(1), options, inv };
  const hints = cli.hints(call);
  const reason = `${inv.name} ${call.verb} is not one of its subcommands known here`;
  return [{ ...unseenCall(inv, reason), unrecognised: true, ...(hints.length ? { hints } : {}) }];
}

/** A call whose effect cannot be seen from its words. */
const unseenCall = (inv: Invocation, reason: string): Effect => ({
  operation: 'execute-unverifiable',
  tool: inv.name,
  target: inv.text,
  reversible: false,
  risk: 'high',
  reason,
});

/** A name given with an option (an app, a project): a weak hint, it may raise an effect to production. */
export function nameHints(call: Call, source: string, ...names: string[]): EnvironmentHint[] {
  return names
    .flatMap((n) => call.options.options.get(n) ?? [])
    .filter(Boolean)
    .map((value) => ({ source, value, weak: true as const }));
}

/** An option that says where a call lands (`--env production`, `--config prd`): an explicit hint. */
export function placeHints(call: Call, source: string, ...names: string[]): EnvironmentHint[] {
  return names
    .flatMap((n) => call.options.options.get(n) ?? [])
    .filter(Boolean)
    .map((value) => ({ source, value }));
}

/**
 * A variable of the agent's environment that names where a call lands (`FLY_APP`, `GH_HOST`): explicit, or
 * weak when it is only a name (an app, a project).
 */
export function envHint(call: Call, variable: string, weak = false): EnvironmentHint[] {
  const value = call.inv.env(variable);
  if (!value) return [];
  return [{ source: `env ${variable}`, value, ...(weak ? { weak: true as const } : {}) }];
}
