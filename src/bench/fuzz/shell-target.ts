import fc from 'fast-check';
import { builtinAnalyzers } from '../../analyzers/index.js';
import { LazySqlParser } from '../../analyzers/sql-parser.js';
import { evaluate } from '../../app/evaluate.js';
import type { Runtime } from '../../app/runtime.js';
import { InputError } from '../../core/errors.js';
import type { Principal } from '../../core/decide.js';
import type { ActionFacts } from '../../core/types.js';
import { mangled, shellCommand, type PlaceFacts } from './shell-grammar.js';
import { problemOfError, timed } from './verdicts.js';

// The shell front end under fuzzing: one input through evaluate (parse, peel, analyze, place, decide,
// digest), twice. Returns what is wrong with the answer, or undefined.

/** Every program some analyzer understands: the grammar's vocabulary. */
export function analyzerPrograms(): string[] {
  return [...new Set(builtinAnalyzers({ sql: new LazySqlParser() }).flatMap((a) => a.commands))];
}

export const FUZZ_AGENT: Principal = { type: 'Agent', id: 'fuzz', vendor: 'fuzz', actsFor: 'dev' };

/** A developer's project, where every path exists and any script the command runs holds `script`. */
export function fuzzFacts(place: PlaceFacts, script?: string): ActionFacts {
  return {
    cwd: '/home/dev/project',
    home: '/home/dev',
    env: place.env,
    pathExists: () => true,
    ...(place.kubeContext ? { kubeContext: place.kubeContext } : {}),
    ...(script === undefined ? {} : { readScript: () => ({ kind: 'text' as const, text: script }) }),
  };
}

/** The command itself names production (`--context production`, `-e prod`). */
const NAMES_PRODUCTION = /(?:^|[\s=/'"])prod(?:uction)?(?:$|[\s'"-])/;

/** Placed in production by its facts or its text: an internal error there must deny. */
export function productionScoped(command: string, place: PlaceFacts): boolean {
  return place.production || NAMES_PRODUCTION.test(command);
}

export async function shellProblem(
  rt: Runtime,
  command: string,
  place: PlaceFacts,
  options: { deadlineMs: number; script?: string },
): Promise<string | undefined> {
  const once = () => evaluate({ kind: 'shell', command }, fuzzFacts(place, options.script), FUZZ_AGENT, rt);
  let first;
  let second;
  try {
    first = await timed(once, options.deadlineMs);
    second = await timed(once, options.deadlineMs);
  } catch (error) {
    if (error instanceof InputError && command.trim() === '' && error.message) return undefined;
    return problemOfError(error);
  }
  const { outcome } = first.decision;
  if (outcome !== second.decision.outcome || first.binding.digest !== second.binding.digest)
    return `not a function of its input: ${outcome}/${first.binding.digest} then ${second.decision.outcome}/${second.binding.digest}`;
  const internal = first.decision.reasons.some((r) => r.includes('internal error'));
  if (internal && outcome !== 'deny' && productionScoped(command, place))
    return `an internal error in production came out ${outcome}: ${first.decision.reasons.join('; ')}`;
  const destroysProduction = first.assessment.effects.find(
    (e) => e.environment === 'production' && e.destructive,
  );
  if (destroysProduction && outcome === 'allow')
    return `a destructive effect in production was allowed: ${destroysProduction.operation} ${destroysProduction.target}`;
  return undefined;
}

/** `count` non-empty lines of the shell fuzzer's generator, the same for the same seed (the bench's fuzz mix). */
export function fuzzMixLines(count: number, seed: number): string[] {
  return fc
    .sample(mangled(shellCommand(analyzerPrograms())), { seed, numRuns: count })
    .filter((line) => line.trim() !== '');
}
