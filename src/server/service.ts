import type {
  DecisionInput,
  DecisionReply,
  ExecutionInput,
  RequestView,
  StatusReply,
  VoteReply,
} from '../approvals/api.js';
import { canonicalName, sameName } from '../store/names.js';
import type {
  Approval,
  ApprovalRequest,
  Freeze,
  Identity,
  RequestFilter,
  Store,
  Tx,
} from '../store/types.js';
import { badToken, ServiceError } from './errors.js';
import { newId } from './ids.js';

// The rules of peer approval, enforced here and nowhere else. Every method runs in one store transaction
// that also appends what it did to the audit log, so a crash leaves either all of it or none of it.
//
//   - a request, its grant and its cancellation belong to the token that asked (its identity id), never to
//     its name: two tokens named claude acting for different people are two requesters
//   - the requester, and the human an agent acts for, never approve their own request
//   - one person counts once (approvals are keyed by the approver's name, whatever token they use)
//   - names (requester, acts-for, approver, group, agent) compare without regard to case: Carol is carol
//   - approvals from outside the required group are refused and do not count
//   - an approval counts only while its token is live: once the token is revoked, an open request no
//     longer counts it (an approved one goes back to pending); a grant already used stays used
//   - a pending request expires (default 1 hour); an approval must be used within the same time
//   - an approval is consumed by exactly one decision for exactly the same action (same digest)
//   - a frozen server, or a frozen agent, gets every action denied that is not known to only read
//     (an unrecognised program, a script that cannot be read, anything with an effect)
//   - an agent that asks for more than N destructive actions in M minutes is frozen until a human resets it

export interface BreakerSettings {
  /** More than this many destructive requests in the window freezes the agent. 0 turns the breaker off. */
  maxDestructive: number;
  windowMs: number;
}

export type ServerEvent =
  | {
      type:
        | 'request.created'
        | 'request.approved'
        | 'request.denied'
        | 'request.cancelled'
        | 'request.expired'
        | 'request.consumed'
        | 'request.reopened';
      actor: string;
      request: RequestView;
    }
  | { type: 'freeze' | 'unfreeze' | 'agent.frozen' | 'agent.unfrozen'; actor: string; freeze: Freeze };

/**
 * Where a vote came from, for the audit log: the JSON API (and so `interlock approvals`), the web console,
 * or a Slack click with the Slack user id. Set by the route that took the vote, never by the caller.
 */
export type Via = { via: 'api' } | { via: 'console' } | { via: 'slack'; slackUser: string };
const API: Via = { via: 'api' };

export interface ServiceOptions {
  store: Store;
  /** How long a pending request, and then an approval, stays usable. */
  expiryMs?: number;
  breaker?: BreakerSettings;
  now?: () => number;
  /** Called after each commit with what happened (webhooks). Never awaited: it cannot slow a decision. */
  onEvent?: (event: ServerEvent) => void;
}

export const DEFAULT_EXPIRY_MS = 60 * 60 * 1000;
export const DEFAULT_BREAKER: BreakerSettings = { maxDestructive: 20, windowMs: 10 * 60 * 1000 };

const GLOBAL = 'global';
/** The actor of the freezes the circuit breaker makes (the metrics count its trips by it). */
export const BREAKER_ACTOR = 'circuit-breaker';
const agentScope = (name: string) => `agent:${canonicalName(name)}`;

/**
 * The approvals that count: by a token that has not been revoked, one per person (however the case of
 * their name was stored).
 */
