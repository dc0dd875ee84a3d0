import { queryLog } from '../audit/query.js';
import { parseTime } from '../audit/time.js';
import { InputError } from '../core/errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { suggestGrants, type AllowedDecision, type Suggestion } from '../least-privilege/suggest.js';
import { roleManifest } from '../least-privilege/kubernetes-role.js';
import { openForReading, type StoreOptions } from './audit-store.js';
import { reportError } from './errors.js';

// `interlock creds suggest`: the narrowest IAM policy, PostgreSQL GRANTs and Kubernetes rules that would
// have covered what an agent was allowed to do (its decisions whose final outcome was allow, approved
// ones included), read from the audit log.

export interface SuggestCliOptions extends StoreOptions {
  agent: string;
  since?: string;
  account?: string;
  role?: string;
  json?: boolean;
}

const AWS_ACCOUNT = /^\d{12}$/;

async function allowedDecisions(options: SuggestCliOptions, since: number): Promise<AllowedDecision[]> {
  const log = await openForReading(options);
  try {
    const found: AllowedDecision[] = [];
    for await (const v of queryLog(log.store, log.side, {
      agent: options.agent,
      since,
      types: ['decision'],
    })) {
      if (v.outcome !== 'allow') continue;
      const effects = Array.isArray(v.data.effects) ? (v.data.effects as unknown[]) : [];
      const count = typeof v.data.effectCount === 'number' ? v.data.effectCount : undefined;
      found.push({
        seq: v.seq,
        ...(v.command ? { command: v.command } : {}),
        effects,
        ...(count !== undefined ? { effectCount: count } : {}),
      });
    }
    return found;
  } finally {
    await log.close();
  }
}

/** A name Kubernetes accepts for the narrowed Role: the agent's, lower-case, with `-narrow`. */
const roleName = (agent: string) =>
  `${
    agent
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'agent'
  }-narrow`;

function render(s: Suggestion, agent: string, since: string): string {
  const out: string[] = [`${s.decisions} allowed decision(s) of ${agent} since ${since}.`, ''];
  out.push('AWS IAM policy:');
  out.push(s.aws.policy.Statement.length ? JSON.stringify(s.aws.policy, null, 2) : '  (no AWS operations)');
  for (const n of s.aws.notes) out.push(`  note: ${n}`);
  for (const u of s.aws.unmapped) out.push(`  not covered: ${u.target}: ${u.why}`);
  out.push('', 'PostgreSQL:');
  out.push(...(s.postgres.statements.length ? s.postgres.statements : ['  (no table privileges)']));
  for (const o of s.postgres.ownerOnly) out.push(`  needs ownership (DROP/ALTER, no GRANT covers it): ${o}`);
  out.push('', 'Kubernetes:');
  if (!s.kubernetes.roles.length) out.push('  (no Kubernetes operations)');
  for (const r of s.kubernetes.roles) out.push(JSON.stringify(roleManifest(r, roleName(agent)), null, 2));
  for (const n of s.kubernetes.notes) out.push(`  note: ${n}`);
  for (const u of s.kubernetes.unmapped) out.push(`  not covered: ${u.target}: ${u.why}`);
  if (s.uncovered.length)
    out.push(
      '',
      `${s.uncovered.length} allowed decision(s) name no permission (reads, other tools, or recorded before effects carried one):`,
      ...s.uncovered.slice(0, 10).map((u) => `  #${u.seq} ${u.command ?? ''}`),
    );
  if (s.truncated.length)
    out.push(`Entries ${s.truncated.map((n) => `#${n}`).join(', ')} kept only their first 20 effects.`);
  return `${out.join('\n')}\n`;
}

export async function runCredsSuggest(options: SuggestCliOptions, now = Date.now()): Promise<number> {
  try {
    const since = options.since ?? '30d';
    const from = parseTime(since, now, '--since');
    if (options.account !== undefined && !AWS_ACCOUNT.test(options.account))
      throw new InputError(`--account ${options.account}: an AWS account id is 12 digits`);
    const allowed = await allowedDecisions(options, from);
    const suggestion = suggestGrants(allowed, {
      role: options.role ?? options.agent,
      ...(options.account ? { account: options.account } : {}),
    });
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ agent: options.agent, since: new Date(from).toISOString(), ...suggestion })}\n`
        : render(suggestion, options.agent, new Date(from).toISOString()),
    );
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('creds suggest', error);
  }
}
