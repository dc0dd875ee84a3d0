import type { Access } from '../core/types.js';
import { sessionPolicy, type IamPolicy } from './aws-session-policy.js';
import type { ArnContext } from './aws-arns.js';
import { narrowKubernetes, type RoleRules } from './kubernetes-role.js';
import { postgresGrants, type PostgresGrants } from './postgres-grants.js';
import { recordedAccess } from './recorded-access.js';

// What an agent was actually allowed to do, as the narrowest grants that cover it: the union of the IAM
// actions and ARNs, the PostgreSQL table privileges, the Kubernetes rules of its allowed decisions. A team
// replaces the agent's inherited admin with these.

/** One allowed decision as the audit log holds it: its command and recorded effects. */
export interface AllowedDecision {
  seq: number;
  command?: string;
  effects: readonly unknown[];
  /** How many effects the assessment had (the log keeps the first 20). */
  effectCount?: number;
}

export interface Suggestion {
  decisions: number;
  aws: { policy: IamPolicy; notes: string[]; unmapped: { target: string; why: string }[] };
  postgres: PostgresGrants;
  kubernetes: { roles: RoleRules[]; notes: string[]; unmapped: { target: string; why: string }[] };
  /** Allowed decisions none of whose effects names a permission (reads, other tools, older entries). */
  uncovered: { seq: number; command?: string }[];
  /** Decisions whose effects the log cut short: some of their permissions may be missing. */
  truncated: number[];
}

const targetOf = (e: unknown): string => {
  const t = (e as { target?: unknown } | undefined)?.target;
  return typeof t === 'string' ? t : '?';
};

export function suggestGrants(
  allowed: readonly AllowedDecision[],
  options: { role: string } & ArnContext,
): Suggestion {
  const sources: { target: string; access: Access }[] = [];
  const uncovered: Suggestion['uncovered'] = [];
  const truncated: number[] = [];
  for (const d of allowed) {
    const found = d.effects.flatMap((e) => {
      const access = recordedAccess(e);
      return access ? [{ target: targetOf(e), access }] : [];
    });
    if (!found.length) uncovered.push({ seq: d.seq, ...(d.command ? { command: d.command } : {}) });
    if ((d.effectCount ?? 0) > d.effects.length) truncated.push(d.seq);
    sources.push(...found);
  }
  const { policy, notes, unmapped } = sessionPolicy(
    sources.filter((s) => s.access.kind === 'aws'),
    options,
  );
  return {
    decisions: allowed.length,
    aws: { policy, notes, unmapped },
    postgres: postgresGrants(sources, options.role),
    kubernetes: narrowKubernetes(sources),
    uncovered,
    truncated,
  };
}
