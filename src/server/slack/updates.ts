import type { ServerEvent } from '../service.js';
import { webhookBody } from '../webhooks.js';
import { postReply, type SlackReply } from './respond.js';

// A Slack message with buttons goes stale when its request changes elsewhere: it expires, is denied in
// the console, is used, or an approval is withdrawn. Slack lets the app replace a message through the
// response_url of a click on it (30 minutes, 5 uses), with no bot token to keep. So the server keeps the
// newest response_url of each request's message, in memory, and replaces the message on each later
// event. A message nobody clicked, or clicked more than 30 minutes ago, is not updated (the webhook still
// posts each event as a new message); nor is one clicked at another replica.

const SLACK_URL_LIFETIME_MS = 30 * 60_000;
const SLACK_URL_USES = 5;
const FINAL = new Set(['denied', 'cancelled', 'expired', 'consumed']);

interface Kept {
  url: URL;
  since: number;
  uses: number;
}

export interface SlackUpdateOptions {
  now?: () => number;
  log?: (line: string) => void;
  /** How a replacement is sent (default: a POST to the response_url). */
  post?: (url: URL, reply: SlackReply) => Promise<void>;
}

export class SlackMessageUpdates {
  private readonly kept = new Map<string, Kept>();
  private readonly now: () => number;
  private readonly post: (url: URL, reply: SlackReply) => Promise<void>;

  constructor(private readonly options: SlackUpdateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.post = options.post ?? ((url, reply) => postReply(url, reply));
  }

  /** Before a click votes: its own reply will say the outcome, so the vote's event must not. */
  forget(requestId: string): void {
    this.kept.delete(requestId);
  }

  /** After a click was answered through this response_url (one of its uses). */
  remember(requestId: string, url: URL): void {
    this.kept.set(requestId, { url, since: this.now(), uses: 1 });
  }

  /** A later change to a request replaces its message; the buttons stay only while it is pending. */
  onEvent(event: ServerEvent): void {
    if (!('request' in event) || event.type === 'request.created') return;
    const id = event.request.id;
    const kept = this.kept.get(id);
    if (!kept) return;
    if (FINAL.has(event.request.state)) this.kept.delete(id);
    if (this.now() - kept.since > SLACK_URL_LIFETIME_MS || kept.uses >= SLACK_URL_USES) {
      this.kept.delete(id);
      return;
    }
    kept.uses++;
    const { text, blocks } = webhookBody(event, true);
    this.post(kept.url, { replace_original: true, text, blocks }).catch((error: unknown) =>
      this.options.log?.(`slack message for ${id} not updated: ${(error as Error).message}`),
    );
  }
}
