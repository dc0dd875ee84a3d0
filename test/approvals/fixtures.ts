import type { DecisionBody, DecisionInput } from '../../src/approvals/api.js';
import type { GateInput } from '../../src/approvals/client.js';
import { wireDigest } from '../../src/approvals/digest.js';
import type { Identity } from '../../src/store/types.js';

// Callers and decision bodies for the rule tests.

let n = 0;
export function identity(kind: Identity['kind'], name: string, extra: Partial<Identity> = {}): Identity {
  return { id: `tok_${name}${n++}`, kind, name, groups: [], createdAt: 0, ...extra };
}

export const CLAUDE = identity('agent', 'claude', { actsFor: 'alice' });
export const CODEX = identity('agent', 'codex', { actsFor: 'erin' });
export const ALICE = identity('human', 'alice', { groups: ['platform'] });
export const BOB = identity('human', 'bob', { groups: ['platform'] });
export const CAROL = identity('human', 'carol', { groups: ['platform', 'sre'] });
export const DAN = identity('human', 'dan', { groups: ['data'] });

export function body(
  options: {
    digest?: string;
    command?: string;
    outcome?: DecisionInput['decision']['outcome'];
    approvals?: number;
    group?: string;
    operation?: DecisionInput['assessment']['effects'][number]['operation'];
    destructive?: boolean;
    environment?: 'production' | 'non-production' | 'unknown';
    actsFor?: string;
  } = {},
): DecisionInput {
  const outcome = options.outcome ?? 'require-approval';
  const operation = options.operation ?? 'delete';
  const environment = options.environment ?? 'production';
  const destructive = options.destructive ?? operation !== 'read';
  return {
    action: {
      kind: 'shell',
      command:
        options.command ??
        (operation === 'read' ? 'kubectl get pods -n payments' : 'kubectl delete namespace payments'),
      cwd: '/src',
    },
    digest: options.digest ?? 'd'.repeat(64),
    assessment: {
      risk: destructive ? 'critical' : 'none',
      destructive,
      environment,
      environmentHints: [{ source: 'namespace', value: 'payments-prod' }],
      effects: [
        {
          operation,
          tool: 'kubectl',
          target: 'namespace/payments',
          environment,
          risk: destructive ? 'critical' : 'none',
          reversible: !destructive,
          reason: 'deletes the namespace',
          destructive,
        },
      ],
      reasons: [],
      readOnly: operation === 'read',
    },
    readOnly: operation === 'read',
    decision: {
      outcome,
      approvals: outcome === 'require-approval' ? (options.approvals ?? 2) : 0,
      ...(options.group ? { approverGroup: options.group } : {}),
      reasons: ['two peers must approve'],
      policies: [{ id: 'baseline.approve-destructive-in-production', outcome }],
    },
    ...(options.actsFor ? { actsFor: options.actsFor } : {}),
  };
}

export const digestOf = (c: string) => c.repeat(64).slice(0, 64);

/**
 * What an agent's side would send for a fixture: its command, facts that tell fixtures with different
 * digests apart (the server computes its own digest), and the fixture's decision as the agent's own.
 */
export function wire(b: DecisionInput = body()): DecisionBody & { facts: { env: Record<string, string> } } {
  return {
    proposal: { kind: 'shell', command: b.action.command ?? 'kubectl delete namespace payments' },
    facts: { cwd: b.action.cwd ?? '/src', home: '/home/dev', env: { FIXTURE: b.digest } },
    local: b.decision,
    ...(b.agent ? { agent: b.agent } : {}),
  };
}

/** The digest the server computes for a fixture sent with `wire`. */
export function serverDigest(b: DecisionInput = body()): string {
  const w = wire(b);
  return wireDigest(w.proposal, w.facts);
}

/** The gate's input for a fixture: an agent (claude, for alice) asks about it. */
export function gateInputOf(b: DecisionInput = body()): GateInput {
  const w = wire(b);
  return {
    action: b.action,
    wire: { proposal: w.proposal, facts: w.facts },
    assessment: b.assessment,
    decision: {
      outcome: b.decision.outcome,
      approvals: b.decision.approvals,
      reasons: b.decision.reasons,
      policies: [],
      ...(b.decision.approverGroup ? { approverGroup: b.decision.approverGroup } : {}),
    },
    principal: { type: 'Agent', id: 'claude', actsFor: 'alice' },
  };
}
