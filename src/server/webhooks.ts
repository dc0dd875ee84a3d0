import { actionLine, approversNeeded, blastRadius, forPeople, requesterLine } from '../approvals/view.js';
import { withoutSecrets } from './outgoing-text.js';
import type { ServerEvent } from './service.js';
import { section, slackText, voteButtons, type Block } from './slack/blocks.js';

// Outgoing webhooks: a Slack-compatible JSON body ({text, blocks}, plus an `interlock` object with the
// event for other receivers), posted after the change is committed. With Slack interactivity set up
// (`buttons`), a request waiting for votes carries Approve/Deny buttons (src/server/slack/). Deliveries run in the background with
// retries and exponential backoff; the decision path only enqueues, it never waits for a delivery.

export interface WebhookOptions {
  url: string;
  /** Attempts per event, the first included (default 6: about 1 minute of retrying). */
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  /** Events waiting beyond this are dropped, oldest first (and logged). */
  maxQueue?: number;
  log?: (line: string) => void;
  fetch?: typeof fetch;
  /** Add Approve/Deny buttons to requests that wait for votes (the server answers them at /slack/actions). */
  buttons?: boolean;
}

interface WebhookBody {
  text: string;
  blocks: Block[];
  interlock: { event: string; actor: string; requestId?: string; state?: string; scope?: string };
}

const code = (s: string) => `\`${s.replace(/`/g, "'").slice(0, 300)}\``;

/** The message for an event; also what replaces a clicked Slack message (src/server/slack/updates.ts). */
export function webhookBody(event: ServerEvent, buttons: boolean): WebhookBody {
  let text: string;
  let interlock: WebhookBody['interlock'];
  if ('request' in event) {
    const r = forPeople(event.request);
    const radius = blastRadius(r);
    const what = `${requesterLine(r)} wants to run ${code(actionLine(r))} in *${r.assessment.environment}* (${radius.effects} effect${radius.effects === 1 ? '' : 's'}, ${radius.destructive} destructive, ${radius.irreversible} irreversible)`;
    const head: Record<typeof event.type, string> = {
      'request.created': `:warning: *Approval needed* (${r.id}): ${what}. Needs ${approversNeeded(r)}. Review: ${code(`interlock approvals show ${r.id}`)}`,
      'request.approved': `:white_check_mark: *Approved* (${r.id}) by ${r.approvals.map((a) => a.approver).join(', ')}: ${what}. It may run once.`,
      'request.denied': `:no_entry: *Denied* (${r.id}) by ${r.decidedBy ?? '?'}${r.reason ? `: ${r.reason}` : ''}. ${what}.`,
      'request.cancelled': `*Cancelled* (${r.id}) by ${r.decidedBy ?? '?'}. ${what}.`,
      'request.expired': `*Expired* (${r.id}) with ${r.approvals.length} of ${r.approvalsRequired} approvals. ${what}.`,
      'request.consumed': `*Used* (${r.id}): the approved action ran once. ${what}.`,
      'request.reopened': `:warning: *Approval withdrawn* (${r.id}): ${(r.withdrawn ?? []).map((a) => a.approver).join(', ') || 'an approver'}'s token was revoked, so it needs ${approversNeeded(r)} again (${r.approvals.length} given). ${what}.`,
    };
    text = head[event.type];
    interlock = { event: event.type, actor: event.actor, requestId: r.id, state: r.state };
  } else {
    const f = event.freeze;
    const who = f.scope === 'global' ? 'every agent' : f.scope.replace(/^agent:/, 'agent ');
    text =
      event.type === 'freeze'
        ? `:octagonal_sign: *Interlock frozen* by ${f.by}: ${f.reason}. Every non-read action of every agent is denied until \`interlock unfreeze\`.`
        : event.type === 'unfreeze'
          ? `*Interlock unfrozen* by ${f.by}.`
          : event.type === 'agent.frozen'
            ? `:octagonal_sign: *${who} frozen* by ${f.by}: ${f.reason}. Reset: ${code(`interlock unfreeze --agent ${f.scope.replace(/^agent:/, '')}`)}`
            : `*${who} unfrozen* by ${f.by}.`;
    interlock = { event: event.type, actor: event.actor, scope: f.scope };
  }
  text = slackText(withoutSecrets(text));
  const votes = buttons && 'request' in event && event.request.state === 'pending';
  return {
    text,
    blocks: [section(text), ...(votes ? [voteButtons(event.request)] : [])],
    interlock,
  };
}

interface Delivery {
  body: string;
  attempt: number;
  event: string;
}

export class WebhookDispatcher {
  private readonly queue: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private closed = false;
  delivered = 0;
  failed = 0;

  constructor(private readonly options: WebhookOptions) {}

  /** Enqueue; returns at once. */
  send(event: ServerEvent): void {
    if (this.closed) return;
    const max = this.options.maxQueue ?? 1000;
    if (this.queue.length >= max) {
      const dropped = this.queue.shift();
      this.options.log?.(`webhook queue full: dropped ${dropped?.event}`);
    }
    this.queue.push({
      body: JSON.stringify(webhookBody(event, this.options.buttons ?? false)),
      attempt: 0,
      event: event.type,
    });
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < 4 && this.queue.length) {
      const d = this.queue.shift()!;
      this.inFlight++;
      void this.deliver(d).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async deliver(d: Delivery): Promise<void> {
    d.attempt++;
    const doFetch = this.options.fetch ?? fetch;
    let problem: string;
    try {
      const res = await doFetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: d.body,
        // A redirect is not followed: the configured URL is the only place the server posts to, so a
        // receiver cannot bounce it to an address inside the network (169.254.169.254, localhost…).
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        this.delivered++;
        return;
      }
      if (res.status >= 300 && res.status < 400) {
        this.failed++;
        this.options.log?.(
          `webhook ${d.event} answered with a redirect (HTTP ${res.status}), which is not followed; set the webhook URL to where it points`,
        );
        return;
      }
      problem = `HTTP ${res.status}`;
      // A 4xx other than 408/429 will not get better by retrying.
      if (res.status < 500 && res.status !== 408 && res.status !== 429) {
        this.failed++;
        this.options.log?.(`webhook ${d.event} refused (${problem}); not retried`);
        return;
      }
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (d.attempt >= (this.options.maxAttempts ?? 6) || this.closed) {
      this.failed++;
      this.options.log?.(`webhook ${d.event} failed after ${d.attempt} attempts (${problem})`);
      return;
    }
    const base = this.options.baseDelayMs ?? 1000;
    const delay = base * 2 ** (d.attempt - 1) * (0.75 + Math.random() * 0.5);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.unshift(d);
      this.pump();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Stop retrying; deliveries in flight finish or time out on their own. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  get pending(): number {
    return this.queue.length + this.inFlight + this.timers.size;
  }
}