function counting(approvals: Approval[]): Approval[] {
  const seen = new Set<string>();
  return approvals.filter((a) => {
    if (a.tokenRevokedAt !== undefined) return false;
    const who = canonicalName(a.approver);
    if (seen.has(who)) return false;
    seen.add(who);
    return true;
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Approvals that stopped counting because their token was revoked (and their approver has not approved again). */
function withdrawn(approvals: Approval[]): Approval[] {
  const live = counting(approvals);
  return approvals.filter(
    (a) => a.tokenRevokedAt !== undefined && !live.some((l) => sameName(l.approver, a.approver)),
  );
}

/**
 * An approved, unused request that no longer has enough approvals from live tokens goes back to pending,
 * and the audit log says whose approvals were withdrawn. The service runs it on every open request it
 * reads; `revokeToken` runs it on the requests the revoked tokens approved.
 */
export async function reopenIfShort(
  tx: Tx,
  request: ApprovalRequest,
  now: number,
  actor: string,
  events?: ServerEvent[],
): Promise<ApprovalRequest> {
  if (request.state !== 'approved') return request;
  const approvals = await tx.listApprovals(request.id);
  const given = counting(approvals).length;
  if (given >= request.approvalsRequired) return request;
  const reopened: ApprovalRequest = { ...request, state: 'pending' };
  delete reopened.approvedAt;
  await tx.updateRequest(request.id, { state: 'pending', approvedAt: null });
  await tx.appendAudit({
    type: 'request.reopened',
    actor,
    at: now,
    data: {
      requestId: request.id,
      digest: request.digest,
      withdrawn: withdrawn(approvals).map((a) => a.approver),
      given,
      required: request.approvalsRequired,
    },
  });
  events?.push({ type: 'request.reopened', actor, request: toView(reopened, approvals) });
  return reopened;
}

export class ApprovalService {
  readonly store: Store;
  readonly expiryMs: number;
  readonly breaker: BreakerSettings;
  private readonly now: () => number;
  private readonly onEvent: (event: ServerEvent) => void;

  constructor(options: ServiceOptions) {
    this.store = options.store;
    this.expiryMs = options.expiryMs ?? DEFAULT_EXPIRY_MS;
    this.breaker = options.breaker ?? DEFAULT_BREAKER;
    this.now = options.now ?? Date.now;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  /** Run a transaction, then announce what it did (only once it is committed). */
  private async run<T>(fn: (tx: Tx, events: ServerEvent[]) => Promise<T>): Promise<T> {
    const events: ServerEvent[] = [];
    const result = await this.store.transact((tx) => {
      events.length = 0; // a retried transaction starts over
      return fn(tx, events);
    });
    for (const e of events) {
      try {
        this.onEvent(e);
      } catch {
        // a listener's failure is not the decision's
      }
    }
    return result;
  }

  private async view(tx: Tx, request: ApprovalRequest): Promise<RequestView> {
    return toView(request, await tx.listApprovals(request.id));
  }

  /** An open request as it stands now: expired when overdue, back to pending when short of live approvals. */
  private async current(
    tx: Tx,
    request: ApprovalRequest,
    now: number,
    events: ServerEvent[],
  ): Promise<ApprovalRequest> {
    const live = await this.expireIfDue(tx, request, now, events);
    return reopenIfShort(tx, live, now, 'interlock', events);
  }

  /** Open requests past their deadline become expired (and say so in the audit log). */
  private async expireIfDue(
    tx: Tx,
    request: ApprovalRequest,
    now: number,
    events: ServerEvent[],
  ): Promise<ApprovalRequest> {
    if ((request.state !== 'pending' && request.state !== 'approved') || request.expiresAt > now)
      return request;
    const expired: ApprovalRequest = { ...request, state: 'expired', decidedAt: now, decidedBy: 'interlock' };
    await tx.updateRequest(request.id, { state: 'expired', decidedAt: now, decidedBy: 'interlock' });
    await tx.appendAudit({
      type: 'request.expired',
      actor: 'interlock',
      at: now,
      data: { requestId: request.id, digest: request.digest, was: request.state },
    });
    events.push({ type: 'request.expired', actor: 'interlock', request: await this.view(tx, expired) });
    return expired;
  }

  /**
   * The decision path: the server's own decision comes in (src/server/assessor.ts); freezes, the circuit
   * breaker and the approval state of this exact action decide what it may do now.
   */
  /** Agent tokens without an acts-for cannot decide: nobody could tell self-approval apart. */
  assertCanDecide(caller: Identity): void {
    if (caller.kind === 'agent' && !caller.actsFor)
      throw new ServiceError(
        403,
        'no-acts-for',
        `agent token ${caller.id} (${caller.name}) was created without --acts-for, so the server cannot tell whose approval would be self-approval, and it refuses this token's decisions. An admin must replace it where the server's database is: \`interlock token revoke ${caller.id}\`, then \`interlock token create --agent ${caller.name} --acts-for HUMAN\`.`,
      );
  }

  /**
   * `confirmCaller`: the caller's token was looked up without checking for another process's revocation
   * (callerOf's `confirmedInTransaction`, the decision route), so it is confirmed live in this transaction.
   */
  async decide(
    caller: Identity,
    body: DecisionInput,
    { confirmCaller = false }: { confirmCaller?: boolean } = {},
  ): Promise<DecisionReply> {
    this.assertCanDecide(caller);
    const now = this.now();
    const local = body.decision.outcome;
    // Under a freeze only what is known to change nothing goes through, recognised or not.
    const nonRead = local !== 'allow' || body.readOnly !== true;
    const destructive = body.assessment.destructive || local === 'require-approval';
    // Who the agent acts for comes from its token, never from the body.
    const requester = {
      kind: caller.kind,
      name: caller.name,
      tokenId: caller.id,
      ...(caller.kind === 'agent' ? { actsFor: caller.actsFor } : {}),
    };
    return this.run(async (tx, events) => {
      // A token revoked before this transaction began decides nothing.
      if (confirmCaller && !(await tx.callerLive(caller))) throw badToken();
      const record = async (reply: DecisionReply): Promise<DecisionReply> => {
        await tx.appendAudit({
          type: 'decision',
          actor: caller.name,
          at: now,
          data: {
            requester,
            agent: caller.kind === 'agent' ? body.agent : undefined,
            tokenId: caller.id,
            digest: body.digest,
            action: summariseAction(body.action),
            environment: body.assessment.environment,
            risk: body.assessment.risk,
            destructive: body.assessment.destructive,
            local: { outcome: local, approvals: body.decision.approvals, group: body.decision.approverGroup },
            policies: body.decision.policies.map((p) => p.id),
            outcome: reply.outcome,
            state: reply.state,
            requestId: reply.requestId,
            message: reply.message.slice(0, 1000),
          },
        });
        return reply;
      };

      if (caller.kind === 'agent' && nonRead) {
        const frozen = await tx.getFreeze(GLOBAL);
        if (frozen?.frozen)
          return record({
            outcome: 'deny',
            message: `Interlock is frozen (by ${frozen.by} at ${iso(frozen.at)}${frozen.reason ? `: ${frozen.reason}` : ''}). Every action that changes anything is denied for every agent until a human runs \`interlock unfreeze\`.`,
          });
        const own = await tx.getFreeze(agentScope(caller.name));
        if (own?.frozen)
          return record({
            outcome: 'deny',
            message: `Agent ${caller.name} is frozen (by ${own.by} at ${iso(own.at)}: ${own.reason}). Its actions that change anything are denied until a human runs \`interlock unfreeze --agent ${caller.name}\`.`,
          });
      }

      if (local === 'deny')
        return record({ outcome: 'deny', message: body.decision.reasons.join('; ') || 'denied by policy' });

      if (local === 'require-approval') {
        const found = await tx.findOpenRequest(caller.id, body.digest);
        const open = found ? await this.current(tx, found, now, events) : undefined;
        if (open?.state === 'approved') {
          await tx.updateRequest(open.id, { state: 'consumed', consumedAt: now });
          const consumed: ApprovalRequest = { ...open, state: 'consumed', consumedAt: now };
          await tx.appendAudit({
            type: 'request.consumed',
            actor: caller.name,
            at: now,
            data: { requestId: open.id, digest: open.digest },
          });
          const view = await this.view(tx, consumed);
          events.push({ type: 'request.consumed', actor: caller.name, request: view });
          const by = view.approvals.map((a) => a.approver).join(', ');
          return record({
            outcome: 'allow',
            requestId: open.id,
            state: 'consumed',
            message: `Approved by ${by} (request ${open.id}). This approval is now used up: running the same action again needs a new approval.`,
          });
        }
        if (open?.state === 'pending') return record(await this.pendingReply(tx, open));

        const latest = await tx.findLatestRequest(caller.id, body.digest);
        if (latest?.state === 'denied' && now - (latest.decidedAt ?? 0) < this.expiryMs)
          return record({
            outcome: 'deny',
            requestId: latest.id,
            state: 'denied',
            message: `Request ${latest.id} for this exact action was denied by ${latest.decidedBy ?? 'an approver'}${latest.reason ? `: ${latest.reason}` : ''}. Do not retry it; ask the user how to proceed.`,
          });

        if (caller.kind === 'agent') {
          const tripped = await this.breakerTrips(tx, caller.name, body.digest, now, events);
          if (tripped) return record(tripped);
        }
        const request: ApprovalRequest = {
          id: newId('req'),
          digest: body.digest,
          state: 'pending',
          requester,
          approvalsRequired: Math.max(1, body.decision.approvals),
          // The agent's own account of itself travels with the request, for reviewers to read.
          action: caller.kind === 'agent' && body.agent ? { ...body.action, agent: body.agent } : body.action,
          assessment: body.assessment,
          decision: body.decision,
          createdAt: now,
          expiresAt: now + this.expiryMs,
        };
        if (body.decision.approverGroup) request.approverGroup = body.decision.approverGroup;
        await tx.insertRequest(request);
        await tx.appendAudit({
          type: 'request.created',
          actor: caller.name,
          at: now,
          data: {
            requestId: request.id,
            digest: request.digest,
            requester,
            approvalsRequired: request.approvalsRequired,
            approverGroup: request.approverGroup,
            action: summariseAction(body.action),
            environment: body.assessment.environment,
            agent: caller.kind === 'agent' ? body.agent : undefined,
            policies: body.decision.policies.map((p) => p.id),
          },
        });
        events.push({ type: 'request.created', actor: caller.name, request: toView(request, []) });
        return record(await this.pendingReply(tx, request));
      }

      if (destructive && caller.kind === 'agent') {
        const tripped = await this.breakerTrips(tx, caller.name, body.digest, now, events);
        if (tripped) return record(tripped);
      }
      return record({
        outcome: local,
        message: local === 'allow' ? 'allowed by policy' : 'policy asks the local user to confirm',
      });
    });
  }

  private async pendingReply(tx: Tx, request: ApprovalRequest): Promise<DecisionReply> {
    const given = counting(await tx.listApprovals(request.id)).length;
    const group = request.approverGroup;
    return {
      outcome: 'pending',
      requestId: request.id,
      state: 'pending',
      expiresAt: request.expiresAt,
      approvals: { required: request.approvalsRequired, given, ...(group ? { group } : {}) },
      message: `Request ${request.id} needs ${plural(request.approvalsRequired, 'approval')}${group ? ` from ${group}` : ''} (${given} so far); it expires at ${iso(request.expiresAt)}.`,
    };
  }

  /** Count this destructive action; past the limit, freeze the agent and say so. */
  private async breakerTrips(
    tx: Tx,
    agent: string,
    digest: string,
    now: number,
    events: ServerEvent[],
  ): Promise<DecisionReply | undefined> {
    const { maxDestructive, windowMs } = this.breaker;
    if (maxDestructive <= 0) return undefined;
    const recent = await tx.countActivity(canonicalName(agent), now - windowMs);
    if (recent < maxDestructive) {
      await tx.recordActivity(canonicalName(agent), now, digest);
      return undefined;
    }
    const minutes = Math.round(windowMs / 60000);
    const freeze: Freeze = {
      scope: agentScope(agent),
      frozen: true,
      at: now,
      by: BREAKER_ACTOR,
      reason: `more than ${maxDestructive} destructive actions in ${minutes} minutes`,
    };
    await tx.setFreeze(freeze);
    await tx.appendAudit({ type: 'agent.frozen', actor: BREAKER_ACTOR, at: now, data: { ...freeze } });
    events.push({ type: 'agent.frozen', actor: BREAKER_ACTOR, freeze });
    return {
      outcome: 'deny',
      message: `Agent ${agent} asked for more than ${maxDestructive} destructive actions in ${minutes} minutes, so the circuit breaker froze it. Stop and tell the user; a human must run \`interlock unfreeze --agent ${agent}\` before it can change anything again.`,
    };
  }

  private async lockedRequest(
    tx: Tx,
    id: string,
    now: number,
    events: ServerEvent[],
  ): Promise<ApprovalRequest> {
    const found = await tx.getRequest(id);
    if (!found)
      throw new ServiceError(
        404,
        'not-found',
        `no request ${id}; \`interlock approvals list\` shows the open ones`,
      );
    return this.current(tx, found, now, events);
  }

  async approve(caller: Identity, id: string, comment?: string, via: Via = API): Promise<VoteReply> {
    requireHuman(caller, 'approve');
    const now = this.now();
    return this.run(async (tx, events) => {
      const request = await this.lockedRequest(tx, id, now, events);
      if (sameName(caller.name, request.requester.name))
        throw new ServiceError(403, 'own-request', `you made request ${id}; someone else must approve it`);
      if (sameName(caller.name, request.requester.actsFor))
        throw new ServiceError(
          403,
          'own-agent',
          `${request.requester.name} made request ${id} on your behalf; someone other than you must approve it`,
        );
      if (request.approverGroup && !caller.groups.some((g) => sameName(g, request.approverGroup)))
        throw new ServiceError(
          403,
          'wrong-group',
          `request ${id} needs approvers from ${request.approverGroup}, and ${caller.name} is not in it (groups: ${caller.groups.join(', ') || 'none'}); an approval from outside the group does not count`,
        );
      if (request.state !== 'pending')
        throw new ServiceError(
          409,
          `already-${request.state}`,
          `request ${id} is ${request.state}; it cannot be approved now`,
        );
      const already = counting(await tx.listApprovals(id)).some((a) => sameName(a.approver, caller.name));
      const inserted =
        !already &&
        (await tx.insertApproval({
          requestId: id,
          approver: canonicalName(caller.name),
          tokenId: caller.id,
          groups: caller.groups,
          ...(comment ? { comment } : {}),
          at: now,
        }));
      const approvals = counting(await tx.listApprovals(id));
      if (!inserted)
        return {
          counted: false,
          message: `you already approved request ${id}; one person counts once (${approvals.length} of ${request.approvalsRequired})`,
          request: toView(request, approvals),
        };
      await tx.appendAudit({
        type: 'approval',
        actor: caller.name,
        at: now,
        data: {
          requestId: id,
          digest: request.digest,
          tokenId: caller.id,
          groups: caller.groups,
          comment,
          ...via,
        },
      });
      let current = request;
      if (approvals.length >= request.approvalsRequired) {
        const patch = { state: 'approved' as const, approvedAt: now, expiresAt: now + this.expiryMs };
        await tx.updateRequest(id, patch);
        current = { ...request, ...patch };
        await tx.appendAudit({
          type: 'request.approved',
          actor: caller.name,
          at: now,
          data: {
            requestId: id,
            digest: request.digest,
            approvers: approvals.map((a) => a.approver),
            ...via,
          },
        });
        events.push({ type: 'request.approved', actor: caller.name, request: toView(current, approvals) });
      }
      const left = request.approvalsRequired - approvals.length;
      return {
        counted: true,
        message:
          left > 0
            ? `approval counted (${approvals.length} of ${request.approvalsRequired}); ${plural(left, 'more approval')} needed`
            : `request ${id} is approved; the identical action may now run once, until ${iso(current.expiresAt)}`,
        request: toView(current, approvals),
      };
    });
  }

  async deny(caller: Identity, id: string, reason: string, via: Via = API): Promise<VoteReply> {
    requireHuman(caller, 'deny');
    const now = this.now();
    return this.run(async (tx, events) => {
      const request = await this.lockedRequest(tx, id, now, events);
      if (request.state !== 'pending' && request.state !== 'approved')
        throw new ServiceError(
          409,
          `already-${request.state}`,
          `request ${id} is ${request.state}; there is nothing to deny`,
        );
      const patch = { state: 'denied' as const, decidedAt: now, decidedBy: caller.name, reason };
      await tx.updateRequest(id, patch);
      await tx.appendAudit({
        type: 'request.denied',
        actor: caller.name,
        at: now,
        data: { requestId: id, digest: request.digest, reason, was: request.state, ...via },
      });
      const view = await this.view(tx, { ...request, ...patch });
      events.push({ type: 'request.denied', actor: caller.name, request: view });
      return { counted: true, message: `request ${id} is denied`, request: view };
    });
  }

  /**
   * The token that made a request withdraws it, or the human it acts for (or, for a human's own request,
   * that person with any of their tokens). Another token carrying the same agent name cannot.
   */
  async cancel(caller: Identity, id: string, reason?: string): Promise<VoteReply> {
    const now = this.now();
    return this.run(async (tx, events) => {
      const request = await this.lockedRequest(tx, id, now, events);
      const r = request.requester;
      const mine =
        caller.id === r.tokenId ||
        (caller.kind === 'human' &&
          (sameName(caller.name, r.actsFor) || (r.kind === 'human' && sameName(caller.name, r.name))));
      if (!mine)
        throw new ServiceError(
          403,
          'not-yours',
          `only the token that made ${id} (${r.kind} ${r.name}${r.actsFor ? ` for ${r.actsFor}` : ''}), or the human it acts for, can cancel it`,
        );
      if (request.state !== 'pending' && request.state !== 'approved')
        throw new ServiceError(
          409,
          `already-${request.state}`,
          `request ${id} is ${request.state}; there is nothing to cancel`,
        );
      const patch = {
        state: 'cancelled' as const,
        decidedAt: now,
        decidedBy: caller.name,
        ...(reason ? { reason } : {}),
      };
      await tx.updateRequest(id, patch);
      await tx.appendAudit({
        type: 'request.cancelled',
        actor: caller.name,
        at: now,
        data: { requestId: id, digest: request.digest, reason },
      });
      const view = await this.view(tx, { ...request, ...patch });
      events.push({ type: 'request.cancelled', actor: caller.name, request: view });
      return { counted: true, message: `request ${id} is cancelled`, request: view };
    });
  }

  /** What an action did once it ran (the agent's post-tool hook reports it): appended to the audit log. */
  async recordExecution(caller: Identity, body: ExecutionInput): Promise<{ seq: number }> {
    const now = this.now();
    // The entry's seq is known once the transaction has committed (PostgreSQL numbers it then).
    const entry = await this.run(async (tx) => {
      if (body.requestId) {
        const request = await tx.getRequest(body.requestId);
        if (!request || request.requester.tokenId !== caller.id || request.digest !== body.digest)
          throw new ServiceError(
            404,
            'not-found',
            `no request ${body.requestId} of ${caller.name} for this action`,
          );
      }
      return tx.appendAudit({
        type: 'execution',
        actor: caller.name,
        at: now,
        data: {
          requester: {
            kind: caller.kind,
            name: caller.name,
            ...(caller.actsFor ? { actsFor: caller.actsFor } : {}),
          },
          tokenId: caller.id,
          digest: body.digest,
          requestId: body.requestId,
          exitCode: body.exitCode,
          signal: body.signal,
          durationMs: body.durationMs,
          result:
            body.result ??
            (body.exitCode === undefined ? 'unknown' : body.exitCode === 0 ? 'succeeded' : 'failed'),
          credentials: body.credentials,
        },
      });
    });
    return { seq: entry.seq };
  }

  /** The kill switch (no agent given) or one agent's freeze. Humans only. */
  async setFrozen(
    caller: Identity,
    frozen: boolean,
    options: { agent?: string; reason?: string } = {},
  ): Promise<Freeze> {
    requireHuman(caller, frozen ? 'freeze' : 'unfreeze');
    const now = this.now();
    const scope = options.agent ? agentScope(options.agent) : GLOBAL;
    return this.run(async (tx, events) => {
      const freeze: Freeze = {
        scope,
        frozen,
        at: now,
        by: caller.name,
        reason: options.reason ?? (frozen ? 'frozen by hand' : 'unfrozen by hand'),
      };
      await tx.setFreeze(freeze);
      if (!frozen && options.agent) await tx.clearActivity(canonicalName(options.agent));
      const type = options.agent
        ? frozen
          ? 'agent.frozen'
          : 'agent.unfrozen'
        : frozen
          ? 'freeze'
          : 'unfreeze';
      await tx.appendAudit({ type, actor: caller.name, at: now, data: { ...freeze } });
      events.push({ type, actor: caller.name, freeze });
      return freeze;
    });
  }

  /** Expire what is overdue and forget breaker counts older than the window (the server runs it each minute). */
  async sweep(): Promise<number> {
    const now = this.now();
    return this.run(async (tx, events) => {
      const overdue = await tx.listOverdue(now, 200);
      for (const r of overdue) await this.expireIfDue(tx, r, now, events);
      await tx.pruneActivity(now - Math.max(this.breaker.windowMs, 60_000) * 2);
      return overdue.length;
    });
  }

  /** Humans see every request; an agent sees those its own token made. */
  async getRequest(caller: Identity, id: string): Promise<RequestView> {
    const request = await this.store.getRequest(id);
    if (!request || (caller.kind === 'agent' && request.requester.tokenId !== caller.id))
      throw new ServiceError(404, 'not-found', `no request ${id}`);
    return toView(request, await this.store.listApprovals(id));
  }

  async listRequests(caller: Identity, filter: RequestFilter): Promise<RequestView[]> {
    const requests = await this.store.listRequests({
      ...filter,
      ...(caller.kind === 'agent' ? { requesterToken: caller.id } : {}),
    });
    return Promise.all(requests.map(async (r) => toView(r, await this.store.listApprovals(r.id))));
  }

  async status(): Promise<StatusReply> {
    const freezes = await this.store.listFreezes();
    const global = freezes.find((f) => f.scope === GLOBAL && f.frozen);
    const pending = await this.store.listRequests({ states: ['pending'], limit: 1000 });
    return {
      store: this.store.kind,
      ...(global ? { frozen: global } : {}),
      frozenAgents: freezes.filter((f) => f.scope.startsWith('agent:') && f.frozen),
      pending: pending.filter((r) => r.expiresAt > this.now()).length,
    };
  }
}

function requireHuman(caller: Identity, verb: string): void {
  if (caller.kind !== 'human')
    throw new ServiceError(
      403,
      'humans-only',
      `agents cannot ${verb}; use a human's token (interlock token create --human NAME)`,
    );
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The part of an action worth keeping in every audit entry (the full assessment lives in the request). */
function summariseAction(action: DecisionInput['action']): Record<string, unknown> {
  return {
    kind: action.kind,
    command: action.command?.slice(0, 2000),
    cwd: action.cwd,
    file: action.file,
    sha256: action.sha256,
    summary: action.summary,
  };
}

function toView(request: ApprovalRequest, approvals: Approval[]): RequestView {
  const gone = withdrawn(approvals);
  return {
    ...(request as Omit<RequestView, 'approvals'>),
    approvals: counting(approvals).map((a) => ({
      approver: a.approver,
      at: a.at,
      ...(a.comment ? { comment: a.comment } : {}),
    })),
    ...(gone.length ? { withdrawn: gone.map((a) => ({ approver: a.approver, at: a.at })) } : {}),
  } as RequestView;
}
