import { describe, expect, it } from 'vitest';
import type { DecisionView } from '../../src/approvals/api.js';
import { strictest } from '../../src/server/assessor.js';
import type { Outcome } from '../../src/core/types.js';

// The agent side's own decision can only make the server's stricter: never an allow out of anything.

const view = (outcome: Outcome, approvals = 0, approverGroup?: string): DecisionView => ({
  outcome,
  approvals,
  reasons: [`${outcome} reason`],
  policies: [{ id: `${outcome}-policy`, outcome }],
  ...(approverGroup ? { approverGroup } : {}),
});

describe('strictest of the server decision and the agent side’s own', () => {
  const OUTCOMES: Outcome[] = ['allow', 'ask', 'require-approval', 'deny'];
  const cases = OUTCOMES.flatMap((server) => OUTCOMES.map((local) => [server, local] as const));
  it.each(cases)('server %s, agent %s', (server, local) => {
    const out = strictest(
      view(server, server === 'require-approval' ? 2 : 0),
      view(local, local === 'require-approval' ? 3 : 0),
    );
    const rank = (o: Outcome) => OUTCOMES.indexOf(o);
    expect(out.outcome).toBe(rank(local) > rank(server) ? local : server);
    if (out.outcome === 'require-approval') expect(out.approvals).toBe(local === 'require-approval' ? 3 : 2);
    // The agent's reasons are shown as the requester's, never as the server's policies.
    if (rank(local) > rank(server))
      expect(out.policies.map((p) => p.id)).toContain(`requester:${local}-policy`);
  });

  it('keeps the server’s group; takes the agent’s only when the agent asked for the approvals', () => {
    expect(
      strictest(view('require-approval', 2, 'sre'), view('require-approval', 1, 'dev')).approverGroup,
    ).toBe('sre');
    expect(strictest(view('allow'), view('require-approval', 1, 'dev')).approverGroup).toBe('dev');
    expect(strictest(view('allow'), undefined)).toEqual(view('allow'));
  });
});
