import type { analyzerRegistry } from '../analyzers/index.js';
import {
  LazySqlParser,
  mayContainSql,
  SqlParserNotLoadedError,
  type SqlParser,
} from '../analyzers/sql-parser.js';
import { dirname } from 'node:path';
import type { assessShell, ShellAssessment } from '../assess/shell.js';
import { InputError } from '../core/errors.js';
import { summarize } from '../core/summarize.js';
import { decide, type DetailedDecision, type PolicyEvaluator, type Principal } from '../core/decide.js';
import { DEFAULT_PLACEMENT, type Placement } from '../core/place.js';
import type { ActionFacts, CheckResult, PlacedEffect, ShellAction } from '../core/types.js';
import { loadBashParser } from '../shell/tree-sitter.js';
import { recordingFacts, type AssessmentMemo } from './assessment-memo.js';
import type { ShellParser } from '../shell/syntax.js';
import type { PlanAssessment } from '../plans/assess.js';

/** A saved plan that `terraform apply PLANFILE` would carry out. */
export interface SavedPlan {
  path: string;
  sha256?: string;
  kind: string;
}

export interface ShellCheck extends CheckResult {
  action: ShellAction;
  assessment: ShellAssessment;
  decision: DetailedDecision;
  /** Saved plans an apply would carry out, with the hash any approval is bound to. */
  plans?: SavedPlan[];
}

export interface Checker {
  /** Synchronous check; parsers a command may need must already be loaded (see `check`). */
  checkShell(command: string, facts: ActionFacts, principal: Principal): ShellCheck;
  /** Loads whatever this command needs (the SQL parser, only when SQL may occur), then checks it. */
  check(command: string, facts: ActionFacts, principal: Principal): Promise<ShellCheck>;
  /** The SQL parser, loaded (SQL found elsewhere than in a command: an MCP tool's arguments). */
  sqlParser(): Promise<SqlParser>;
}

export interface CheckerDeps {
  parser: ShellParser;
  evaluator: PolicyEvaluator;
  placement?: Placement;
  /** Assessments remembered from earlier processes (one-shot commands; see assessment-memo.ts). */
  memo?: AssessmentMemo;
}

export interface LoadedParsers {
  parser: ShellParser;
  sql: LazySqlParser;
  analyzers: ReturnType<typeof analyzerRegistry>;
  /** assess/shell.ts's assessShell: loaded with the analyzers, whose modules run only when needed. */
  assessShell: typeof assessShell;
  /** Set when the shell parser loads on first need (`lazyShell`): `check` awaits it before assessing. */
  ensureShell?: () => Promise<void>;
}

type Assessor = Pick<LoadedParsers, 'parser' | 'analyzers' | 'assessShell'>;

/** The shell parser, the analyzers and the assessor: loading them is most of what a first check costs. */
async function loadAssessor(sql: LazySqlParser): Promise<Assessor> {
  const [parser, { builtinAnalyzers, analyzerRegistry }, { assessShell }] = await Promise.all([
    loadBashParser(),
    import('../analyzers/index.js'),
    import('../assess/shell.js'),
  ]);
  return { parser, analyzers: analyzerRegistry(builtinAnalyzers({ sql })), assessShell };
}

/**
 * Load the parsers once (the expensive part). The SQL parser loads now only when `eagerSql` is set; the
 * shell parser and the analyzers, with `lazyShell`, only when `check` has a command to assess that no memo
 * answered.
 */
export async function loadParsers(
  options: { eagerSql?: boolean; lazyShell?: boolean } = {},
): Promise<LoadedParsers> {
  const sql = new LazySqlParser();
  const [assessor] = await Promise.all([
    options.lazyShell ? lazyAssessor(sql) : loadAssessor(sql),
    options.eagerSql ? sql.ensureLoaded() : undefined,
  ]);
  return { sql, ...assessor };
}

/**
 * An assessor that loads when `ensureShell` is awaited. Until then it has no analyzers, and parsing or
 * assessing fails (closed: an internal error).
 */
function lazyAssessor(sql: LazySqlParser): Assessor & { ensureShell: () => Promise<void> } {
  let loaded: Assessor | undefined;
  let loading: Promise<Assessor> | undefined;
  const ready = (): Assessor => {
    if (!loaded) throw new Error('the shell parser is not loaded');
    return loaded;
  };
  return {
    parser: { parse: (text) => ready().parser.parse(text) },
    analyzers: new Map(),
    assessShell: (command, facts, options) => {
      const { parser, analyzers, assessShell } = ready();
      return assessShell(command, facts, { ...options, parser, analyzers });
    },
    async ensureShell() {
      loaded ??= await (loading ??= loadAssessor(sql));
    },
  };
}

