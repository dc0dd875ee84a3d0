// A plan check for people (a terminal summary readable in ten seconds, a pull-request comment in Markdown)
// and for programs (one JSON object). Never prints a value from the plan other than addresses, types,
// environment hints and the protection facts' booleans and numbers.

import type { Palette } from '../render/palette.js';
import type { PlacedEffect } from '../core/types.js';
import { riskRank, type Outcome, type Risk } from '../core/types.js';
import type { StatefulAtStake } from './blast.js';
import type { PlanCheck } from './check.js';
import type { ChangeAction } from './types.js';
import { effectJson } from '../core/effect-json.js';

const OUTCOME_LABEL: Record<Outcome, string> = {
  allow: 'ALLOW',
  ask: 'ASK',
  'require-approval': 'REQUIRE APPROVAL',
  deny: 'DENY',
};

const OUTCOME_ICON: Record<Outcome, string> = {
  allow: '✅',
  ask: '⚠️',
  'require-approval': '🛑',
  deny: '⛔',
};

const SEVERITY_ICON: Record<Risk, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '⚪',
  none: '⚪',
};

/** The order and words of the counts line, as Terraform says them. */
const COUNT_WORDS: [ChangeAction, string][] = [
  ['create', 'to create'],
  ['update', 'to update'],
  ['replace', 'to replace'],
  ['delete', 'to destroy'],
  ['forget', 'to forget'],
  ['import', 'to import'],
  ['read', 'to read'],
  ['unknown', 'undetermined'],
];

const ACTION_WORD: Record<ChangeAction, string> = {
  create: 'create',
  update: 'update',
  replace: 'replace',
  delete: 'destroy',
  forget: 'forget',
  import: 'import',
  read: 'read',
  'no-op': 'no-op',
  unknown: 'unknown',
};

const STATEFUL_SHOWN = 10;
const OTHERS_SHOWN = 5;
const FINDINGS_SHOWN = 8;
const WHY_SHOWN = 3;
const MARKDOWN_ROWS = 100;

function headline(check: PlanCheck): string {
  const d = check.decision;
  let text = OUTCOME_LABEL[d.outcome];
  if (d.outcome === 'require-approval')
    text += ` (${d.approvals} approver${d.approvals === 1 ? '' : 's'}${d.approverGroup ? ` from ${d.approverGroup}` : ''})`;
  return text;
}

function what(check: PlanCheck): string {
  const plan = check.assessment.plan;
  if (plan.format === 'cloudformation')
    return `CloudFormation change set${plan.name ? ` for stack ${plan.name}` : ''}`;
  const tool = plan.tool === 'tofu' ? 'OpenTofu' : 'Terraform';
  return `${tool} plan${plan.toolVersion ? ` (${plan.toolVersion})` : ''}`;
}

function countsLine(check: PlanCheck): string {
  const { counts } = check.assessment.blast;
  const parts = COUNT_WORDS.filter(([a]) => counts[a] > 0).map(([a, w]) => `${counts[a]} ${w}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

function shareLine(check: PlanCheck): string | undefined {
  const { existing, destroyed, fraction } = check.assessment.blast;
  if (existing === undefined || fraction === undefined) return undefined;
  return `${destroyed} of ${existing} existing resources destroyed or replaced (${Math.round(fraction * 100)}%)`;
}

/** What protects a resource that holds data, as the plan shows it: "none shown" when it shows nothing. */
function protectionText(s: StatefulAtStake): string {
  const notes = s.protections.length ? s.protections.map((p) => p.note) : ['none shown'];
  if (s.conditional) notes.unshift('may be replaced');
  if (s.guessed) notes.push('category guessed from the type name');
  return notes.join('; ');
}

function where(check: PlanCheck): string {
  const hints = check.assessment.environmentHints;
  return hints.length ? hints.map((h) => `${h.source}=${h.value}`).join(', ') : 'no hint found';
}

/** The environment after the word "environment": "production", "unknown (treated as production)". */
function environmentWord(check: PlanCheck): string {
  const env = check.assessment.environment;
  return env === 'unknown' ? 'unknown (treated as production)' : env;
}

function notes(check: PlanCheck): string[] {
  const plan = check.assessment.plan;
  const out = [...plan.notes];
  const { counts } = check.assessment.blast;
  if (plan.format === 'terraform' && counts.delete + counts.replace > 0) {
    out.push(
      'prevent_destroy is not recorded in plan JSON; Terraform refuses to plan destroying a resource that has it, so none of these destroys is guarded by it',
    );
  }
  if (check.convertedBy) out.push(`read from a binary plan with \`${check.convertedBy} show -json\``);
  return out;
}

