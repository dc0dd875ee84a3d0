import type { Analyzer } from '../../analyzers/analyzer.js';
import { createChecker, type Checker, type LoadedParsers } from '../../app/checker.js';
import type { PolicyEvaluator } from '../../core/decide.js';
import { productionScoped, fuzzFacts, FUZZ_AGENT } from './shell-target.js';
import type { PlaceFacts } from './shell-grammar.js';
import { problemOfError } from './verdicts.js';

// Internal errors on purpose: the parser, an analyzer or the policy evaluator throws at the n-th call of
// one check. Whatever breaks, an input placed in production must come out deny (src/app/checker.ts's
// failClosed, src/core/decide.ts for policy errors), and nothing may come out allow.

/** Which call of one check throws: the n-th parse, analysis or policy evaluation. */
export interface Fault {
  where: 'parser' | 'analyzer' | 'policy';
  nth: number;
}

class InjectedFault extends Error {}

/** A checker whose parts throw where the fault says; `fired` tells whether it did. */
export function faultyChecker(
  parsers: LoadedParsers,
  evaluator: PolicyEvaluator,
): { checker: Checker; arm: (fault: Fault) => void; fired: () => boolean } {
  let armed: Fault | undefined;
  let calls = 0;
  let fired = false;
  const maybeFail = (where: Fault['where']) => {
    if (armed?.where !== where || ++calls !== armed.nth) return;
    fired = true;
    throw new InjectedFault(`injected ${where} fault`);
  };
  const analyzers = new Map<string, Analyzer[]>();
  for (const [name, list] of parsers.analyzers)
    analyzers.set(
      name,
      list.map((a) => ({ ...a, analyze: (inv) => (maybeFail('analyzer'), a.analyze(inv)) })),
    );
  const checker = createChecker({
    ...parsers,
    analyzers,
    parser: { parse: (text) => (maybeFail('parser'), parsers.parser.parse(text)) },
    evaluator: { evaluate: (request) => (maybeFail('policy'), evaluator.evaluate(request)) },
  });
  return {
    checker,
    arm: (fault) => ((armed = fault), (calls = 0), (fired = false)),
    fired: () => fired,
  };
}

export async function faultProblem(
  faulty: ReturnType<typeof faultyChecker>,
  command: string,
  place: PlaceFacts,
  fault: Fault,
): Promise<string | undefined> {
  faulty.arm(fault);
  let result;
  try {
    result = await faulty.checker.check(command, fuzzFacts(place), FUZZ_AGENT);
  } catch (error) {
    if (command.trim() === '') return undefined;
    return problemOfError(error);
  }
  if (!faulty.fired()) return undefined;
  const { outcome } = result.decision;
  if (outcome === 'allow') return `an injected ${fault.where} fault came out allow`;
  const decided = result.decision.perEffect.map((d) => d.effect);
  // A policy error asks the user when every effect decided lies outside production (decide.ts): `ls` with
  // AWS_PROFILE=prod reads this machine. Any other internal error denies (checker.ts's failClosed).
  const mayAsk = fault.where === 'policy' && decided.every((e) => e.environment === 'non-production');
  if (productionScoped(command, place) && outcome !== 'deny' && !mayAsk)
    return `an injected ${fault.where} fault in production came out ${outcome}`;
  return undefined;
}
