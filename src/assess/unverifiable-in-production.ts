import type { Analyzer } from '../analyzers/analyzer.js';
import type { Placement } from '../core/place.js';
import type { ActionFacts, Effect, EnvironmentHint } from '../core/types.js';
import type { Word } from '../shell/words.js';
import { environmentHints, environmentPlacement, placementVariables } from './environment-placement.js';
import { everydayTool } from './everyday-tools.js';
import { onlyLooks } from './only-looks.js';

// A program no analyzer recognises (`./deploy-tool --all`, `some-vendor-cli apply`, `go run ./cmd/x`)
// cannot be seen into. Outside production that stays as it was: nothing to say. While the environment
// holds production credentials or targets, or runs on a production host (`ssh prod-db ./cleanup.sh`), it
// acts there unseen, so it is unverifiable in production, never a silent allow. Everyday local development
// tools stay free.

/** One command nobody recognised, as the shell assessment found it. */
interface UnseenCommand {
  argv: readonly Word[];
  text: string;
  /** Hints the wrappers around it gave (an ssh host, a kube context). */
  hints: readonly EnvironmentHint[];
  /** Reads a variable as the command sees it: its own assignments first, then the environment's. */
  env: (name: string) => string | undefined;
  /** Runs on another machine (ssh, kubectl exec): placed by that machine, not by this one's variables. */
  remote?: boolean;
  /**
   * Variables not known to be harmless are set for it (`PATH=./evil:$PATH mytool status`): what runs is not
   * what its words say. Locale, colour and which account or cluster (`AWS_PROFILE`) do not count.
   */
  assigned?: boolean;
}

const variablesOf = new WeakMap<object, string[]>();

/** The placement variables of these analyzers, worked out once per registry. */
function variables(analyzers: ReadonlyMap<string, readonly Analyzer[]>): string[] {
  let found = variablesOf.get(analyzers);
  if (!found) variablesOf.set(analyzers, (found = placementVariables(analyzers.values())));
  return found;
}

/** The `execute-unverifiable` effect of this command when the environment it runs in is production. */
export function unverifiableInProduction(
  command: UnseenCommand,
  facts: ActionFacts,
  analyzers: ReadonlyMap<string, readonly Analyzer[]>,
  placement: Placement,
): Effect | undefined {
  // Building, installing or editing on a production host is a change to production, not everyday work;
  // looking is everyday work anywhere.
  if (onlyLooks(command.argv, command.assigned === true) || (!command.remote && everydayTool(command.argv)))
    return undefined;
  const hints = command.remote
    ? [...command.hints]
    : [...command.hints, ...environmentHints(facts, variables(analyzers), command.env)];
  const verdict = environmentPlacement(hints, placement);
  if (verdict.environment !== 'production') return undefined;
  const why = verdict.because.map((h) => `${h.source.replace(/^env /, '')}=${h.value}`).join(', ');
  const program = command.argv[0]?.value ?? command.text;
  return {
    operation: 'execute-unverifiable',
    tool: 'shell',
    target: command.text.length > 200 ? `${command.text.slice(0, 200)}…` : command.text,
    reversible: false,
    risk: 'high',
    reason: `${program} is not recognised and ${command.remote ? 'runs on a production machine' : 'the environment holds production credentials'} (${why}); what it does cannot be verified`,
    hints,
  };
}
