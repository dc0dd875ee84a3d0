import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { PolicyEvaluator } from '../../core/decide.js';
import { checkParsedPlan } from '../../plans/check.js';
import { parsePlanText } from '../../plans/load.js';
import { hostileJsonText } from './hostile-json.js';
import { FUZZ_AGENT } from './shell-target.js';
import { isRefusal, problemOfError, sameJson, timed } from './verdicts.js';

// The plan readers under fuzzing: valid plans from test/fixtures/plans/, mutated (a value replaced by
// another of any JSON type, a key deleted, an array emptied or repeated, the text cut short or a byte
// changed). Every text must parse or be refused with an InputError that names what is wrong.

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/plans/', import.meta.url));

/** The fixture plans' JSON documents (Terraform, OpenTofu, CloudFormation). */
export function fixturePlans(): unknown[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as unknown);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, '', 'delete', ['delete', 'create'], {}, []),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Every path to a value inside a document. */
function paths(
  doc: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
  return out;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'repeat' };

/** The document with the value at `path` replaced, deleted, or (for an array) doubled. */
function mutate(doc: Json, path: (string | number)[], mutation: Mutation): Json {
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : doc;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (mutation.kind === 'delete') delete parent[last];
  else if (Array.isArray(parent[last])) parent[last] = [...parent[last], ...parent[last]];
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  anyJson.map((value) => ({ kind: 'replace' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'repeat' as const }),
);

/** Mutated plan texts: one to three structural mutations, then perhaps the text itself damaged. */
export function mutatedPlanText(plans: readonly unknown[]): fc.Arbitrary<string> {
  const structural = fc
    .tuple(
      fc.constantFrom(...(plans as Json[])),
      fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }),
    )
    .map(([plan, steps]) =>
      steps.reduce<Json>((doc, [n, m]) => {
        const all = paths(doc);
        return mutate(doc, all[n % all.length]!, m);
      }, plan),
    );
  const text = structural.map((doc) => JSON.stringify(doc));
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 2, arbitrary: hostileJsonText(structural) },
    fc.tuple(text, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
    fc.tuple(text, fc.nat(), fc.string({ unit: 'binary', maxLength: 3 })).map(([t, n, junk]) => {
      const at = n % (t.length + 1);
      return t.slice(0, at) + junk + t.slice(at + 1);
    }),
  );
}

/**
 * Parse a plan text: the plan, or an InputError with a message; nothing else, and in time. A plan that
 * parses is then assessed and decided as production's: what it destroys there is never allowed.
 */
export async function planProblem(
  text: string,
  evaluator: PolicyEvaluator,
  deadlineMs: number,
): Promise<string | undefined> {
  const once = () => {
    const plan = parsePlanText(text, 'plan.json');
    return checkParsedPlan(plan, { environment: 'production' }, FUZZ_AGENT, evaluator);
  };
  let first;
  try {
    first = await timed(once, deadlineMs);
  } catch (error) {
    return isRefusal(error) ? undefined : problemOfError(error);
  }
  const second = once();
  if (!sameJson(first, second)) return 'not a function of its input';
  const destroyed = first.assessment.effects.find((e) => e.destructive);
  if (destroyed && first.decision.outcome === 'allow')
    return `a production plan that ${destroyed.operation}s ${destroyed.target} was allowed`;
  return undefined;
}
