import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { fmt, summary } from './stats.js';

// The MCP proxy as an agent meets it: the real SDK client starts `interlock mcp-proxy -- <the test fixture
// server>`, connects, and calls a harmless tool. Connecting (two Node processes and the SDK), the first call
// (it may wait for the parsers and policies, which load during the handshake), then each call (assess,
// decide, the audit log's commit, the server's answer). A fresh HOME per round, so no state carries over.

const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const SERVER = fileURLToPath(new URL('../../test/fixtures/mcp/inventory-server.mjs', import.meta.url));
const ROUNDS = 3;
const CALLS = 100;

async function round(): Promise<{ connect: number; first: number; calls: number[] }> {
  const home = mkdtempSync(join(tmpdir(), 'interlock-bench-mcp-'));
  const client = new Client({ name: 'bench', version: '1.0.0' });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
  const t0 = performance.now();
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [MAIN, 'mcp-proxy', '--name', 'inventory', '--', process.execPath, SERVER],
      env,
      stderr: 'ignore',
    }),
  );
  const t1 = performance.now();
  await client.callTool({ name: 'list_items', arguments: {} });
  const first = performance.now() - t1;
  const calls: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await client.callTool({ name: 'list_items', arguments: {} });
    calls.push((performance.now() - t) * 1000);
  }
  await client.close();
  rmSync(home, { recursive: true, force: true });
  return { connect: t1 - t0, first, calls };
}

export async function benchMcpProxy(): Promise<Record<string, unknown>> {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
  const calls = summary(rounds.flatMap((r) => r.calls).sort((a, b) => a - b));
  const ms = (values: number[]) => values.map((v) => `${v.toFixed(0)} ms`).join(', ');
  console.log(
    `connect (proxy and server start, SDK handshake), ${ROUNDS} rounds: ${ms(rounds.map((r) => r.connect))}`,
  );
  console.log(`first call: ${ms(rounds.map((r) => r.first))}`);
  console.log(`each call after it (${ROUNDS * CALLS}): p50 ${fmt(calls.p50)}, p99 ${fmt(calls.p99)}`);
  return {
    connectMs: rounds.map((r) => r.connect),
    firstCallMs: rounds.map((r) => r.first),
    call: calls,
  };
}
