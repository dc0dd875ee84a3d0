import { run } from '../../app/pipeline.js';
import type { Runtime } from '../../app/runtime.js';
import { osUser } from '../../audit/actor.js';
import type { Principal } from '../../core/decide.js';
import { localFacts } from '../local-facts.js';
import { finalVerdict, productionScoped } from '../hooks/final-verdict.js';
import type { CallVerdict, ClientInfo, RanCall, ToolCall } from './relay.js';
import { recordExecution } from '../../audit/local.js';

// One tool call through the action pipeline (assess, place, decide, the approval server, the audit log), as
// the hooks do it, and what the relay does with the result. The server's name and command line come from
// the agent's MCP configuration, which the agent can edit: they are hints to judge by (a name like
// "postgres-prod" raises), never a reason to trust a call more.

export interface ProxiedServer {
  /** The name the agent's configuration gives the server ("postgres-prod"). */
  name: string;
  /** How the proxy started it: the server acts with this command line and environment. */
  launch: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /**
   * Set when Interlock runs as its own user here (setup --system): the proxy runs as the agent's user, with
   * configuration that user can edit, so what it decides alone may not reach production.
   */
  untrusted?: string;
}

/** Client names are the agent's to choose: kept as a short printable label for the audit log. */
function clientLabel(client: ClientInfo): string {
  const name = (client.name ?? '').replace(/[^\w.@/-]+/g, '-').slice(0, 64);
  return name || 'mcp-client';
}

function principalOf(client: ClientInfo, env: Record<string, string>): Principal {
  return { type: 'Agent', id: clientLabel(client), vendor: 'mcp', actsFor: osUser(env) };
}

/**
 * After the server answered a call the proxy let through: an `execution` entry linked to its decision by
 * digest, with the user who confirmed it when Interlock asked. Failures go to stderr; they never fail the call.
 */
export function executionRecorder(server: ProxiedServer) {
  return (done: RanCall): void => {
    const principal = principalOf(done.client, server.env);
    void recordExecution(
      {
        principal,
        kind: 'mcp-call',
        command: `${server.name} ${done.call.name}`,
        cwd: server.cwd,
        result: done.result,
        durationMs: done.durationMs,
        ...(done.digest ? { digest: done.digest } : {}),
        ...(done.confirmed
          ? { confirmedBy: `${principal.actsFor ?? 'the user'} (asked through MCP elicitation)` }
          : {}),
      },
      { env: server.env, via: `mcp-proxy:${server.name}` },
    ).then((r) => {
      if (!r.ok) process.stderr.write(`interlock mcp-proxy: the execution was not recorded (${r.message})\n`);
    });
  };
}

/** The judge the relay asks: `runtime()` gives the policies and parsers in force now (reloaded on edits). */
export function pipelineJudge(server: ProxiedServer, runtime: () => Promise<Runtime>) {
  return async (call: ToolCall, client: ClientInfo): Promise<CallVerdict> => {
    const rt = await runtime();
    const proposal = {
      kind: 'mcp-call' as const,
      call: {
        server: server.name,
        tool: call.name,
        args: call.args,
        launch: [...server.launch],
        ...(call.declares ? { declares: call.declares } : {}),
      },
    };
    const final = await run(
      proposal,
      localFacts({ cwd: server.cwd, env: server.env }),
      principalOf(client, server.env),
      rt,
      { via: `mcp-proxy:${server.name}`, env: server.env },
    );
    if (server.untrusted && productionScoped(final))
      return {
        outcome: 'deny',
        message: `Interlock blocked this production-scoped MCP call: ${server.untrusted}. Tell the user; do not work around it.`,
      };
    const verdict = finalVerdict(final, `this MCP call (${server.name} ${call.name})`);
    const problems = rt.problems.length ? ` (Interlock's configuration: ${rt.problems.join('; ')})` : '';
    const digest = final.binding.digest;
    switch (verdict.outcome) {
      case 'allow':
      case 'pass':
        return { outcome: 'allow', digest };
      case 'ask':
        return {
          outcome: 'ask',
          digest,
          question: verdict.userMessage,
          refusal: client.canAsk
            ? `The user did not confirm this call, so Interlock blocked it. ${verdict.detail ?? ''} Do not retry it in another form; ask the user how to proceed.`
            : `Interlock blocked this call: it needs the user's confirmation, and this MCP client cannot ask (it does not offer MCP elicitation). ${verdict.agentMessage}${problems}`,
        };
      case 'deny':
        return { outcome: 'deny', message: `${verdict.agentMessage}${problems}` };
    }
  };
}
