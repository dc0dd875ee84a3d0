import { z } from 'zod';
import {
  DecisionReply,
  ErrorReply,
  ExecutionBody,
  FreezeView,
  RequestList,
  RequestView,
  StatusReply,
  VoteReply,
  WhoamiReply,
  type DecisionBody,
} from './api.js';
import { CheckpointStored, LatestCheckpoint, type CheckpointInput } from './checkpoint-api.js';
import { ClientError } from './client-error.js';

export { ClientError };

export interface ClientOptions {
  /** Per call (default 10 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The approval server's JSON API over HTTP, with every answer checked against its schema. */
export class ApprovalClient {
  readonly url: string;

  constructor(
    url: string,
    private readonly token: string,
    private readonly options: ClientOptions = {},
  ) {
    this.url = url.replace(/\/+$/, '');
  }

  private async call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const doFetch = this.options.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const why =
        error instanceof Error
          ? error.name === 'TimeoutError'
            ? 'timed out'
            : error.message
          : String(error);
      throw new ClientError(`cannot reach the approval server at ${this.url} (${cause ?? why})`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ClientError(
        `the approval server at ${this.url} answered HTTP ${res.status} without JSON`,
        res.status,
      );
    }
    if (!res.ok) {
      const err = ErrorReply.safeParse(json);
      throw new ClientError(
        err.success ? err.data.error : `HTTP ${res.status}`,
        res.status,
        err.success ? err.data.code : undefined,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ClientError(
        `the approval server answered ${method} ${path} with something unexpected (${parsed.error.issues[0]?.message}); are client and server the same version?`,
        res.status,
      );
    return parsed.data;
  }

  decide(body: DecisionBody) {
    return this.call('POST', '/v1/decisions', DecisionReply, body);
  }
  reportExecution(body: z.input<typeof ExecutionBody>) {
    return this.call('POST', '/v1/executions', z.object({ seq: z.number() }), body);
  }
  getRequest(id: string) {
    return this.call('GET', `/v1/requests/${encodeURIComponent(id)}`, RequestView);
  }
  async listRequests(query: { states?: string[]; limit?: number } = {}) {
    const params = new URLSearchParams();
    if (query.states?.length) params.set('state', query.states.join(','));
    if (query.limit) params.set('limit', String(query.limit));
    const qs = params.toString();
    return (await this.call('GET', `/v1/requests${qs ? `?${qs}` : ''}`, RequestList)).requests;
  }
  approve(id: string, comment?: string) {
    return this.call(
      'POST',
      `/v1/requests/${encodeURIComponent(id)}/approve`,
      VoteReply,
      comment ? { comment } : {},
    );
  }
  deny(id: string, reason: string) {
    return this.call('POST', `/v1/requests/${encodeURIComponent(id)}/deny`, VoteReply, { reason });
  }
  cancel(id: string, reason?: string) {
    return this.call(
      'POST',
      `/v1/requests/${encodeURIComponent(id)}/cancel`,
      VoteReply,
      reason ? { reason } : {},
    );
  }
  async setFrozen(frozen: boolean, options: { agent?: string; reason?: string } = {}) {
    return (
      await this.call(
        'POST',
        frozen ? '/v1/freeze' : '/v1/unfreeze',
        z.object({ freeze: FreezeView }),
        options,
      )
    ).freeze;
  }
  status() {
    return this.call('GET', '/v1/status', StatusReply);
  }
  whoami() {
    return this.call('GET', '/v1/whoami', WhoamiReply);
  }
  /** Send a signed checkpoint of this machine's audit log to the server (its outside witness). */
  sendCheckpoint(body: CheckpointInput) {
    return this.call('POST', '/v1/checkpoints', CheckpointStored, body);
  }
  /** The newest checkpoint the server holds for this log, and the seq and hash of every one. */
  checkpoints(log: string) {
    return this.call('GET', `/v1/checkpoints?log=${encodeURIComponent(log)}`, LatestCheckpoint);
  }
}
