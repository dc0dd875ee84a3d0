import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

// The MCP proxy's relay: every JSON-RPC message passes between the agent (the MCP client) and the server it
// started, unchanged, except `tools/call`. A tool call is held until Interlock has judged it, then forwarded,
// put to the user (MCP elicitation, when the client offers it), or answered with a tool error that says why
// it was blocked. Everything else (resources, prompts, sampling, notifications, the server's own requests)
// passes as it is: the proxy must not break what it does not judge.

/** What Interlock concluded about one tool call. */
export type CallVerdict =
  | { outcome: 'allow'; digest?: string }
  | { outcome: 'ask'; question: string; refusal: string; digest?: string }
  | { outcome: 'deny'; message: string };

/** A forwarded call, once the server answered it. */
export interface RanCall {
  call: ToolCall;
  client: ClientInfo;
  /** The decision's digest, linking this to it in the audit log. */
  digest?: string;
  /** The user said yes to it (MCP elicitation). */
  confirmed: boolean;
  result: 'succeeded' | 'failed';
  durationMs: number;
}

export interface ToolCall {
  name: string;
  args: unknown;
  /** The argument names the tool's input schema declares, as the server listed it (tools/list). */
  declares?: string[];
}

export interface ClientInfo {
  name?: string;
  /** The client declared MCP elicitation: the proxy can ask its user. */
  canAsk: boolean;
}

export interface RelayOptions {
  /** Judge one tool call. A throw blocks the call with the reason (fail closed). */
  judge(call: ToolCall, client: ClientInfo): Promise<CallVerdict>;
  /** After the server answered a forwarded call (for the audit log). Must not throw. */
  ran?(done: RanCall): void;
}

// Input boundary: the agent's messages are only what the SDK's transport validated as JSON-RPC.
const CallParams = z.object({ name: z.string().min(1), arguments: z.unknown().optional() }).loose();
const InitializeParams = z
  .object({
    capabilities: z.object({ elicitation: z.unknown().optional() }).loose().optional(),
    clientInfo: z.object({ name: z.string().optional() }).loose().optional(),
  })
  .loose();
const ToolList = z.object({
  tools: z.array(
    z
      .object({
        name: z.string(),
        inputSchema: z
          .object({ properties: z.record(z.string(), z.unknown()).optional() })
          .loose()
          .optional(),
      })
      .loose(),
  ),
});
const ElicitResult = z
  .object({
    action: z.enum(['accept', 'decline', 'cancel']),
    content: z.object({ confirm: z.unknown().optional() }).loose().optional(),
  })
  .loose();

/**
 * The requests a client may send a server in the MCP specification (2025-11-25). Anything else could be a
 * server's own method that acts without being judged: it is refused, not passed.
 */
const CLIENT_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'tasks/get',
  'tasks/result',
  'tasks/list',
  'tasks/cancel',
]);

/** The notifications a client may send a server (the specification's; a server's own could act unjudged). */
const CLIENT_NOTIFICATIONS = new Set([
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
  'notifications/tasks/status',
]);

const isRequest = (m: JSONRPCMessage): m is Extract<JSONRPCMessage, { method: string; id: RequestId }> =>
  'method' in m && 'id' in m;
const isResponse = (m: JSONRPCMessage): m is Extract<JSONRPCMessage, { id: RequestId }> =>
  !('method' in m) && 'id' in m;

/** A tool result that the model reads as a failure of the call (MCP: errors in the result, not protocol). */
function toolError(id: RequestId, text: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }], isError: true } };
}

/**
 * Relay between `agent` (the proxy is its server) and `server` (the proxy is its client): starts both (the
 * server first: it is a child process that may fail to start) and resolves when either closes.
 */
