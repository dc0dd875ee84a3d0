import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import type { Store } from '../../src/store/types.js';
import { ServiceError } from '../../src/server/errors.js';
import { ApprovalService, type ServerEvent } from '../../src/server/service.js';
import { createToken, revokeToken } from '../../src/server/tokens.js';
import { TARGETS } from '../store/stores.js';
import { ALICE, BOB, body, CAROL, CLAUDE, CODEX, DAN, digestOf, identity } from './fixtures.js';

// Each rule of peer approval, against both stores, through the one place that enforces them.

const HOUR = 3_600_000;

async function refused(p: Promise<unknown>, code: string, status = 403): Promise<ServiceError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a refusal (${code})`).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe(code);
  expect((error as ServiceError).status).toBe(status);
  return error as ServiceError;
}

describe.each(TARGETS)('approval rules: $kind', (target) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let clock: number;
  let events: ServerEvent[];
  let service: ApprovalService;

  beforeEach(async () => {
    ({ store, cleanup } = await target.create());
    clock = 1_800_000_000_000;
    events = [];
    service = new ApprovalService({
      store,
      now: () => clock,
      expiryMs: HOUR,
      breaker: { maxDestructive: 3, windowMs: 10 * 60_000 },
      onEvent: (e) => events.push(e),
    });
  });
  afterEach(async () => {
    const audit = await store.auditEntries(1, 100_000);
    expect(verifyAuditChain(audit).ok, 'the audit chain verifies after every scenario').toBe(true);
    await cleanup();
  });

  async function pending(b = body()) {
    const reply = await service.decide(CLAUDE, b);
    expect(reply.outcome).toBe('pending');
    return reply.requestId!;
  }

  it('creates one request per action, carrying action, assessment, policy, approvers and requester', async () => {
    const id = await pending(body({ group: 'platform' }));
    const again = await service.decide(CLAUDE, body({ group: 'platform' }));
    expect(again).toMatchObject({
      outcome: 'pending',
      requestId: id,
      approvals: { required: 2, given: 0, group: 'platform' },
    });
    const r = await service.getRequest(BOB, id);
    expect(r).toMatchObject({
      state: 'pending',
      digest: 'd'.repeat(64),
      requester: { kind: 'agent', name: 'claude', actsFor: 'alice' },
      approvalsRequired: 2,
      approverGroup: 'platform',
      action: { kind: 'shell', command: 'kubectl delete namespace payments' },
      assessment: { environment: 'production', effects: [{ target: 'namespace/payments' }] },
      decision: { policies: [{ id: 'baseline.approve-destructive-in-production' }] },
      expiresAt: clock + HOUR,
    });
    expect(events.map((e) => e.type)).toEqual(['request.created']);
  });

  it('the agent token fixes who the agent acts for; the client cannot change it', async () => {
    const id = await pending(body({ actsFor: 'mallory' }));
    expect((await service.getRequest(BOB, id)).requester.actsFor).toBe('alice');
    const r2 = await service.decide(CODEX, body({ actsFor: 'mallory' }));
    expect((await service.getRequest(BOB, r2.requestId!)).requester.actsFor).toBe('erin');
  });

  it('an agent token made without --acts-for is refused, whatever the body says, until it is re-created', async () => {
    // Such tokens exist in databases from before --acts-for was required.
    const legacy = identity('agent', 'claude');
    const before = (await store.auditEntries()).length;
    for (const b of [body(), body({ actsFor: 'mallory' }), body({ outcome: 'allow', operation: 'read' })]) {
      const error = await refused(service.decide(legacy, b), 'no-acts-for');
      expect(error.message).toMatch(/created without --acts-for/);
      expect(error.message).toContain(`interlock token revoke ${legacy.id}`);
      expect(error.message).toContain('interlock token create --agent claude --acts-for HUMAN');
    }
    expect(await service.listRequests(BOB, {})).toEqual([]);
    expect((await store.auditEntries()).length).toBe(before);
  });

  it('rule: the requester never approves its own request', async () => {
    const human = identity('human', 'erin', { groups: ['platform'] });
    const reply = await service.decide(human, body());
    await refused(service.approve(human, reply.requestId!), 'own-request');
    // Another token of the same person is the same person.
    await refused(service.approve({ ...human, id: 'tok_other' }, reply.requestId!), 'own-request');
  });

  it('rule: the human an agent acts for never approves its request', async () => {
    const id = await pending();
    await refused(service.approve(ALICE, id), 'own-agent');
    expect((await service.getRequest(BOB, id)).approvals).toEqual([]);
  });

  it('names compare without regard to case: Carol and carol are one person', async () => {
    // Identities as a database may hold them: names stored with capitals before they were made canonical.
    const agent = identity('agent', 'claude', { actsFor: 'Carol' });
    const id = (await service.decide(agent, body())).requestId!;
    await refused(service.approve(identity('human', 'carol', { groups: ['platform'] }), id), 'own-agent');
    await refused(service.approve(identity('human', 'CAROL'), id), 'own-agent');
    // One person counts once, whatever the case of the name on their token.
    expect((await service.approve(identity('human', 'Bob'), id)).counted).toBe(true);
    const twice = await service.approve(identity('human', 'bob'), id);
    expect(twice.counted).toBe(false);
    expect(twice.message).toMatch(/one person counts once/);
    expect((await service.getRequest(BOB, id)).approvals).toHaveLength(1);
    expect((await service.decide(agent, body())).approvals).toMatchObject({ given: 1, required: 2 });
    // The human it acts for cancels it, in any case.
    expect((await service.cancel(identity('human', 'cArOl'), id)).request.state).toBe('cancelled');
    // A human requester never approves their own request under another case of their name.
    const erin = (await service.decide(identity('human', 'Erin'), body({ digest: digestOf('e') })))
      .requestId!;
    await refused(service.approve(identity('human', 'erin'), erin), 'own-request');
    // Groups compare the same way.
    const grouped = (await service.decide(CLAUDE, body({ digest: digestOf('9'), group: 'Platform' })))
      .requestId!;
    expect((await service.approve(identity('human', 'zed', { groups: ['platform'] }), grouped)).counted).toBe(
      true,
    );
    // Freezing agent Claude freezes claude.
    await service.setFrozen(BOB, true, { agent: 'Claude' });
    const harmless = body({ outcome: 'allow', operation: 'create', destructive: false });
    expect((await service.decide(CLAUDE, harmless)).outcome).toBe('deny');
    await service.setFrozen(BOB, false, { agent: 'CLAUDE' });
    expect((await service.decide(CLAUDE, harmless)).outcome).toBe('allow');
  });

  it('rule: agents never approve', async () => {
    const id = await pending();
    await refused(service.approve(CODEX, id), 'humans-only');
    await refused(service.approve(CLAUDE, id), 'humans-only');
  });

  it('rule: one person counts once, whatever token they use', async () => {
    const id = await pending();
    expect((await service.approve(BOB, id)).counted).toBe(true);
    const twice = await service.approve({ ...BOB, id: 'tok_bob_laptop' }, id);
    expect(twice.counted).toBe(false);
    expect(twice.message).toMatch(/one person counts once/);
    expect(twice.request).toMatchObject({ state: 'pending', approvals: [{ approver: 'bob' }] });
    expect((await service.approve(CAROL, id)).request.state).toBe('approved');
  });

  describe('approvals by a token revoked later', () => {
    // Revocation is checked against the store's identities, so these approvers hold real tokens.
    const human = async (name: string, groups = ['platform']) =>
      (await createToken(store, { kind: 'human', name, groups, createdBy: 'test', now: clock })).identity;

    it('an approved request whose approver is revoked before it is used needs approvals again', async () => {
      const [bob, carol] = [await human('bob'), await human('carol')];
      const id = await pending();
      await service.approve(bob, id);
      expect((await service.approve(carol, id)).request.state).toBe('approved');
      events.length = 0;
      await revokeToken(store, bob.id, 'admin', clock);
      // At once, for the people who look at it, and for the agent that retries it.
      expect(await service.getRequest(BOB, id)).toMatchObject({
        state: 'pending',
        approvals: [{ approver: 'carol' }],
        withdrawn: [{ approver: 'bob' }],
      });
      expect(await service.decide(CLAUDE, body())).toMatchObject({
        outcome: 'pending',
        requestId: id,
        approvals: { given: 1, required: 2 },
      });
      const reopened = (await store.auditEntries()).find((e) => e.type === 'request.reopened')!;
      expect(JSON.parse(reopened.body)).toMatchObject({
        actor: 'admin',
        data: { requestId: id, withdrawn: ['bob'], given: 1, required: 2 },
      });
      // The same person with a live token approves again, and it counts.
      const bobAgain = await human('bob');
      expect((await service.approve(bobAgain, id)).request.state).toBe('approved');
      expect(await service.decide(CLAUDE, body())).toMatchObject({ outcome: 'allow', requestId: id });
    });

    it('counts only approvals whose token is live at the time of counting', async () => {
      // Revoked in the store alone (as an earlier release's `token revoke` did): the server still notices.
      const [bob, carol, dan] = [await human('bob'), await human('carol'), await human('dan')];
      const id = await pending();
      await service.approve(bob, id);
      await store.transact((tx) => tx.revokeIdentity(bob.id, clock));
      const second = await service.approve(carol, id);
      expect(second.request).toMatchObject({ state: 'pending', approvals: [{ approver: 'carol' }] });
      expect(second.message).toMatch(/1 of 2/);
      expect((await service.approve(dan, id)).request.state).toBe('approved');
      await store.transact((tx) => tx.revokeIdentity(dan.id, clock));
      expect(await service.decide(CLAUDE, body())).toMatchObject({ outcome: 'pending', requestId: id });
      expect(events.map((e) => e.type)).toContain('request.reopened');
      // A grant already used stays used: revocation changes what is open, not history.
      const done = await pending(body({ digest: digestOf('u') }));
      const erin = await human('erin');
      await service.approve(carol, done);
      await service.approve(erin, done);
      expect((await service.decide(CLAUDE, body({ digest: digestOf('u') }))).outcome).toBe('allow');
      await revokeToken(store, erin.id, 'admin', clock);
      expect((await service.getRequest(BOB, done)).state).toBe('consumed');
    });
  });

  it('rule: approvals from outside the required group do not count', async () => {
    const id = await pending(body({ group: 'platform' }));
    const error = await refused(service.approve(DAN, id), 'wrong-group');
    expect(error.message).toMatch(/needs approvers from platform, and dan is not in it/);
    expect((await service.approve(BOB, id)).request.approvals).toHaveLength(1);
    expect((await service.getRequest(BOB, id)).state).toBe('pending');
    expect((await service.approve(CAROL, id)).request.state).toBe('approved');
  });

  it('rule: a pending request expires after the expiry, and cannot then be approved', async () => {
    const id = await pending();
    await service.approve(BOB, id);
    clock += HOUR;
    await refused(service.approve(CAROL, id), 'already-expired', 409);
    // The sweep (or the next decision) records the expiry; the identical action then makes a new request.
    expect(await service.sweep()).toBe(1);
    expect((await service.getRequest(BOB, id)).state).toBe('expired');
    const fresh = await pending();
    expect(fresh).not.toBe(id);
    expect(events.map((e) => e.type)).toEqual(['request.created', 'request.expired', 'request.created']);
  });

  it('rule: an approval must be used before it expires too', async () => {
    const id = await pending();
    clock += HOUR - 1000;
    await service.approve(BOB, id);
    await service.approve(CAROL, id);
    clock += HOUR - 1; // an hour after the approval, not after the request
    expect((await service.decide(CLAUDE, body())).outcome).toBe('allow');
    const id2 = await pending(body({ digest: digestOf('e') }));
    await service.approve(BOB, id2);
    await service.approve(CAROL, id2);
    clock += HOUR;
    const late = await service.decide(CLAUDE, body({ digest: digestOf('e') }));
    expect(late.outcome).toBe('pending');
    expect(late.requestId).not.toBe(id2);
    expect((await service.getRequest(BOB, id2)).state).toBe('expired');
  });

  it('rule: an approval is consumed by exactly one execution of exactly the same action', async () => {
    const id = await pending();
    await service.approve(BOB, id);
    await service.approve(CAROL, id);
    // A different action (another digest) is a new request and does not touch the approval.
    const other = await service.decide(CLAUDE, body({ digest: digestOf('f') }));
    expect(other.outcome).toBe('pending');
    expect(other.requestId).not.toBe(id);
    // Another agent with the same action does not get this agent's approval.
    expect((await service.decide(CODEX, body())).outcome).toBe('pending');
    const use = await service.decide(CLAUDE, body());
    expect(use).toMatchObject({ outcome: 'allow', requestId: id, state: 'consumed' });
    expect(use.message).toMatch(/Approved by bob, carol/);
    const again = await service.decide(CLAUDE, body());
    expect(again.outcome).toBe('pending');
    expect(again.requestId).not.toBe(id);
    expect((await service.getRequest(BOB, id)).state).toBe('consumed');
  });

  it('a denied request stays denied for that action, with the reason', async () => {
    const id = await pending();
    await service.approve(BOB, id);
    await service.deny(CAROL, id, 'not during the sale');
    const reply = await service.decide(CLAUDE, body());
    expect(reply).toMatchObject({ outcome: 'deny', requestId: id });
    expect(reply.message).toMatch(/denied by carol: not during the sale/);
    await refused(service.approve(DAN, id), 'already-denied', 409);
    clock += HOUR;
    expect((await service.decide(CLAUDE, body())).outcome).toBe('pending');
  });

  it('an approved grant can still be withdrawn by a deny', async () => {
    const id = await pending();
    await service.approve(BOB, id);
    await service.approve(CAROL, id);
    await service.deny(DAN, id, 'wrong cluster');
    expect((await service.decide(CLAUDE, body())).outcome).toBe('deny');
  });

  it('only the requester, or the human it acts for, cancels', async () => {
    const id = await pending();
    await refused(service.cancel(BOB, id), 'not-yours');
    await refused(service.cancel(CODEX, id), 'not-yours');
    expect((await service.cancel(ALICE, id, 'changed my mind')).request.state).toBe('cancelled');
    const id2 = await pending();
    expect((await service.cancel(CLAUDE, id2)).request.state).toBe('cancelled');
    await refused(service.approve(BOB, id2), 'already-cancelled', 409);
  });

  it('a request, its grant and its cancellation belong to the token that asked, not to its name', async () => {
    // Two agent tokens both named claude, one acting for erin, one for frank: two principals.
    const forErin = identity('agent', 'claude', { actsFor: 'erin' });
    const forFrank = identity('agent', 'claude', { actsFor: 'frank' });
    const erin = identity('human', 'erin');
    const frank = identity('human', 'frank');
    const id = (await service.decide(forErin, body())).requestId!;
    // The same action from frank's claude is frank's claude's own request.
    const other = await service.decide(forFrank, body());
    expect(other.outcome).toBe('pending');
    expect(other.requestId).not.toBe(id);
    expect((await service.getRequest(BOB, other.requestId!)).requester).toMatchObject({ actsFor: 'frank' });
    // It cannot see, cancel or use erin's claude's request.
    await refused(service.getRequest(forFrank, id), 'not-found', 404);
    expect((await service.listRequests(forFrank, {})).map((r) => r.id)).toEqual([other.requestId]);
    await refused(service.cancel(forFrank, id), 'not-yours');
    await refused(service.cancel(frank, id), 'not-yours');
    await service.approve(BOB, id);
    await service.approve(CAROL, id);
    expect(await service.decide(forFrank, body())).toMatchObject({
      outcome: 'pending',
      requestId: other.requestId,
    });
    expect(await service.decide(forErin, body())).toMatchObject({ outcome: 'allow', requestId: id });
    // Erin cannot cancel frank's claude's request; frank, or that token itself, can.
    await refused(service.cancel(erin, other.requestId!), 'not-yours');
    expect((await service.cancel(frank, other.requestId!)).request.state).toBe('cancelled');
    const third = (await service.decide(forFrank, body({ digest: digestOf('3') }))).requestId!;
    await refused(service.cancel(forErin, third), 'not-yours');
    expect((await service.cancel(forFrank, third)).request.state).toBe('cancelled');
  });

  it('agents see only their own requests; humans see all', async () => {
    const id = await pending();
    await service.decide(CODEX, body({ digest: digestOf('c') }));
    expect((await service.listRequests(CLAUDE, {})).map((r) => r.id)).toEqual([id]);
    expect(await service.listRequests(BOB, {})).toHaveLength(2);
    await refused(service.getRequest(CODEX, id), 'not-found', 404);
  });

  it('the kill switch denies every non-read action of every agent, and only that', async () => {
    await refused(service.setFrozen(CLAUDE, true), 'humans-only');
    await service.setFrozen(BOB, true, { reason: 'incident 42' });
    const denied = await service.decide(
      CODEX,
      body({ outcome: 'allow', operation: 'create', destructive: false }),
    );
    expect(denied.outcome).toBe('deny');
    expect(denied.message).toMatch(/frozen \(by bob .*incident 42\)/);
    expect((await service.decide(CLAUDE, body())).outcome).toBe('deny');
    // Reads pass; humans are not agents.
    expect((await service.decide(CLAUDE, body({ outcome: 'allow', operation: 'read' }))).outcome).toBe(
      'allow',
    );
    expect(
      (
        await service.decide(
          DAN,
          body({ outcome: 'ask', operation: 'delete', environment: 'non-production' }),
        )
      ).outcome,
    ).toBe('ask');
    expect((await service.status()).frozen).toMatchObject({ by: 'bob', reason: 'incident 42' });
    await service.setFrozen(CAROL, false);
    expect(
      (await service.decide(CODEX, body({ outcome: 'allow', operation: 'create', destructive: false })))
        .outcome,
    ).toBe('allow');
    expect(events.map((e) => e.type)).toEqual(['freeze', 'unfreeze']);
  });

  it('the circuit breaker freezes an agent past N destructive requests in M minutes, until a human resets it', async () => {
    const destructive = (i: number) =>
      body({ digest: digestOf(String(i)), outcome: 'ask', environment: 'non-production' });
    for (let i = 0; i < 3; i++) expect((await service.decide(CLAUDE, destructive(i))).outcome).toBe('ask');
    // Repeating the same pending request does not count again.
    const r = await service.decide(CODEX, body({ digest: digestOf('9') }));
    for (let i = 0; i < 5; i++)
      expect((await service.decide(CODEX, body({ digest: digestOf('9') }))).requestId).toBe(r.requestId);
    // The fourth destructive action in the window trips it.
    const tripped = await service.decide(CLAUDE, destructive(4));
    expect(tripped.outcome).toBe('deny');
    expect(tripped.message).toMatch(/circuit breaker froze it/);
    expect(events.filter((e) => e.type === 'agent.frozen')).toHaveLength(1);
    // Frozen: even harmless writes are denied, reads pass, other agents are unaffected.
    expect(
      (await service.decide(CLAUDE, body({ outcome: 'allow', operation: 'create', destructive: false })))
        .outcome,
    ).toBe('deny');
    expect((await service.decide(CLAUDE, body({ outcome: 'allow', operation: 'read' }))).outcome).toBe(
      'allow',
    );
    expect((await service.decide(CODEX, destructive(7))).outcome).toBe('ask');
    // Time alone does not thaw it.
    clock += HOUR;
    expect((await service.decide(CLAUDE, destructive(5))).outcome).toBe('deny');
    expect((await service.status()).frozenAgents.map((f) => f.scope)).toEqual(['agent:claude']);
    await refused(service.setFrozen(CODEX, false, { agent: 'claude' }), 'humans-only');
    await service.setFrozen(BOB, false, { agent: 'claude' });
    expect((await service.decide(CLAUDE, destructive(6))).outcome).toBe('ask');
  });

  it('the breaker window slides: old activity stops counting', async () => {
    const destructive = (i: number) =>
      body({ digest: digestOf(String(i)), outcome: 'ask', environment: 'non-production' });
    for (let i = 0; i < 3; i++) await service.decide(CLAUDE, destructive(i));
    clock += 10 * 60_000 + 1;
    expect((await service.decide(CLAUDE, destructive(3))).outcome).toBe('ask');
  });

  it('a local deny stays a deny, and a local allow passes', async () => {
    expect((await service.decide(CLAUDE, body({ outcome: 'deny' }))).outcome).toBe('deny');
    expect(
      (await service.decide(CLAUDE, body({ outcome: 'allow', operation: 'create', destructive: false })))
        .outcome,
    ).toBe('allow');
  });

  it('writes every decision and state change to the audit log, in order', async () => {
    const id = await pending();
    await service.approve(BOB, id, 'looks right');
    await service.approve(CAROL, id);
    await service.decide(CLAUDE, body());
    await service.setFrozen(BOB, true);
    const types = (await store.auditEntries()).map((e) => e.type);
    expect(types).toEqual([
      'request.created',
      'decision',
      'approval',
      'approval',
      'request.approved',
      'request.consumed',
      'decision',
      'freeze',
    ]);
    const consumed = (await store.auditEntries()).find((e) => e.type === 'request.consumed')!;
    expect(JSON.parse(consumed.body)).toMatchObject({ actor: 'claude', data: { requestId: id } });
  });
});
