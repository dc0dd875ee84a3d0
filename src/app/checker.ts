import { builtinAnalyzers, analyzerRegistry } from '../analyzers/index.js';
import { loadSqlParser } from '../analyzers/sql-parser.js';
import { assessShell, InputError, type ShellAssessment } from '../core/assess.js';
import { decide, type DetailedDecision, type PolicyEvaluator, type Principal } from '../core/decide.js';
import { DEFAULT_ENVIRONMENT_PATTERNS, type EnvironmentPatterns } from '../core/environment.js';
import type { ActionFacts, CheckResult } from '../core/types.js';
import { loadBashParser } from '../shell/tree-sitter.js';
import type { ShellParser } from '../shell/syntax.js';

export interface ShellCheck extends CheckResult {
  assessment: ShellAssessment;
  decision: DetailedDecision;
}

export interface Checker {
  checkShell(command: string, facts: ActionFacts, principal: Principal): ShellCheck;
}

export interface CheckerDeps {
  parser: ShellParser;
  evaluator: PolicyEvaluator;
  patterns?: EnvironmentPatterns;
}

/** Load the parsers once (the expensive part), then check any number of actions with them. */
export async function loadParsers(): Promise<{
  parser: ShellParser;
  analyzers: ReturnType<typeof analyzerRegistry>;
}> {
  const [parser, sql] = await Promise.all([loadBashParser(), loadSqlParser()]);
  return { parser, analyzers: analyzerRegistry(builtinAnalyzers({ sql })) };
}

export function createChecker(
  deps: CheckerDeps & { analyzers: ReturnType<typeof analyzerRegistry> },
): Checker {
  const patterns = deps.patterns ?? DEFAULT_ENVIRONMENT_PATTERNS;
  return {
    checkShell(command, facts, principal) {
      const action = { kind: 'shell' as const, command };
      let assessment: ShellAssessment;
      try {
        assessment = assessShell(command, facts, {
          parser: deps.parser,
          analyzers: deps.analyzers,
          patterns,
        });
      } catch (error) {
        if (error instanceof InputError) throw error;
        return failClosed(action, error);
      }
      return { action, assessment, decision: decide(assessment, 'shell', principal, deps.evaluator) };
    },
  };
}

/** An internal error while assessing: we cannot say what the command does, so it does not run. */
function failClosed(action: { kind: 'shell'; command: string }, error: unknown): ShellCheck {
  const message = error instanceof Error ? error.message : String(error);
  const reason = `internal error while assessing the command (${message}); failing closed`;
  const effect = {
    operation: 'execute-unverifiable' as const,
    tool: 'interlock',
    target: action.command.slice(0, 200),
    reversible: false,
    risk: 'critical' as const,
    reason,
    environment: 'unknown' as const,
    environmentHints: [],
    destructive: true,
  };
  return {
    action,
    assessment: {
      risk: 'critical',
      destructive: true,
      environment: 'unknown',
      environmentHints: [],
      effects: [effect],
      reasons: [reason],
      commands: [],
    },
    decision: { outcome: 'deny', approvals: 0, reasons: [reason], policies: [], perEffect: [] },
  };
}
