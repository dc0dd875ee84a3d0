import { builtinAnalyzers, analyzerRegistry } from '../analyzers/index.js';
import { LazySqlParser, mayContainSql } from '../analyzers/sql-parser.js';
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
  /** Synchronous check; parsers a command may need must already be loaded (see `check`). */
  checkShell(command: string, facts: ActionFacts, principal: Principal): ShellCheck;
  /** Loads whatever this command needs (the SQL parser, only when SQL may occur), then checks it. */
  check(command: string, facts: ActionFacts, principal: Principal): Promise<ShellCheck>;
}

export interface CheckerDeps {
  parser: ShellParser;
  evaluator: PolicyEvaluator;
  patterns?: EnvironmentPatterns;
  unknownAs?: 'unknown' | 'non-production';
}

export interface LoadedParsers {
  parser: ShellParser;
  sql: LazySqlParser;
  analyzers: ReturnType<typeof analyzerRegistry>;
}

/** Load the parsers once (the expensive part). The SQL parser loads now only when `eagerSql` is set. */
export async function loadParsers(options: { eagerSql?: boolean } = {}): Promise<LoadedParsers> {
  const sql = new LazySqlParser();
  const [parser] = await Promise.all([loadBashParser(), options.eagerSql ? sql.ensureLoaded() : undefined]);
  return { parser, sql, analyzers: analyzerRegistry(builtinAnalyzers({ sql })) };
}

export function createChecker(deps: CheckerDeps & LoadedParsers): Checker {
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
          ...(deps.unknownAs ? { unknownAs: deps.unknownAs } : {}),
        });
      } catch (error) {
        if (error instanceof InputError) throw error;
        return failClosed(action, error);
      }
      return { action, assessment, decision: decide(assessment, 'shell', principal, deps.evaluator) };
    },
    async check(command, facts, principal) {
      if (!deps.sql.isLoaded && mayContainSql(command)) await deps.sql.ensureLoaded();
      return this.checkShell(command, facts, principal);
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
