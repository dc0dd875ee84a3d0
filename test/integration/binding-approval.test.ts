import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { spawnServer } from '../server/harness.js';

// Issue 12 end to end: a grant for `kubectl delete -f app.yaml` is for the app.yaml that was approved.
// Changed after the approvals, the retry is another action (a new request); put back, the grant applies.

const COMMAND = 'kubectl delete -f app.yaml --context prod-eu';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n';

describe('a grant is bound to the content of the files the command reads', () => {
  const home = tempTree({ 'project/app.yaml': DEPLOYMENT });
  const project = join(home, 'project');
  const base = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    INTERLOCK_NO_DAEMON: '1',
  };
  const tokens: Record<string, string> = {};
  let server: Awaited<ReturnType<typeof spawnServer>>;

  const hook = async () => {
    const r = await runCli(['hook', 'claude-code'], {
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
    const out = JSON.parse(r.stdout).hookSpecificOutput as {
      permissionDecision: string;
      permissionDecisionReason: string;
    };
    const id = /\b(req_[A-Za-z0-9_-]+)\b/.exec(out.permissionDecisionReason)?.[1];
    return { decision: out.permissionDecision, id };
  };
  const approve = async (who: string, id: string) =>
    (
      await runCli(['approvals', 'approve', id], {
        cwd: project,
        env: { ...base, INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: tokens[who]! },
      })
    ).status;

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

  it('the file changed after approval: a new request; the approved file back: allowed once', async () => {
    const first = await hook();
    expect(first.decision).toBe('deny');
    expect(first.id).toBeDefined();
    expect(await approve('bob', first.id!)).toBe(0);
    expect(await approve('carol', first.id!)).toBe(0);

    writeFileSync(join(project, 'app.yaml'), NAMESPACE);
    const changed = await hook();
    expect(changed.decision).toBe('deny');
    expect(changed.id).toBeDefined();
    expect(changed.id).not.toBe(first.id);

    writeFileSync(join(project, 'app.yaml'), DEPLOYMENT);
    expect((await hook()).decision).toBe('allow');
  });
});
