import { basename } from 'node:path';
import type { Evaluation } from '../../app/evaluate.js';
import type { ShellParser } from '../../shell/syntax.js';
import { literalArgv } from '../broker/argv.js';
import { brokeredAssessmentEnv, brokeredProgram, coveredKinds } from '../broker/kinds.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import { clip, type HookAdapter, type HookVerdict } from './types.js';

// A production change the broker can run goes through `interlock run`, where it is decided again and runs
// with the broker's credentials. Agents that can rewrite a tool call (Claude Code's updatedInput) get the
// command rewritten; the others are told the exact command to use. The hook itself does not ask the
// approval server about such a command: a grant is used once, and it must be left for the broker to use.

export interface BrokerRoute {
  /** The command as the broker will assess and record it (its words quoted the way `interlock run` joins them). */
  command: string;
  /** What the agent runs instead. */
  rewritten: string;
  /** The environment the broker assesses it with (the agent's, without what chooses a login). */
  env: Record<string, string>;
}

/** The agent's words, without a leading `interlock run --` of any path: a bare `interlock` may be the agent's own. */
function brokeredWords(argv: readonly string[]): readonly string[] {
  const typedRun = basename(argv[0]!) === 'interlock' && argv[1] === 'run' && argv[2] === '--';
  return typedRun ? argv.slice(3) : argv;
}

/**
 * A plain command whose program the broker covers on this machine; undefined for anything else. `cli` is this
 * installation's CLI (`[node, main.js]`, see own-cli.ts): the rewritten command names it by absolute path.
 */
export function brokerRouteOf(
  line: string,
  env: Readonly<Record<string, string | undefined>>,
  parser: ShellParser,
  cli: readonly string[],
): BrokerRoute | undefined {
  const typed = literalArgv(line, parser);
  const argv = typed && brokeredWords(typed);
  const program = argv && brokeredProgram(argv);
  if (!argv || !program || !coveredKinds(env).has(program.kind)) return undefined;
  const command = quoteArgv(argv);
  return {
    command,
    rewritten: `${quoteArgv([...cli, 'run', '--'])} ${command}`,
    env: brokeredAssessmentEnv(program, env),
  };
}

/** This installation's `interlock run -- <a command the broker covers>`: the broker decides it, so the hook has nothing to add. */
export function isBrokerInvocation(
  line: string,
  env: Readonly<Record<string, string | undefined>>,
  parser: ShellParser,
  cli: readonly string[],
): boolean {
  const argv = literalArgv(line, parser);
  const prefix = [...cli, 'run', '--'];
  if (!argv || argv.length <= prefix.length || prefix.some((word, i) => argv[i] !== word)) return false;
  return brokerRouteOf(quoteArgv(argv.slice(prefix.length)), env, parser, cli) !== undefined;
}

/** Routed when it changes production (or somewhere unknown) and policy would let it run, now or once approved. */
export function routesToBroker(evaluation: Evaluation): boolean {
  const { environment, destructive, effects } = evaluation.assessment;
  const production =
    environment !== 'non-production' && (destructive || effects.some((e) => e.operation !== 'read'));
  const outcome = evaluation.decision.outcome;
  return production && (outcome === 'allow' || outcome === 'require-approval');
}

/** The answer for a routed command: rewritten where the agent can, else a deny naming the command to run. */
export function brokerVerdict(adapter: HookAdapter, route: BrokerRoute, evaluation: Evaluation): HookVerdict {
  const decided = evaluation.decision.outcome;
  const approval =
    decided === 'require-approval'
      ? ' It needs approval first: the first run asks for it and runs nothing (its message names the request); once approved, the same command runs once.'
      : '';
  if (adapter.canRewrite)
    return {
      outcome: 'allow',
      decided,
      updatedCommand: route.rewritten,
      userMessage: clip(
        `Interlock sends this production command through its broker, which decides it again and runs it with the broker's credentials: ${route.rewritten}.${approval}`,
      ),
      agentMessage: clip(`Interlock runs this through its broker: ${route.rewritten}.${approval}`),
    };
  return {
    outcome: 'deny',
    decided,
    userMessage: clip(
      `Interlock: this production command runs only through its broker, with the broker's credentials. The agent was told to run: ${route.rewritten}`,
    ),
    agentMessage: clip(
      `Interlock: this production command must run through Interlock's broker, not with your own credentials. Run exactly this command instead: ${route.rewritten}${approval} Do not change the command in any other way.`,
    ),
  };
}
