import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostTool } from '../../src/adapters/hooks/post-tool.js';
import { addHook, findHooks, removeHook } from '../../src/adapters/hooks/install.js';
import { openAuditLog } from '../../src/audit/open.js';
import { reportBlocks } from '../../src/audit/report/content.js';
import { toMarkdown } from '../../src/audit/report/markdown.js';
import { buildIncidentReport } from '../../src/audit/report/model.js';
import { baseEnv, HOOK_ENTRY, runNode, tempHome } from './support.js';

// The post-tool hooks record what ran: real payloads through the installed entry (dist/cli/hook-fast.cjs),
// after the pre-tool hook decided, into a real SQLite log; `report incident` then tells decision → execution
// with its exit status and "agent's own" credentials. The post-tool hook never blocks: exit 0, no opinion.

const home = tempHome();
const project = join(home, 'project');
mkdirSync(project, { recursive: true });
const database = join(home, 'audit.db');
const env = baseEnv(home, { INTERLOCK_DATABASE: database, INTERLOCK_NO_DAEMON: '1' });

const hook = (args: string[], payload: object, extra: Record<string, string> = {}) =>
  runNode([HOOK_ENTRY, ...args], JSON.stringify(payload), { ...env, ...extra }, project);

async function incidentMarkdown(): Promise<string> {
  const log = await openAuditLog(database, env);
  try {
    const report = await buildIncidentReport(log, { since: Date.now() - 600_000, until: Date.now() + 1000 });
    return toMarkdown(reportBlocks(report));
  } finally {
    await log.close();
  }
}

describe('post-tool hooks through the installed entry', () => {
  it('Claude Code: PostToolUseFailure after PreToolUse is the decision’s execution, failed, agent’s own', async () => {
    const command = 'rm -rf build-claude';
    const base = { session_id: 's1', cwd: project, tool_name: 'Bash', tool_input: { command } };
    const pre = await hook(['--no-daemon', 'claude-code'], { ...base, hook_event_name: 'PreToolUse' });
    expect(pre.code).toBe(0);
    const post = await hook(['--post-tool', 'claude-code'], {
      ...base,
      hook_event_name: 'PostToolUseFailure',
      error: 'Exit code 1',
      is_interrupt: false,
    });
    expect(post).toMatchObject({ code: 0, stdout: '' });
    expect(await incidentMarkdown()).toMatch(
      /Chain: decision allow → no approval needed → failed, \d+ ms at \d\d:\d\d:\d\d, credentials: agent's own → allow/,
    );
  });

  it('Cursor: afterShellExecution gives its own duration; the exit status is unknown', async () => {
    const command = 'rm -rf build-cursor';
    const base = { conversation_id: 'c1', workspace_roots: [project], cwd: project, command };
    const pre = await hook(['--no-daemon', 'cursor'], { ...base, hook_event_name: 'beforeShellExecution' });
    expect(pre.code).toBe(0);
    const post = await hook(['--post-tool', 'cursor'], {
      ...base,
      hook_event_name: 'afterShellExecution',
      output: '',
      duration: 150,
    });
    expect(post).toMatchObject({ code: 0, stdout: '{}\n' });
    const md = await incidentMarkdown();
    expect(md).toContain('rm -rf build-cursor');
    expect(md).toMatch(/→ unknown, 150 ms at \d\d:\d\d:\d\d, credentials: agent's own → allow/);
  });

  it('reports to the approval server (POST /v1/executions) when one is configured', async () => {
    const received: unknown[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url, auth: req.headers.authorization, body: JSON.parse(body) as unknown });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"seq":7}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = await hook(
        ['--post-tool', 'gemini'],
        {
          session_id: 'g1',
          cwd: project,
          hook_event_name: 'AfterTool',
          tool_name: 'run_shell_command',
          tool_input: { command: 'make deploy' },
          tool_response: { llmContent: 'boom', returnDisplay: 'boom', error: { message: 'exit 2' } },
        },
        { INTERLOCK_SERVER_URL: url, INTERLOCK_TOKEN: 'tok_test' },
      );
      expect(post).toMatchObject({ code: 0, stdout: '{}\n' });
      expect(received).toEqual([
        {
          path: '/v1/executions',
          auth: 'Bearer tok_test',
          body: expect.objectContaining({
            digest: expect.stringMatching(/^[0-9a-f]{64}$/),
            result: 'failed',
          }),
        },
      ]);
    } finally {
      server.close();
    }
  });

  it('an approval server that does not answer neither blocks nor fails the agent', async () => {
    const post = await hook(
      ['--post-tool', 'codex'],
      {
        session_id: 'x1',
        cwd: project,
        hook_event_name: 'PostToolUse',
        tool_name: 'Bash',
        tool_input: { command: 'true' },
        tool_response: 'ok',
      },
      { INTERLOCK_SERVER_URL: 'http://127.0.0.1:9', INTERLOCK_TOKEN: 'tok_test' },
    );
    expect(post).toMatchObject({ code: 0, stdout: '' });
  });

  it('garbage on stdin is no opinion and exit 0', async () => {
    const run = await runNode([HOOK_ENTRY, '--post-tool', 'claude-code'], 'not json', env, project);
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('parsing each agent’s post-tool payload', () => {
  const at = { cwd: '/w' };
  it('reads exit codes, interruptions and failures where the payload carries them', () => {
    const claude = (extra: object) =>
      parsePostTool(
        'claude-code',
        { hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'ls' }, ...extra },
        at,
      );
    expect(claude({ tool_response: { stdout: '', interrupted: true } })).toMatchObject({
      ok: true,
      executed: { result: 'interrupted' },
    });
    expect(claude({ tool_response: { exit_code: 3 } })).toMatchObject({
      ok: true,
      executed: { exitCode: 3, result: 'failed' },
    });
    expect(claude({ tool_response: { stdout: 'x' } })).toMatchObject({
      ok: true,
      executed: { result: 'unknown' },
    });
    expect(
      parsePostTool(
        'codex',
        { hook_event_name: 'PostToolUse', tool_name: 'shell', tool_input: { command: ['rm', '-rf', 'a b'] } },
        at,
      ),
    ).toMatchObject({ ok: true, executed: { command: "rm -rf 'a b'", cwd: '/w' } });
    expect(
      parsePostTool(
        'gemini',
        {
          hook_event_name: 'AfterTool',
          tool_name: 'run_shell_command',
          tool_input: { command: 'ls', dir_path: 'sub' },
        },
        at,
      ),
    ).toMatchObject({ ok: true, executed: { cwd: '/w/sub' } });
  });

  it('skips what is not a shell command, another event, and the broker’s rewrite', () => {
    const skip = { ok: false };
    expect(
      parsePostTool('claude-code', { hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: {} }, at),
    ).toMatchObject(skip);
    expect(
      parsePostTool(
        'claude-code',
        { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } },
        at,
      ),
    ).toMatchObject(skip);
    expect(
      parsePostTool(
        'claude-code',
        {
          hook_event_name: 'PostToolUse',
          tool_name: 'Bash',
          tool_input: {
            command: "'/usr/bin/node' '/opt/interlock/dist/cli/main.js' run -- psql -c 'drop table x'",
          },
        },
        at,
      ),
    ).toMatchObject({ ok: false, skip: expect.stringContaining('broker') });
    expect(
      parsePostTool('cursor', { hook_event_name: 'afterFileEdit', file_path: '/w/x' }, at),
    ).toMatchObject(skip);
  });
});

