import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseEnv, MAIN, runNode, tempHome } from '../hooks/support.js';

// `interlock mcp-proxy` between the real MCP SDK client and a real MCP server (test/fixtures/mcp), each in
// its own process, as an agent runs it. The server logs every call that reaches it: a blocked call must not.

const SERVER = fileURLToPath(new URL('../fixtures/mcp/inventory-server.mjs', import.meta.url));

interface Proxied {
  client: Client;
  calls: () => { tool: string; args: unknown }[];
  home: string;
  env: Record<string, string>;
}

const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

async function connect(
  name: string,
  options: { answer?: 'accept' | 'decline'; project?: (dir: string) => void; extraArgs?: string[] } = {},
): Promise<Proxied> {
  const home = tempHome();
  const project = join(home, 'project');
  mkdirSync(project, { recursive: true });
  options.project?.(project);
  const log = join(home, 'calls.jsonl');
  const env = baseEnv(home, { CALLS_LOG: log, INTERLOCK_DAEMON_AUTOSTART: '0' });
  const client = new Client(
    { name: 'test-agent', version: '1.0.0' },
    options.answer ? { capabilities: { elicitation: {} } } : {},
  );
  if (options.answer) {
    const answer = options.answer;
    client.setRequestHandler(ElicitRequestSchema, async () =>
      answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' },
    );
  }
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [MAIN, 'mcp-proxy', '--name', name, ...(options.extraArgs ?? []), '--', process.execPath, SERVER],
    env,
    cwd: project,
    stderr: 'pipe',
  });
  await client.connect(transport);
  open.push(client);
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { tool: string; args: unknown })
      : [];
  return { client, calls, home, env };
}

const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

describe('interlock mcp-proxy', () => {
  it('passes the protocol through: tools, resources, and a harmless call with its result', async () => {
    const { client, calls } = await connect('inventory');
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual(['delete_item', 'list_items', 'run_sql']);
    const readme = await client.readResource({ uri: 'inventory://readme' });
    expect(readme.contents[0]).toMatchObject({ text: 'The inventory.' });
    const r = (await client.callTool({ name: 'list_items', arguments: {} })) as CallToolResult;
    expect({ error: r.isError ?? false, text: textOf(r) }).toEqual({ error: false, text: 'widget, gadget' });
    expect(calls()).toEqual([{ tool: 'list_items', args: {} }]);
  });

  it('blocks a destructive call when the client cannot ask its user, and the server never sees it', async () => {
    const { client, calls } = await connect('inventory-prod');
    const r = (await client.callTool({ name: 'delete_item', arguments: { id: '42' } })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/Interlock blocked this call: it needs the user's confirmation/);
    expect(textOf(r)).toMatch(/production/);
    expect(calls()).toEqual([]);
  });

  it('puts a destructive call to the user through elicitation: forwarded on yes, blocked on no', async () => {
    const yes = await connect('inventory', { answer: 'accept' });
    const done = (await yes.client.callTool({
      name: 'delete_item',
      arguments: { id: '7' },
    })) as CallToolResult;
    expect(textOf(done)).toBe('deleted 7');
    expect(yes.calls()).toEqual([{ tool: 'delete_item', args: { id: '7' } }]);

    const no = await connect('inventory', { answer: 'decline' });
    const held = (await no.client.callTool({
      name: 'delete_item',
      arguments: { id: '7' },
    })) as CallToolResult;
    expect(held.isError).toBe(true);
    expect(textOf(held)).toMatch(/The user did not confirm this call, so Interlock blocked it/);
    expect(no.calls()).toEqual([]);
  });

  it("applies the project's own Cedar policies: a forbid denies even what the user would confirm", async () => {
    const { client, calls } = await connect('inventory', {
      answer: 'accept',
      project: (dir) => {
        mkdirSync(join(dir, '.interlock', 'policies'), { recursive: true });
        writeFileSync(
          join(dir, '.interlock', 'policies', 'mcp.cedar'),
          '@id("team.no-mcp-deletes")\n@message("No deletes through MCP tools.")\nforbid (principal, action, resource)\nwhen { context.kind == "mcp-call" && context.operation == "delete" };\n',
        );
      },
    });
    const r = (await client.callTool({ name: 'delete_item', arguments: { id: '9' } })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/No deletes through MCP tools/);
    const listed = (await client.callTool({ name: 'list_items', arguments: {} })) as CallToolResult;
    expect(listed.isError ?? false).toBe(false);
    expect(calls().map((c) => c.tool)).toEqual(['list_items']);
  });

  it('records every decision, and what ran with who confirmed it, in the audit log', async () => {
    const { client, env, home } = await connect('inventory', { answer: 'accept' });
    await client.callTool({ name: 'list_items', arguments: {} });
    await client.callTool({ name: 'delete_item', arguments: { id: '42' } });
    await client.close();
    const log = await runNode([MAIN, 'audit', 'log', '--json'], '', env, home);
    const entries = log.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> });
    const text = JSON.stringify(entries);
    expect(text).toContain('mcp-proxy:inventory');
    expect(text).toContain('test-agent');
    const decisions = entries.filter((e) => e.type === 'decision');
    const executions = entries.filter((e) => e.type === 'execution');
    expect(decisions).toHaveLength(2);
    expect(executions.map((e) => [e.data.result, e.data.confirmedBy ?? null])).toEqual([
      ['succeeded', null],
      // The account the proxy runs as, not the USER variable the agent could set.
      ['succeeded', `${userInfo().username} (asked through MCP elicitation)`],
    ]);
    // Each execution is linked to its decision by the decision's digest.
    expect(executions.map((e) => e.data.digest)).toEqual(decisions.map((d) => d.data.digest));
  });

  it('refuses what a hostile client sends around tools/call: methods outside MCP, tools/call as a notification', async () => {
    const { client, calls } = await connect('inventory-prod');
    await expect(
      client.request({ method: 'inventory/wipe', params: {} }, z.object({}).loose()),
    ).rejects.toThrow(/does not pass inventory\/wipe/);
    await client.transport!.send({
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'delete_item', arguments: { id: '1' } },
    });
    await client.transport!.send({ jsonrpc: '2.0', method: 'notifications/inventory/wipe', params: {} });
    await client.transport!.send({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' });
    // A dry-run switch the tool's schema does not have: the server would drop it and delete.
    await client.listTools();
    const r = (await client.callTool({
      name: 'delete_item',
      arguments: { id: '1', dryRun: true },
    })) as CallToolResult;
    expect(r.isError).toBe(true);
    await client.callTool({ name: 'list_items', arguments: {} });
    expect(calls().map((c) => c.tool)).toEqual([
      'notification notifications/roots/list_changed',
      'list_items',
    ]);
  });

  it('says what is wrong when no server command is given', async () => {
    const home = tempHome();
    const r = await runNode([MAIN, 'mcp-proxy', '--name', 'x'], '', baseEnv(home));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/command/);
  });
});
