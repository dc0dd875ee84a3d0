import { visible } from '../core/text.js';
import type { EffectView, RequestView } from './api.js';

// How a request reads for the people who approve it: what will happen, where, and how much. Almost all of
// it comes from the agent's side, so it is shown through `forPeople` first: no control character, escape
// sequence or bidi override in it reaches a terminal or a Slack message as anything but a visible escape.

function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleStrings(v)])) as T;
  return value;
}

/**
 * The request with every string made visible (see src/core/text.ts); only the command keeps its line
 * breaks, where they mean something.
 */
export function forPeople(request: RequestView): RequestView {
  const shown = visibleStrings(request);
  if (request.action.command !== undefined)
    shown.action.command = visible(request.action.command, { newlines: true });
  return shown;
}

export interface BlastRadius {
  effects: number;
  destructive: number;
  irreversible: number;
  environments: string[];
  tools: string[];
  categories: string[];
}

export function blastRadius(request: RequestView): BlastRadius {
  const effects = request.assessment.effects;
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    effects: effects.length,
    destructive: effects.filter(
      (e) => e.destructive ?? (e.operation !== 'read' && e.risk !== 'none' && e.risk !== 'low'),
    ).length,
    irreversible: effects.filter((e) => !e.reversible && e.operation !== 'read').length,
    environments: uniq(effects.map((e) => e.environment)),
    tools: uniq(effects.map((e) => e.tool)),
    categories: uniq(effects.map((e) => e.category)),
  };
}

const VERB: Record<EffectView['operation'], string> = {
  read: 'read',
  create: 'create',
  modify: 'modify',
  delete: 'DELETE',
  replace: 'REPLACE',
  'execute-unverifiable': 'RUN UNVERIFIABLE CODE',
};

function describeEffect(e: EffectView): string {
  const where = e.environment === 'unknown' ? 'unrecognised environment' : e.environment;
  return `${VERB[e.operation]} ${e.target || '(no target)'} — ${e.tool}, ${where}, risk ${e.risk}${e.reversible ? '' : ', irreversible'}`;
}

/** One line for the action: the command, or the plan file, or the adapter's summary. */
export function actionLine(request: RequestView): string {
  const a = request.action;
  if (a.command !== undefined) return a.command;
  if (a.file) return `${a.kind} ${a.file}${a.sha256 ? ` (sha256 ${a.sha256.slice(0, 12)}…)` : ''}`;
  return a.summary ?? a.kind;
}

export function requesterLine(request: RequestView): string {
  const r = request.requester;
  return `${r.kind} ${r.name}${r.actsFor ? ` for ${r.actsFor}` : ''}`;
}

export function approversNeeded(request: RequestView): string {
  const n = request.approvalsRequired;
  return `${n} approval${n === 1 ? '' : 's'}${request.approverGroup ? ` from ${request.approverGroup}` : ''}`;
}

function ago(ms: number, now: number): string {
  const s = Math.round((now - ms) / 1000);
  const abs = Math.abs(s);
  const text = abs < 90 ? `${abs}s` : abs < 5400 ? `${Math.round(abs / 60)}m` : `${Math.round(abs / 3600)}h`;
  return s >= 0 ? `${text} ago` : `in ${text}`;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The full view for `interlock approvals show`: who, what, where, how much, which policy, and the votes. */
export function renderRequest(original: RequestView, now = Date.now()): string {
  const request = forPeople(original);
  const radius = blastRadius(request);
  const lines = [
    `${request.id}  ${request.state.toUpperCase()}  — needs ${approversNeeded(request)}, ${request.approvals.length} given`,
    `  requested by ${requesterLine(request)}, ${ago(request.createdAt, now)} (${iso(request.createdAt)})`,
  ];
  if (request.state === 'pending' || request.state === 'approved')
    lines.push(`  expires ${ago(request.expiresAt, now)} (${iso(request.expiresAt)})`);
  // A multi-line command stays indented under "Action:": its lines cannot pose as the sections below.
  lines.push('', '  Action:', `    ${actionLine(request).replace(/\n/g, '\n    ')}`);
  const a = request.action;
  const facts = [
    a.cwd ? `cwd ${a.cwd}` : '',
    a.host ? `host ${a.host}` : '',
    a.kubeContext ? `kube context ${a.kubeContext}` : '',
    a.terraformWorkspace ? `terraform workspace ${a.terraformWorkspace}` : '',
  ].filter(Boolean);
  if (facts.length) lines.push(`    ${facts.join(', ')}`);
  lines.push('', '  What will happen:');
  const shown = request.assessment.effects.filter((e) => e.risk !== 'none' || e.operation !== 'read');
  if (!shown.length) lines.push('    nothing destructive was found');
  for (const e of shown.slice(0, 30)) lines.push(`    - ${describeEffect(e)}`, `      ${e.reason}`);
  if (shown.length > 30) lines.push(`    … and ${shown.length - 30} more`);
  lines.push(
    '',
    `  Environment: ${request.assessment.environment}${request.assessment.environmentHints.length ? ` (from ${request.assessment.environmentHints.map((h) => `${h.source}=${h.value.slice(0, 80)}`).join(', ')})` : ''}`,
    `  Blast radius: ${radius.effects} effect${radius.effects === 1 ? '' : 's'}, ${radius.destructive} destructive, ${radius.irreversible} irreversible; risk ${request.assessment.risk}; environments ${radius.environments.join(', ') || '—'}; tools ${radius.tools.join(', ') || '—'}${radius.categories.length ? `; categories ${radius.categories.join(', ')}` : ''}`,
    '',
    '  Why approval is needed:',
  );
  const asking = request.decision.policies.filter((p) => !p.outcome || p.outcome === 'require-approval');
  for (const p of asking) lines.push(`    policy ${p.id}${p.message ? `: ${p.message}` : ''}`);
  const said = asking.map((p) => p.message).filter((m): m is string => !!m);
  for (const r of request.decision.reasons.slice(0, 10))
    if (!said.some((m) => r.startsWith(m))) lines.push(`    ${r}`);
  if (request.approvals.length) {
    lines.push('', '  Approvals:');
    for (const v of request.approvals)
      lines.push(`    ${v.approver} ${ago(v.at, now)}${v.comment ? ` — ${v.comment}` : ''}`);
  }
  if (request.withdrawn?.length) {
    lines.push('', "  Withdrawn (the approver's token was revoked; they do not count):");
    for (const v of request.withdrawn) lines.push(`    ${v.approver} ${ago(v.at, now)}`);
  }
  if (request.state === 'denied' || request.state === 'cancelled' || request.state === 'expired')
    lines.push(
      '',
      `  ${request.state} by ${request.decidedBy ?? '?'}${request.reason ? `: ${request.reason}` : ''}`,
    );
  if (request.state === 'consumed' && request.consumedAt)
    lines.push('', `  used ${ago(request.consumedAt, now)}`);
  lines.push('', `  digest ${request.digest}`);
  return `${lines.join('\n')}\n`;
}

/** One line per request for `interlock approvals list`. */
export function renderRequestLine(original: RequestView, now = Date.now()): string {
  const request = forPeople(original);
  const command = actionLine(request).replace(/\s+/g, ' ');
  const short = command.length > 70 ? `${command.slice(0, 69)}…` : command;
  return `${request.id}  ${request.state.padEnd(9)} ${request.assessment.environment.padEnd(14)} ${`${request.approvals.length}/${request.approvalsRequired}${request.approverGroup ? ` ${request.approverGroup}` : ''}`.padEnd(14)} ${requesterLine(request).padEnd(28)} ${ago(request.createdAt, now).padEnd(8)} ${short}`;
}
