import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { spawnServer } from '../server/harness.js';

// An agent hook with an approval server: the seed incident's command is held as a request, two platform
// approvers approve it, the identical retry passes once, and the next retry is a new request.

const COMMAND = 'kubectl delete namespace billing --context prod-eu';

describe('Claude Code hook with the approval server', () => {
  const home = tempTree({ 'project/README': 'x' });
  const project = join(home, 'project');
  const base = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    INTERLOCK_NO_DAEMON: '1',
  };
  const tokens: Record<string, string> = {};
  let server: Awaited<ReturnType<typeof spawnServer>>;

  const hook = () =>
    runCli(['hook', 'claude-code'], {
      cwd: project,
      env: { ...base, INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: tokens.agent! },
      input: JSON.stringify({
        session_id: 's-1',
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: COMMAND },
        cwd: project,
      }),
    });
  const decision = (r: { stdout: string }) =>
    JSON.parse(r.stdout).hookSpecificOutput as {
      permissionDecision: string;
      permissionDecisionReason: string;
    };
  const as = (who: string, args: string[]) =>
    runCli(args, {
      cwd: project,
      env: { ...base, INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: tokens[who]! },
    });

  beforeAll(async () => {
    for (const [who, args] of [
      ['agent', ['--agent', 'claude-code', '--acts-for', 'alice']],
      ['bob', ['--human', 'bob', '--group', 'platform']],
      ['carol', ['--human', 'carol', '--group', 'platform']],
    ] as const) {
      const r = await runCli(['token', 'create', ...args, '--json'], { env: base });
      expect(r.status, r.stderr).toBe(0);
      tokens[who] = (JSON.parse(r.stdout) as { token: string }).token;
    }
    server = await spawnServer(join(home, 'data', 'interlock', 'server.db'));
  });
  afterAll(async () => server.stop());

  it('holds the action, then allows the identical retry once after two approvals', async () => {
    const first = decision(await hook());
    expect(first.permissionDecision).toBe('deny');
    const id = /\b(req_[A-Za-z0-9_-]+|[0-9a-f-]{8,})\b/.exec(first.permissionDecisionReason)?.[1];
    expect(id, first.permissionDecisionReason).toBeDefined();
    expect(first.permissionDecisionReason).toMatch(/retry/i);

    expect((await as('bob', ['approvals', 'approve', id!])).status).toBe(0);
    expect(decision(await hook()).permissionDecision).toBe('deny'); // one of two approvals
    expect((await as('carol', ['approvals', 'approve', id!])).status).toBe(0);

    expect(decision(await hook()).permissionDecision).toBe('allow');
    expect(decision(await hook()).permissionDecision).toBe('deny'); // used once: a new request
  });
});