export async function relay(agent: Transport, server: Transport, options: RelayOptions): Promise<void> {
  const client: ClientInfo = { canAsk: false };
  /** The proxy's own requests to the client (elicitations), by id: ids no server request can take. */
  const asking = new Map<string, (answer: unknown) => void>();
  const cancelled = new Set<RequestId>();
  /** What each tool's schema declares, from the server's answers to tools/list (pages add up). */
  const declared = new Map<string, string[]>();
  const listing = new Set<RequestId>();
  /** Tool calls forwarded and not yet answered, by the agent's request id. */
  const running = new Map<RequestId, Omit<RanCall, 'result' | 'durationMs' | 'client'> & { start: number }>();
  let nextAsk = 0;
  const prefix = `interlock-${process.pid}-${Date.now().toString(36)}-`;

  const toAgent = (m: JSONRPCMessage) => agent.send(m).catch(() => undefined);
  const toServer = (m: JSONRPCMessage) => server.send(m).catch(() => undefined);

  function ask(question: string): Promise<boolean> {
    const id = `${prefix}${nextAsk++}`;
    return new Promise((resolve) => {
      asking.set(id, (answer) => {
        const parsed = ElicitResult.safeParse(answer);
        resolve(parsed.success && parsed.data.action === 'accept' && parsed.data.content?.confirm === true);
      });
      void toAgent({
        jsonrpc: '2.0',
        id,
        method: 'elicitation/create',
        params: {
          message: question,
          requestedSchema: {
            type: 'object',
            properties: {
              confirm: {
                type: 'boolean',
                title: 'Run this tool call',
                description: 'Tick to let it run; leave it unticked or decline to block it.',
              },
            },
            required: ['confirm'],
          },
        },
      });
    });
  }

  async function toolCall(request: Extract<JSONRPCMessage, { method: string; id: RequestId }>) {
    const params = CallParams.safeParse(request.params);
    if (!params.success) {
      await toAgent(toolError(request.id, 'Interlock blocked a tools/call without a tool name.'));
      return;
    }
    const schema = declared.get(params.data.name);
    const call = {
      name: params.data.name,
      args: params.data.arguments ?? {},
      ...(schema ? { declares: schema } : {}),
    };
    let verdict: CallVerdict;
    try {
      verdict = await options.judge(call, client);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      verdict = {
        outcome: 'deny',
        message: `Interlock could not check this tool call (${reason}), so it was blocked.`,
      };
    }
    const digest = verdict.outcome === 'deny' ? undefined : verdict.digest;
    let confirmed = false;
    if (verdict.outcome === 'ask') {
      confirmed = client.canAsk && (await ask(verdict.question));
      verdict = confirmed ? { outcome: 'allow' } : { outcome: 'deny', message: verdict.refusal };
    }
    if (cancelled.delete(request.id)) return;
    if (verdict.outcome !== 'allow') return void (await toAgent(toolError(request.id, verdict.message)));
    running.set(request.id, { call, confirmed, start: Date.now(), ...(digest ? { digest } : {}) });
    await toServer(request);
  }

  agent.onmessage = (m) => {
    if ('method' in m && !('id' in m) && !CLIENT_NOTIFICATIONS.has(m.method)) return;
    if (isRequest(m) && !CLIENT_METHODS.has(m.method)) {
      void toAgent({
        jsonrpc: '2.0',
        id: m.id,
        error: {
          code: -32601,
          message: `Interlock's MCP proxy does not pass ${m.method.slice(0, 100)}: only the methods of the MCP specification go through, so that every action is judged.`,
        },
      });
      return;
    }
    if (isResponse(m) && typeof m.id === 'string' && asking.has(m.id)) {
      const settle = asking.get(m.id)!;
      asking.delete(m.id);
      settle('result' in m ? m.result : undefined);
      return;
    }
    if (isRequest(m) && m.method === 'tools/call') return void toolCall(m);
    if (isRequest(m) && m.method === 'tools/list') listing.add(m.id);
    if (isRequest(m) && m.method === 'initialize') {
      const init = InitializeParams.safeParse(m.params);
      if (init.success) {
        client.canAsk = init.data.capabilities?.elicitation !== undefined;
        if (init.data.clientInfo?.name) client.name = init.data.clientInfo.name;
      }
    }
    if ('method' in m && m.method === 'notifications/cancelled') {
      const id = (m.params as { requestId?: RequestId } | undefined)?.requestId;
      if (id !== undefined) cancelled.add(id);
    }
    void toServer(m);
  };
  server.onmessage = (m) => {
    // A response settles the request it answers; cancellation marks are kept only for held calls.
    if (isResponse(m)) {
      cancelled.delete(m.id);
      if (listing.delete(m.id) && 'result' in m) {
        const list = ToolList.safeParse(m.result);
        if (list.success)
          for (const tool of list.data.tools)
            declared.set(tool.name, Object.keys(tool.inputSchema?.properties ?? {}));
      }
      const ran = running.get(m.id);
      if (ran) {
        running.delete(m.id);
        const { start, ...rest } = ran;
        const failed = !('result' in m) || (m.result as { isError?: unknown }).isError === true;
        options.ran?.({
          ...rest,
          client,
          result: failed ? 'failed' : 'succeeded',
          durationMs: Date.now() - start,
        });
      }
    }
    void toAgent(m);
  };

  const done = new Promise<void>((resolve) => {
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      for (const settle of asking.values()) settle(undefined);
      void Promise.allSettled([agent.close(), server.close()]).then(() => resolve());
    };
    agent.onclose = close;
    server.onclose = close;
  });
  await server.start();
  await agent.start();
  return done;
}
