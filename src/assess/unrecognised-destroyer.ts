import type { Effect, EnvironmentHint } from '../core/types.js';
import type { Word } from '../shell/words.js';
import { saysItDestroys } from '../analyzers/destroying-words.js';
import { everydayTool } from './everyday-tools.js';

// A program no analyzer knows, told in its own words to destroy: `doctl compute droplet delete web-1`,
// `consul kv delete -recurse app/`, `hcloud server delete db`, `scw instance server delete srv-1`,
// `oci compute instance terminate`, `aliyun ecs DeleteInstance`. Unrecognised programs were allowed
// outside production whatever they said; a subcommand that names destruction is asked about instead (with
// production credentials about, unverifiable-in-production.ts denies it first). Only the subcommand position counts (the
// first few words that are not options), so a file or a message that says "delete" does not.

/** How deep a subcommand sits: `doctl compute droplet delete` is the third word. */
const SUBCOMMAND_DEPTH = 3;
/** Words after which the rest is another program's arguments (`cargo run --bin purge`), not subcommands. */
const HANDS_OVER = new Set(['run', 'exec', 'x', 'dlx', 'script', 'task', '--']);

/** Options that, in most CLIs, name the server, context or stage a command acts on. */
const PLACE_OPTION =
  /^--?(http-addr|addr|address|host|server|endpoint|endpoint-url|url|api-url|context|cluster|profile|project|env|environment|stage)$/;

/** The word that says so, and the words after it (what it destroys), when a subcommand names destruction. */
function destroyingWord(argv: readonly Word[]): { verb: string; names: string[] } | undefined {
  let seen = 0;
  for (let i = 1; i < argv.length && seen < SUBCOMMAND_DEPTH; i++) {
    const w = argv[i]!;
    // The server or context an option names (`--endpoint https://api…`): a value, not a subcommand.
    if (PLACE_OPTION.test(argv[i - 1]?.value ?? '')) continue;
    // A computed word, a path or a file (`java -jar admin.jar purge-tenants`), or a word that runs the
    // project's own code: what follows is that code's business (production is judged without this).
    if (w.dynamic || /[/.]/.test(w.value) || HANDS_OVER.has(w.value)) return undefined;
    if (w.value.startsWith('-')) continue;
    // Which options take a value only the program knows: a word right after an option is taken for its
    // value (`mytool --mode delete`), so a subcommand is a word no option precedes.
    if (/^-[^=]+$/.test(argv[i - 1]?.value ?? '')) continue;
    seen++;
    if (saysItDestroys(w.value)) {
      const names = argv.slice(i + 1).filter((n) => !n.dynamic && !n.value.startsWith('-'));
      return { verb: w.value, names: names.map((n) => n.value) };
    }
  }
  return undefined;
}

/** Switches that, in most CLIs, say the production (live) account or stage. */
const PRODUCTION_SWITCH = /^--(prod|production|live)$/;

/** The values of those options (`-http-addr=https://consul.prod…`, `--server prod-db-1`), as weak hints. */
function placeOptions(argv: readonly Word[]): EnvironmentHint[] {
  return argv.flatMap((w, i): EnvironmentHint[] => {
    if (w.dynamic) return [];
    // `stripe customers delete cus_1 --live`, `mytool purge --prod`: a switch to the production account.
    if (PRODUCTION_SWITCH.test(w.value))
      return [{ source: `option ${w.value}`, value: 'production', weak: true }];
    const [name, inline] = w.value.split(/=(.*)/s, 2);
    if (!PLACE_OPTION.test(name!)) return [];
    const value = inline ?? (argv[i + 1]?.dynamic ? undefined : argv[i + 1]?.value);
    return value && !value.startsWith('-') ? [{ source: `option ${name}`, value, weak: true }] : [];
  });
}

/** The effect of an unrecognised program whose subcommand says it destroys; undefined otherwise. */
export function unrecognisedDestroyer(
  argv: readonly Word[],
  text: string,
  hints: readonly EnvironmentHint[],
): Effect | undefined {
  if (everydayTool(argv)) return undefined;
  const found = destroyingWord(argv);
  if (found === undefined) return undefined;
  const { verb, names } = found;
  const program = argv[0]?.value ?? text;
  // What it destroys is named (`eb terminate billing-prod`): a name may say where, weakly (never lowers).
  const named = names
    .slice(0, 8)
    .map((value): EnvironmentHint => ({ source: 'resource name', value, weak: true }));
  return {
    operation: 'delete',
    tool: program,
    target: text.length > 200 ? `${text.slice(0, 200)}…` : text,
    reversible: false,
    risk: 'medium',
    reason: `${program} is not recognised, and its subcommand \`${verb}\` says it destroys something; what and where cannot be verified`,
    hints: [...hints, ...placeOptions(argv), ...named],
  };
}