describe('installing the post-tool hook', () => {
  const command = "node '/opt/interlock/dist/cli/hook-fast.cjs' --autostart claude-code";
  it('init adds PostToolUse and PostToolUseFailure entries; uninstall takes them out', () => {
    const settings: Record<string, unknown> = {};
    expect(addHook('claude-code', settings, { command })).toBe(true);
    expect(findHooks('claude-code', settings).map((h) => [h.event, h.handler.command])).toEqual([
      ['PreToolUse', command],
      ['PostToolUse', "node '/opt/interlock/dist/cli/hook-fast.cjs' --autostart --post-tool claude-code"],
      [
        'PostToolUseFailure',
        "node '/opt/interlock/dist/cli/hook-fast.cjs' --autostart --post-tool claude-code",
      ],
    ]);
    expect(addHook('claude-code', settings, { command })).toBe(false);
    expect(removeHook('claude-code', settings)).toBe(3);
    expect(settings).toEqual({});
  });

  it('Cursor gets afterShellExecution, Gemini AfterTool, Codex PostToolUse', () => {
    for (const [agent, event] of [
      ['cursor', 'afterShellExecution'],
      ['gemini', 'AfterTool'],
      ['codex', 'PostToolUse'],
    ] as const) {
      const settings: Record<string, unknown> = {};
      addHook(agent, settings, { command: `node /x/dist/cli/hook-fast.cjs --autostart ${agent}` });
      expect(findHooks(agent, settings)).toContainEqual({
        event,
        handler: expect.objectContaining({
          command: `node /x/dist/cli/hook-fast.cjs --autostart --post-tool ${agent}`,
        }),
      });
    }
  });
});
