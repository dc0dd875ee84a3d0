import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalArgv } from '../../src/adapters/broker/argv.js';
import { brokerKindsText } from '../../src/adapters/broker/kinds.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { loadBashParser } from '../../src/shell/tree-sitter.js';
import { quoteArgv } from '../../src/shell/quote-argv.js';
import { CLI, runCli, spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { SQLITE } from '../store/stores.js';
import { clientOf, people, serverOn, type People } from '../server/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { approveByTwo, billingDatabase, writeBillingBroker } from './billing.js';

// From the agent's hook to the broker, on a PostgreSQL cluster and an approval server of the test's own:
// Claude Code's PreToolUse answer rewrites the production DROP to `interlock run -- …` (without asking the
// server, whose grant the broker must find unused); the broker holds it for approval, then runs it once.
// The hook and the broker decide the same action: the same digest, whatever quoting the agent used and
// whatever PG* variables it carries. Agents without a rewrite are told the exact command.

const parser = await loadBashParser();
/** This installation's `interlock run --`, as the hook names it: by absolute path, never the PATH's interlock. */
const RUN = `${quoteArgv([process.execPath, CLI])} run --`;

describe('the hook routes production psql to the broker', () => {
  let cluster: Cluster;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  const home = tempTree({ 'project/README': 'x' });
  const project = join(home, 'project');
  const brokerConfig = join(home, 'broker.yaml');
  const kinds = join(home, 'broker.kinds.json');
  const database = join(home, 'audit.db');

  beforeAll(async () => {
    cluster = await startCluster();
    billingDatabase(cluster, ['t']);
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    writeBillingBroker(brokerConfig, cluster, server.url);
    writeFileSync(kinds, brokerKindsText(['psql']));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
    cluster?.stop();
  });

  // The agent's environment: its hook would ask this server about anything else, and it has a login of its own.
  const env = () => ({
    INTERLOCK_SERVER_URL: server.url,
    INTERLOCK_TOKEN: who.agent,
    INTERLOCK_BROKER_KINDS: kinds,
    INTERLOCK_DAEMON_AUTOSTART: '0',
    INTERLOCK_DATABASE: database,
    PGUSER: 'agent',
    PGPASSWORD: 'agent-pw',
  });
  // As a model writes it: double quotes, which the broker's own quoting turns into single ones.
  const typed = () => `psql -h 127.0.0.1 -p ${cluster.port} -d billing_prod -c "DROP TABLE t"`;
  const payload = (command: string) =>
    JSON.stringify({
      session_id: 's',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command },
      cwd: project,
    });
  const claudeHook = async (command: string) => {
    // A process of its own: the rewrite names the running installation's CLI, found from its entry script.
    const r = spawnCli(['hook', 'claude-code'], { input: payload(command), cwd: project, env: env() });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      hookSpecificOutput: { permissionDecision: string; updatedInput?: { command: string } };
    };
  };
  /** What Claude Code then runs: the rewritten command line, as the broker's CLI gets its words. */
  const runRewritten = (line: string) => {
    const argv = literalArgv(line, parser)!;
    expect(argv.slice(0, 4)).toEqual([process.execPath, CLI, 'run', '--']);
    return runCli(
      ['run', '--agent', 'claude-code', '--broker-config', brokerConfig, '--', ...argv.slice(4)],
      {
        cwd: project,
        env: env(),
      },
    );
  };
  const tables = () =>
    cluster.sql(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`, 'billing_prod');
  const localDecisions = async () => {
    const r = await runCli(['audit', 'log', '--json', '--limit', '0'], { env: env() });
    return r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; digest?: string; data?: { via?: string } });
  };

  it('rewrites, holds for approval, then runs once with the broker; hook and broker bind the same digest', async () => {
    const answer = await claudeHook(typed());
    expect(answer.hookSpecificOutput.permissionDecision).toBe('allow');
    const rewritten = answer.hookSpecificOutput.updatedInput!.command;
    expect(rewritten).toBe(`${RUN} psql -h 127.0.0.1 -p ${cluster.port} -d billing_prod -c 'DROP TABLE t'`);
    // The hook asked no server: nothing is pending, no grant could have been used by it.
    expect((await clientOf(server, who.bob).listRequests()).length).toBe(0);

    const first = await runRewritten(rewritten);
    expect(first.status, first.stderr).toBe(5);
    const id = await approveByTwo(server, who, first.stderr);

    // The retry goes through the hook again, and the broker finds the grant the first run asked for.
    const again = await claudeHook(typed());
    expect(again.hookSpecificOutput.updatedInput!.command).toBe(rewritten);
    const ran = await runRewritten(rewritten);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/ran with broker:billing/);
    expect(tables()).toBe('0');

    // One action throughout: the hook's decisions, the broker's and the server's request share a digest.
    const request = await clientOf(server, who.bob).getRequest(id);
    const decisions = (await localDecisions()).filter((e) => e.type === 'decision');
    expect(decisions.map((e) => e.data?.via)).toEqual(['hook:claude-code', 'run', 'hook:claude-code', 'run']);
    expect(new Set(decisions.map((e) => e.digest))).toEqual(new Set([request.digest]));
  });

  it('agents that cannot rewrite are told the exact command to run', async () => {
    const line = typed();
    const cursor = JSON.stringify({
      hook_event_name: 'beforeShellExecution',
      conversation_id: 'c',
      generation_id: 'g',
      workspace_roots: [project],
      command: line,
      cwd: project,
    });
    const gemini = JSON.stringify({
      session_id: 's',
      hook_event_name: 'BeforeTool',
      cwd: project,
      tool_name: 'run_shell_command',
      tool_input: { command: line },
    });
    const codex = JSON.stringify({
      session_id: 's',
      hook_event_name: 'PreToolUse',
      cwd: project,
      tool_name: 'Bash',
      tool_input: { command: line },
      tool_use_id: 'x',
    });
    const expected = `${RUN} psql -h 127.0.0.1 -p ${cluster.port} -d billing_prod -c 'DROP TABLE t'`;
    for (const [agent, input] of [
      ['cursor', cursor],
      ['gemini', gemini],
      ['codex', codex],
    ] as const) {
      const r = spawnCli(['hook', agent], { input, cwd: project, env: env() });
      expect({ agent, out: r.stdout + r.stderr }).toMatchObject({
        agent,
        out: expect.stringContaining(`Run exactly this command instead: ${expected}`),
      });
      expect(r.stdout + r.stderr).not.toMatch(/"updated_?[iI]nput"/);
    }
  });
});
