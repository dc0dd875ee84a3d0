import type { Effect } from '../core/types.js';
import { hasOption, parseOptions } from '../shell/options.js';
import type { Invocation } from './analyzer.js';
import { saysItDestroys } from './destroying-words.js';
import { subcommandEffects, type Call, type Cli, type Verb } from './subcommands.js';

// An administration CLI with a table of what its subcommands do is a recognised program, so the shell no
// longer guesses at the subcommands the table leaves out. One whose own words say it destroys (`pulsar-admin
// sinks delete`, a verb of a later release) is asked about here instead, as it was before the table existed.

/** How deep a subcommand sits: `pulsar-admin topics delete` is the second word, `fastly service backend delete` the third. */
const SUBCOMMAND_DEPTH = 3;

/**
 * The table's effects; for a subcommand it does not list that says it destroys, a deletion nobody verified,
 * unless `unlisted` knows better of that call (a deletion in a draft that nothing serves yet).
 */
export function listedSubcommandEffects(
  inv: Invocation,
  cli: Cli,
  unlisted?: (call: Call) => Verb | undefined,
): Effect[] {
  const listed = subcommandEffects(inv, cli);
  // Found in the table, or nothing to guess at; an unlisted call may still say that it destroys.
  if (!listed.some((e) => e.unrecognised)) return listed;
  const options = parseOptions(inv.args, cli.options);
  // -h is help unless it takes a value (nodetool's -h HOST).
  const help = cli.options.withValue?.includes('-h') ? ['--help'] : ['--help', '-h'];
  if (hasOption(options, ...help)) return [];
  const words = options.positionals.slice(0, SUBCOMMAND_DEPTH);
  const names = words.map((w) => (w.dynamic ? '' : (cli.aliases?.[w.value] ?? w.value)));
  // A subcommand the table lists (and found harmless, or harmless with these options) is not guessed at.
  if (names.some((_, i) => Object.hasOwn(cli.verbs, names.slice(0, i + 1).join(' ')))) return [];
  const at = names.findIndex((n) => n && saysItDestroys(n));
  if (at < 0) return listed;
  const verb = names.slice(0, at + 1).join(' ');
  const rest = options.positionals.slice(at + 1);
  const call: Call = { verb, rest, options, inv };
  const known = unlisted?.(call);
  const target = rest[0]?.value ?? verb;
  const hints = [
    ...cli.hints(call),
    ...rest
      .filter((w) => !w.dynamic)
      .map((w) => ({ source: 'resource name', value: w.value, weak: true as const })),
  ];
  return [
    ...listed,
    {
      operation: known?.operation ?? 'delete',
      tool: inv.name,
      target,
      reversible: known?.reversible ?? false,
      risk: known?.risk ?? 'medium',
      reason: `${inv.name} ${verb} ${known?.what ?? 'says it destroys something, and is not one of its subcommands known here'}`,
      ...(known ? { category: known.category } : {}),
      ...(hints.length ? { hints } : {}),
      local: false,
    },
  ];
}