/** The summary for a terminal: verdict, counts, what holds data, the worst findings first, and why. */
export function renderPlanText(check: PlanCheck, p: Palette): string {
  const { assessment, decision } = check;
  const colour = decision.outcome === 'allow' ? p.green : decision.outcome === 'ask' ? p.yellow : p.red;
  const risk = assessment.risk;
  const riskColour = risk === 'critical' || risk === 'high' ? p.red : risk === 'medium' ? p.yellow : p.dim;
  const lines = [
    // "production", "non-production", or "environment unknown (treated as production)".
    `${p.bold(colour(headline(check)))}  ${what(check)}, ${assessment.environment === 'unknown' ? 'environment ' : ''}${environmentWord(check)}, risk ${riskColour(risk)}`,
  ];
  const share = shareLine(check);
  lines.push(`  ${countsLine(check)}${share ? `; ${share}` : ''}`);

  const { stateful, findings } = assessment.blast;
  if (findings.length) {
    lines.push(p.bold('  findings (worst first):'));
    for (const f of findings.slice(0, FINDINGS_SHOWN)) {
      const c =
        f.severity === 'critical' || f.severity === 'high'
          ? p.red
          : f.severity === 'medium'
            ? p.yellow
            : p.dim;
      lines.push(`    ${c(f.severity.padEnd(8))} ${f.id}: ${f.message}`);
    }
    if (findings.length > FINDINGS_SHOWN)
      lines.push(p.dim(`    …and ${findings.length - FINDINGS_SHOWN} more`));
  }
  if (stateful.length) {
    lines.push(p.bold(`  data at stake (${stateful.length}):`));
    for (const s of stateful.slice(0, STATEFUL_SHOWN)) {
      const extra = protectionText(s);
      lines.push(
        `    ${p.red(ACTION_WORD[s.action].padEnd(8))} ${s.category.padEnd(13)} ${s.address}${extra ? p.dim(`  ${extra}`) : ''}`,
      );
    }
    if (stateful.length > STATEFUL_SHOWN)
      lines.push(p.dim(`    …and ${stateful.length - STATEFUL_SHOWN} more`));
  }
  const others = assessment.effects.filter((e) => e.destructive && !statefulTargets(check).has(e.target));
  if (others.length) {
    lines.push(p.bold(`  other destructive changes (${others.length}):`));
    for (const e of worstFirst(others).slice(0, OTHERS_SHOWN)) {
      const why = shortReason(e);
      lines.push(`    ${p.yellow(e.operation.padEnd(8))} ${e.target}${why ? p.dim(`  ${why}`) : ''}`);
    }
    if (others.length > OTHERS_SHOWN) lines.push(p.dim(`    …and ${others.length - OTHERS_SHOWN} more`));
  }
  lines.push(p.dim(`  environment from: ${where(check)}`));
  for (const n of notes(check)) lines.push(p.dim(`  note: ${n}`));
  if (decision.outcome !== 'allow') {
    for (const g of whyGroups(check).slice(0, WHY_SHOWN)) {
      const targets = g.targets.slice(0, 3).join(', ');
      const more = g.targets.length > 3 ? ` and ${g.targets.length - 3} more` : '';
      lines.push(
        `  ${p.bold('why:')} ${g.reason} (${plural(g.targets.length, 'change')}: ${targets}${more})`,
      );
    }
  }
  lines.push(p.dim(`  plan sha256 ${check.sha256}`));
  return `${lines.join('\n')}\n`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function statefulTargets(check: PlanCheck): Set<string> {
  return new Set(check.assessment.blast.stateful.map((s) => s.address));
}

function worstFirst(effects: readonly PlacedEffect[]): PlacedEffect[] {
  return [...effects].sort((a, b) => riskRank(b.risk) - riskRank(a.risk));
}

/**
 * The effect's reason without the leading "destroys <address>": the line already names both. A reason
 * that does not name the target (what an errored plan does not show) is said whole.
 */
function shortReason(e: PlacedEffect): string {
  if (!e.reason.includes(e.target)) return e.reason;
  const open = e.reason.indexOf(' (');
  return open >= 0 && e.reason.endsWith(')') ? e.reason.slice(open + 2, -1) : '';
}

/** The decision's reasons grouped by policy message, each with the changes it applies to. */
function whyGroups(check: PlanCheck): { reason: string; targets: string[] }[] {
  const { decision } = check;
  const groups = new Map<string, string[]>();
  for (const d of decision.perEffect) {
    if (d.outcome !== decision.outcome) continue;
    const key = d.reasons.join('; ');
    const list = groups.get(key) ?? [];
    list.push(d.effect.target);
    groups.set(key, list);
  }
  if (groups.size === 0) return decision.reasons.map((reason) => ({ reason, targets: [] }));
  return [...groups].map(([reason, targets]) => ({ reason, targets }));
}

/** Markdown text safe inside a table cell or a line: no pipes, no HTML, no new lines. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function code(text: string): string {
  // In a table a code span still ends a cell at "|"; there is no escape inside code spans for backticks.
  return `\`${text
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')}\``;
}

/** A pull-request comment: verdict, counts, data at stake, findings, and the destructive changes folded. */
export function renderPlanMarkdown(check: PlanCheck): string {
  const { assessment, decision } = check;
  const out: string[] = [];
  out.push(`### ${OUTCOME_ICON[decision.outcome]} Interlock: ${headline(check)}`);
  out.push('');
  out.push(
    `**${md(what(check))}** · environment **${md(environmentWord(check))}** · risk **${assessment.risk}**  `,
  );
  out.push(`${md(countsLine(check))}${shareLine(check) ? ` · ${md(shareLine(check) ?? '')}` : ''}`);
  out.push('');
  const { stateful, findings } = assessment.blast;
  if (findings.length) {
    out.push('#### Findings');
    for (const f of findings)
      out.push(`- ${SEVERITY_ICON[f.severity]} **${f.severity}** \`${f.id}\`: ${md(f.message)}`);
    out.push('');
  }
  if (stateful.length) {
    out.push(`#### Resources that hold data (${stateful.length})`);
    out.push('| action | category | resource | protection |');
    out.push('|---|---|---|---|');
    for (const s of stateful.slice(0, MARKDOWN_ROWS))
      out.push(
        `| ${ACTION_WORD[s.action]} | ${s.category} | ${code(s.address)} | ${md(protectionText(s))} |`,
      );
    if (stateful.length > MARKDOWN_ROWS) out.push(`| | | …and ${stateful.length - MARKDOWN_ROWS} more | |`);
    out.push('');
  }
  const destructive = assessment.effects.filter((e) => e.destructive);
  if (destructive.length) {
    out.push(
      `<details><summary>${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}</summary>`,
    );
    out.push('');
    out.push('| risk | operation | resource | environment | why |');
    out.push('|---|---|---|---|---|');
    for (const e of destructive.slice(0, MARKDOWN_ROWS)) out.push(effectRow(e));
    if (destructive.length > MARKDOWN_ROWS)
      out.push(`| | | …and ${destructive.length - MARKDOWN_ROWS} more | | |`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  if (decision.outcome !== 'allow') {
    for (const g of whyGroups(check).slice(0, WHY_SHOWN)) {
      const n = g.targets.length;
      out.push(`**Why:** ${md(g.reason)}${n ? ` (${plural(n, 'change')})` : ''}  `);
    }
    out.push('');
  }
  const footer = [`environment from: ${where(check)}`, ...notes(check), `plan sha256 \`${check.sha256}\``];
  for (const line of footer) out.push(`<sub>${line.startsWith('plan sha256') ? line : md(line)}</sub>  `);
  return `${out.join('\n')}\n`;
}

function effectRow(e: PlacedEffect): string {
  return `| ${e.risk} | ${e.operation} | ${code(e.target)} | ${e.environment} | ${md(e.reason)} |`;
}

/** The one JSON object of `--json`. */
export function planJson(check: PlanCheck): object {
  const { assessment, decision } = check;
  const plan = assessment.plan;
  return {
    action: {
      kind: assessment.kind,
      file: check.file,
      sha256: check.sha256,
      format: plan.format,
      tool: plan.tool,
      ...(plan.toolVersion ? { toolVersion: plan.toolVersion } : {}),
      ...(plan.formatVersion ? { formatVersion: plan.formatVersion } : {}),
      ...(plan.name ? { stack: plan.name } : {}),
      ...(check.convertedBy ? { convertedBy: check.convertedBy } : {}),
    },
    assessment: {
      risk: assessment.risk,
      destructive: assessment.destructive,
      environment: assessment.environment,
      environmentHints: assessment.environmentHints,
      blastRadius: {
        counts: assessment.blast.counts,
        ...(assessment.blast.existing !== undefined ? { existing: assessment.blast.existing } : {}),
        destroyed: assessment.blast.destroyed,
        ...(assessment.blast.fraction !== undefined ? { fraction: assessment.blast.fraction } : {}),
        statefulCount: assessment.blast.statefulCount,
        stateful: assessment.blast.stateful,
        deferred: assessment.blast.deferred,
      },
      findings: assessment.blast.findings,
      effects: assessment.effects.map(effectJson),
      reasons: assessment.reasons,
      notes: notes(check),
    },
    decision: {
      outcome: decision.outcome,
      approvals: decision.approvals,
      ...(decision.approverGroup ? { approverGroup: decision.approverGroup } : {}),
      reasons: decision.reasons,
      policies: decision.policies.map((p) => p.id),
    },
  };
}
