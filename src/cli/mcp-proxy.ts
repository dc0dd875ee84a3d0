import { basename, resolve } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { executionRecorder, pipelineJudge } from '../adapters/mcp/judge.js';
import { relay } from '../adapters/mcp/relay.js';
import { createReloadingRuntime } from '../app/reloading-runtime.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { stringEnv } from '../daemon/forwardable-env.js';
import { systemMode } from '../daemon/system-trust.js';

// `interlock mcp-proxy -- SERVER…`: the agent starts this instead of the MCP server; it starts the server
// with the same environment and relays (src/adapters/mcp/relay.ts), judging each tool call on the way.
// Diagnostics go to stderr: stdout carries the protocol.

export async function runMcpProxy(
  command: string[],
  options: { name?: string; cwd?: string },
): Promise<number> {
  const [program, ...args] = command;
  if (!program) {
    process.stderr.write(
      'interlock mcp-proxy: give the server command after --, e.g. -- npx -y some-mcp-server\n',
    );
    return EXIT_CODES.usage;
  }
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = stringEnv(process.env);
  const name = options.name?.trim() || basename(program);
  // Loaded while the agent and the server shake hands: only a tool call waits for it.
  const loading = createReloadingRuntime({ cwd, env, eagerSql: true });
  void loading.then(
    (rt) => {
      for (const problem of rt.current().problems) process.stderr.write(`interlock mcp-proxy: ${problem}\n`);
    },
    () => undefined,
  );
  const proxied = {
    name,
    launch: command,
    cwd,
    env,
    ...(systemMode(env)
      ? { untrusted: 'Interlock runs as its own user here, and its MCP proxy runs as the agent’s user' }
      : {}),
  };
  const judge = pipelineJudge(proxied, async () => (await loading).current());
  const server = new StdioClientTransport({ command: program, args, env, cwd, stderr: 'inherit' });
  const agent = new StdioServerTransport();
  // The SDK's server transport does not notice its input ending; an agent shuts a stdio server down so.
  process.stdin.once('end', () => void agent.close());
  try {
    await relay(agent, server, { judge, ran: executionRecorder(proxied) });
    return EXIT_CODES.ok;
  } catch (error) {
    process.stderr.write(
      `interlock mcp-proxy: the server ${name} could not be run (${error instanceof Error ? error.message : String(error)})\n`,
    );
    return EXIT_CODES.failed;
  } finally {
    await loading.then(
      (rt) => rt.close(),
      () => undefined,
    );
  }
}