export function createChecker(deps: CheckerDeps & LoadedParsers): Checker {
  const placement = deps.placement ?? DEFAULT_PLACEMENT;
  /** The assessment, or the internal error that kept it from being made (bad input is thrown). */
  const assess = (command: string, facts: ActionFacts): ShellAssessment | Error => {
    try {
      return deps.assessShell(command, facts, { parser: deps.parser, analyzers: deps.analyzers, placement });
    } catch (error) {
      if (error instanceof InputError) throw error;
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  /** Load what the command needs (the shell parser, the SQL parser when SQL may occur), assess, remember. */
  const assessNow = async (command: string, facts: ActionFacts): Promise<ShellAssessment | Error> => {
    await deps.ensureShell?.();
    if (!deps.sql.isLoaded && mayContainSql(command)) await deps.sql.ensureLoaded();
    const recording = deps.memo ? recordingFacts(facts) : undefined;
    const seen = recording?.facts ?? facts;
    let assessed = assess(command, seen);
    // A script or a task the command runs may hold SQL its text does not show: load the parser, again.
    if (assessed instanceof SqlParserNotLoadedError) {
      await deps.sql.ensureLoaded();
      assessed = assess(command, seen);
    }
    // Internal errors are never remembered: the next process tries again.
    if (recording && !(assessed instanceof Error))
      deps.memo?.remember(command, facts, recording.reads(), assessed);
    return assessed;
  };
  const conclude = (command: string, assessed: ShellAssessment | Error, principal: Principal): ShellCheck => {
    const action = { kind: 'shell' as const, command };
    if (assessed instanceof Error) return failClosed(action, assessed);
    return { action, assessment: assessed, decision: decide(assessed, 'shell', principal, deps.evaluator) };
  };
  return {
    checkShell(command, facts, principal) {
      return conclude(command, assess(command, facts), principal);
    },
    async check(command, facts, principal) {
      const assessed = deps.memo?.recall(command, facts) ?? (await assessNow(command, facts));
      const result = conclude(command, assessed, principal);
      if (!result.assessment.effects.some((e) => e.category === 'planned-apply')) return result;
      return withSavedPlans(result, facts, principal, deps.evaluator, placement);
    },
    async sqlParser() {
      await deps.sql.ensureLoaded();
      return deps.sql;
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
      readOnly: false,
      commands: [],
      inputs: { paths: [], patterns: [] },
    },
    decision: { outcome: 'deny', approvals: 0, reasons: [reason], policies: [], perEffect: [] },
  };
}

/**
 * `terraform apply tfplan`: the command says little, the plan says everything. Each saved plan is read
 * (converted with `terraform show -json` when binary) and its resource changes replace the apply's effect;
 * the decision is then taken on those, with the plan's stateful count. An unreadable plan becomes an
 * unverifiable effect (denied in production by the baseline), never a pass.
 */
async function withSavedPlans(
  result: ShellCheck,
  facts: ActionFacts,
  principal: Principal,
  evaluator: PolicyEvaluator,
  placement: Placement,
): Promise<ShellCheck> {
  const { assessPlanApply } = await import('./plan-apply.js');
  const { planEvaluator, planFloor } = await import('../plans/decide.js');
  const assessed: PlanAssessment[] = [];
  const effects: PlacedEffect[] = [];
  const plans: NonNullable<ShellCheck['plans']> = [];
  let statefulCount = 0;
  for (const effect of result.assessment.effects) {
    if (effect.category !== 'planned-apply') {
      effects.push(effect);
      continue;
    }
    const plan = await assessPlanApply({
      cwd: dirname(effect.target),
      planPath: effect.target,
      facts,
      tool: effect.tool === 'tofu' ? 'tofu' : 'terraform',
      placement,
    });
    effects.push(...plan.effects);
    statefulCount += plan.statefulCount;
    plans.push({ path: plan.planPath, kind: plan.kind, ...(plan.sha256 ? { sha256: plan.sha256 } : {}) });
    if (plan.assessment) assessed.push(plan.assessment);
  }
  const assessment = {
    // The plans' effects join the command's: read-only only if the command was known to be, too.
    ...summarize(effects, undefined, result.assessment.readOnly),
    commands: result.assessment.commands,
    inputs: result.assessment.inputs,
  };
  let decision = decide(assessment, 'terraform-plan', principal, planEvaluator(evaluator), { statefulCount });
  // A plan that does not show all it does (errored, incomplete) is never allowed, whatever the policies say.
  for (const plan of assessed) decision = planFloor(decision, plan);
  return { ...result, assessment, decision, plans };
}
