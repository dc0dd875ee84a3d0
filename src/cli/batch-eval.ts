import { onceFacts } from '../adapters/once-facts.js';
import { evaluate, type Evaluation, type PipelineRuntime } from '../app/evaluate.js';
import type { Principal } from '../core/decide.js';
import { InputError } from '../core/errors.js';
import type { ActionFacts } from '../core/types.js';
import { batchFacts } from './batch-facts.js';
import type { BatchLine } from './batch-line.js';

// Evaluating batch lines (assess, place, decide), the same on the main thread and in a worker thread:
// what goes in and comes out is plain data, so it can cross between them.

/** A line to evaluate, with who proposes it. */
export interface LineWork {
  line: BatchLine;
  principal: Principal;
}

/** Where a line was evaluated, as the audit log records it: its facts without their file readers. */
type LineWhere = Omit<
  ActionFacts,
  'env' | 'pathExists' | 'files' | 'readScript' | 'readPlan' | 'listArchive'
>;

/** A line's evaluation, or its error (`input`: bad input, answered on its line; else an internal error). */
export type LineResult = { evaluation: Evaluation; where: LineWhere } | { error: string; input: boolean };

/** Evaluates lines group by group; lines of one group are evaluated as of one moment (once-facts.ts). */
export type GroupEvaluator = (group: number, work: readonly LineWork[]) => Promise<LineResult[]>;

function whereOf(facts: ActionFacts): LineWhere {
  const { cwd, realCwd, home, host, terraformWorkspace, kubeContext } = facts;
  return {
    cwd,
    home,
    ...(realCwd !== undefined ? { realCwd } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(terraformWorkspace !== undefined ? { terraformWorkspace } : {}),
    ...(kubeContext !== undefined ? { kubeContext } : {}),
  };
}

/** What besides its command makes a line's evaluation: its cwd, its variables, who proposes it. */
const restOf = (w: LineWork) => JSON.stringify([w.line.cwd, w.line.env, w.principal]);

export function groupEvaluator(
  cwd: string | undefined,
  env: Readonly<Record<string, string>>,
  rt: PipelineRuntime,
): GroupEvaluator {
  const facts = batchFacts(cwd, env);
  let current = -1;
  let once = new Map<ActionFacts, ActionFacts>();
  const evaluateOne = async ({ line, principal }: LineWork): Promise<LineResult> => {
    const base = facts.factsOf(line);
    let seen = once.get(base);
    if (!seen) once.set(base, (seen = onceFacts(base)));
    try {
      const evaluation = await evaluate({ kind: 'shell', command: line.command }, seen, principal, rt);
      return { evaluation, where: whereOf(base) };
    } catch (error) {
      return {
        error: error instanceof Error ? error.message : String(error),
        input: error instanceof InputError,
      };
    }
  };
  // Within a group the same line gets the same answers from its facts, so its evaluation is the same:
  // it is made once. Not one with a saved plan, which is read again for each line (once-facts.ts).
  // Looked up by command first: a line whose command is new to the group (most lines) costs no key; the
  // lines of a command seen before are then told apart by the rest, each line's key made once.
  type Seen = { item: LineWork; result: LineResult } | Map<string, LineResult>;
  let same = new Map<string, Seen>();
  const evaluateSame = async (item: LineWork): Promise<LineResult> => {
    const seen = same.get(item.line.command);
    const rest = seen && restOf(item);
    let byRest: Map<string, LineResult> | undefined;
    if (seen) {
      byRest = seen instanceof Map ? seen : new Map([[restOf(seen.item), seen.result]]);
      same.set(item.line.command, byRest);
      const known = byRest.get(rest!);
      if (known) return known;
    }
    const result = await evaluateOne(item);
    if ('evaluation' in result && !('plans' in result.evaluation)) {
      if (byRest) byRest.set(rest!, result);
      else same.set(item.line.command, { item, result });
    }
    return result;
  };
  return async (group, work) => {
    if (group !== current) [current, once, same] = [group, new Map(), new Map()];
    const results: LineResult[] = [];
    for (const item of work) results.push(await evaluateSame(item));
    return results;
  };
}
