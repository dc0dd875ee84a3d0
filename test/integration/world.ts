import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { spawnServer } from '../server/harness.js';

// A project, an approval server, and three tokens: the agent (acting for alice) and two platform approvers.
// Each integration test file sets one up for its own tests (vitest hooks registered by the caller's describe).

export interface ApprovalWorld {
  project: string;
  /** Run the CLI as `agent`, `bob` or `carol`, in the project, against the server. */
  as(who: 'agent' | 'bob' | 'carol', args: string[], input?: string): Promise<CliResult>;
  /** A Claude Code PreToolUse call for a Bash command, through `interlock hook`, as the agent. */
  hook(command: string): Promise<{ decision: string; reason: string; id?: string }>;
}

export function approvalWorld(files: Record<string, string>): ApprovalWorld {
  const home = tempTree(files);
  const project = join(home, 'project');
  const base = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    INTERLOCK_NO_DAEMON: '1',
  };
  const tokens: Record<string, string> = {};
  let server: Awaited<ReturnType<typeof spawnServer>>;

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

  const as: ApprovalWorld['as'] = (who, args, input) =>
    runCli(args, {
      cwd: project,
      env: { ...base, INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: tokens[who]! },
      ...(input !== undefined ? { input } : {}),
    });
  return {
    project,
    as,
    async hook(command) {
      const r = await as(
        'agent',
        ['hook', 'claude-code'],
        JSON.stringify({
          session_id: 's-1',
          hook_event_name: 'PreToolUse',
          tool_name: 'Bash',
          tool_input: { command },
          cwd: project,
        }),
      );
      const out = JSON.parse(r.stdout).hookSpecificOutput as {
        permissionDecision: string;
        permissionDecisionReason: string;
      };
      const id = /\b(req_[A-Za-z0-9_-]+)\b/.exec(out.permissionDecisionReason)?.[1];
      return {
        decision: out.permissionDecision,
        reason: out.permissionDecisionReason,
        ...(id ? { id } : {}),
      };
    },
  };
}
