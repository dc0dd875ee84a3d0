import { describe, expect, it } from 'vitest';
import { claudeCode, parseClaudeCode } from '../../src/adapters/hooks/claude-code.js';
import { codex, parseCodex } from '../../src/adapters/hooks/codex.js';
import { cursor, parseCursor } from '../../src/adapters/hooks/cursor.js';
import { gemini, parseGemini } from '../../src/adapters/hooks/gemini.js';
import { mcpEffects } from '../../src/assess/mcp-call.js';
import { splitMcpName } from '../../src/adapters/hooks/names.js';
import { patchedFiles, patchInShellCommand } from '../../src/adapters/hooks/patch.js';
import { sensitiveFile } from '../../src/analyzers/sensitive-files.js';
import type { HookVerdict } from '../../src/adapters/hooks/types.js';
import { askAsDeny, verdictFromDecision } from '../../src/adapters/hooks/verdict.js';
import { DEFAULT_PLACEMENT } from '../../src/core/place.js';
import { testFacts } from '../support/runtime.js';

const FALLBACK = { cwd: '/fallback' };
const ask: HookVerdict = { outcome: 'ask', userMessage: 'U', agentMessage: 'A', detail: 'D' };
const deny: HookVerdict = { outcome: 'deny', userMessage: 'U', agentMessage: 'A' };
const allow: HookVerdict = { outcome: 'allow', userMessage: 'U', agentMessage: 'A' };
const pass: HookVerdict = { outcome: 'pass', userMessage: 'U', agentMessage: 'A' };

describe('Claude Code PreToolUse', () => {
  it('reads Bash, file tools and MCP tools', () => {
    const bash = parseClaudeCode(
      {
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: 'ls' },
        cwd: '/p',
        session_id: 's',
      },
      FALLBACK,
    );
    expect(bash).toEqual({
      ok: true,
      request: {
        agent: 'claude-code',
        event: 'PreToolUse',
        toolName: 'Bash',
        session: 's',
        call: { kind: 'shell', command: 'ls', cwd: '/p' },
      },
    });
    const edit = parseClaudeCode(
      { tool_name: 'MultiEdit', tool_input: { file_path: '.env', edits: [] } },
      FALLBACK,
    );
    expect(edit.ok && edit.request.call).toEqual({
      kind: 'file-write',
      files: [{ path: '.env', change: 'edit' }],
      cwd: '/fallback',
    });
    const mcp = parseClaudeCode(
      { tool_name: 'mcp__github__delete_repo', tool_input: { repo: 'x' } },
      FALLBACK,
    );
    expect(mcp.ok && mcp.request.call).toMatchObject({
      kind: 'mcp-call',
      server: 'github',
      tool: 'delete_repo',
    });
    const read = parseClaudeCode({ tool_name: 'Read', tool_input: { file_path: '/a' } }, FALLBACK);
    expect(read.ok && read.request.call.kind).toBe('read-only');
  });

  it('says what is wrong with bad input, and whether the tool only reads', () => {
    expect(parseClaudeCode([], FALLBACK)).toMatchObject({ ok: false, kind: 'bad-input' });
    expect(parseClaudeCode({ tool_name: 'Bash', tool_input: {} }, FALLBACK)).toMatchObject({
      ok: false,
      kind: 'bad-input',
      readOnly: false,
    });
    expect(parseClaudeCode({ tool_name: 'Grep' }, FALLBACK)).toMatchObject({ ok: true });
    expect(parseClaudeCode({ tool_name: 'Write' }, FALLBACK)).toMatchObject({ ok: false, kind: 'bad-input' });
    expect(parseClaudeCode({ hook_event_name: 'Stop' }, FALLBACK)).toMatchObject({
      ok: false,
      kind: 'not-pre-tool',
    });
  });

  it('renders every outcome in the documented shape', () => {
    expect(claudeCode.render(pass)).toEqual({ stdout: '', exitCode: 0 });
    expect(JSON.parse(claudeCode.render(allow).stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: 'U',
      },
    });
    expect(JSON.parse(claudeCode.render(ask).stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'ask',
        permissionDecisionReason: 'U',
        additionalContext: 'A',
      },
    });
    expect(JSON.parse(claudeCode.render(deny).stdout)).toEqual({
      systemMessage: 'U',
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'A',
      },
    });
  });
});

describe('Cursor', () => {
  it('reads beforeShellExecution and beforeMCPExecution (tool_input as object or JSON string)', () => {
    const shell = parseCursor(
      {
        hook_event_name: 'beforeShellExecution',
        command: 'ls',
        cwd: '',
        workspace_roots: ['/w'],
        model: 'm',
      },
      FALLBACK,
    );
    expect(shell.ok && shell.request).toMatchObject({
      model: 'm',
      call: { kind: 'shell', command: 'ls', cwd: '/w' },
    });
    const mcp = parseCursor(
      {
        hook_event_name: 'beforeMCPExecution',
        tool_name: 'q',
        tool_input: '{"sql":"select 1"}',
        url: 'http://x',
      },
      FALLBACK,
    );
    expect(mcp.ok && mcp.request.call).toMatchObject({
      kind: 'mcp-call',
      server: 'http://x',
      args: { sql: 'select 1' },
    });
  });

  it('answers with permission, user_message and agent_message', () => {
    expect(JSON.parse(cursor.render(allow).stdout)).toEqual({ permission: 'allow' });
    expect(JSON.parse(cursor.render(ask).stdout)).toEqual({
      permission: 'ask',
      user_message: 'U',
      agent_message: 'A',
    });
    expect(JSON.parse(cursor.render(deny).stdout)).toEqual({
      permission: 'deny',
      user_message: 'U',
      agent_message: 'A',
    });
    expect(JSON.parse(cursor.render(pass, 'afterFileEdit').stdout)).toEqual({});
  });
});

describe('Gemini CLI BeforeTool', () => {
  it('reads run_shell_command with its directory, file tools and MCP tools', () => {
    const shell = parseGemini(
      {
        hook_event_name: 'BeforeTool',
        tool_name: 'run_shell_command',
        tool_input: { command: 'ls', dir_path: 'sub' },
        cwd: '/p',
      },
      FALLBACK,
    );
    expect(shell.ok && shell.request.call).toEqual({ kind: 'shell', command: 'ls', cwd: '/p/sub' });
    const mcp = parseGemini(
      { tool_name: 'db__query', tool_input: {}, mcp_context: { server_name: 'db', tool_name: 'query' } },
      FALLBACK,
    );
    expect(mcp.ok && mcp.request.call).toMatchObject({ kind: 'mcp-call', server: 'db', tool: 'query' });
  });

  it('has no ask: an ask is a deny that tells the model to ask the user', () => {
    expect(JSON.parse(gemini.render(allow).stdout)).toEqual({ decision: 'allow' });
    expect(JSON.parse(gemini.render(pass).stdout)).toEqual({});
    const out = JSON.parse(gemini.render(ask).stdout);
    expect(out).toEqual({
      decision: 'deny',
      reason: expect.stringContaining('cannot ask the user'),
      systemMessage: expect.any(String),
    });
  });
});

describe('Codex PreToolUse', () => {
  it('reads Bash, apply_patch (also as a heredoc) and MCP tools', () => {
    const patch =
      '*** Begin Patch\n*** Update File: a.txt\n*** Move to: .env\n*** Delete File: b\n*** End Patch';
    const p = parseCodex({ tool_name: 'apply_patch', tool_input: { command: patch } }, FALLBACK);
    expect(p.ok && p.request.call).toEqual({
      kind: 'file-write',
      cwd: '/fallback',
      files: [
        { path: 'a.txt', change: 'edit' },
        { path: '.env', change: 'write' },
        { path: 'b', change: 'delete' },
      ],
    });
    const heredoc = parseCodex(
      { tool_name: 'Bash', tool_input: { command: `apply_patch <<'E'\n${patch}\nE` } },
      FALLBACK,
    );
    expect(heredoc.ok && heredoc.request.call.kind).toBe('file-write');
    const argv = parseCodex({ tool_name: 'Bash', tool_input: { command: ['rm', '-rf', 'a b'] } }, FALLBACK);
    expect(argv.ok && argv.request.call).toMatchObject({ kind: 'shell', command: "rm -rf 'a b'" });
  });

  it('prints nothing to allow and only ever denies (ask and allow are unsupported there)', () => {
    expect(codex.render(allow)).toEqual({ stdout: '', exitCode: 0 });
    expect(codex.render(pass)).toEqual({ stdout: '', exitCode: 0 });
    const out = JSON.parse(codex.render(ask).stdout);
    expect(out.hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: expect.stringContaining('Codex hooks cannot ask the user'),
    });
    expect(Object.keys(out).sort()).toEqual(['hookSpecificOutput', 'systemMessage']);
  });
});

describe('sensitive files', () => {
  const ctx = { cwd: '/home/u/p', home: '/home/u', userConfigDir: '/home/u/.config/interlock' };
  it.each([
    ['.env', 'credentials'],
    ['config/.env.production', 'credentials'],
    ['~/.ssh/id_ed25519', 'credentials'],
    ['~/.aws/credentials', 'credentials'],
    ['deploy/key.pem', 'credentials'],
    ['infra/terraform.tfstate', 'terraform-state'],
    ['infra/terraform.tfstate.d/prod/terraform.tfstate', 'terraform-state'],
    ['.interlock/policies/team.cedar', 'interlock-config'],
    ['~/.config/interlock/config.yaml', 'interlock-config'],
    ['~/.claude/settings.json', 'agent-hooks'],
    ['.cursor/hooks.json', 'agent-hooks'],
    ['.codex/hooks.json', 'agent-hooks'],
    ['/etc/hosts', 'system'],
    ['~/.bashrc', 'startup-script'],
  ])('%s is %s', (path, category) => {
    expect(sensitiveFile(path, ctx)?.category).toBe(category);
  });
  it.each(['src/app.ts', '.env.example', '/tmp/x', 'README.md'])('%s is ordinary', (path) => {
    expect(sensitiveFile(path, ctx)).toBeUndefined();
  });
});

describe('MCP calls', () => {
  it('splits mcp__server__tool names', () => {
    expect(splitMcpName('mcp__brave-search__web_search')).toEqual({
      server: 'brave-search',
      tool: 'web_search',
    });
    expect(splitMcpName('Bash')).toBeUndefined();
  });
  it('places the call by server name and arguments', () => {
    const prod = mcpEffects(
      { server: 'postgres-prod', tool: 'purge_orders', args: {} },
      testFacts(),
      DEFAULT_PLACEMENT,
    )[0]!;
    expect(prod).toMatchObject({
      operation: 'delete',
      risk: 'high',
      environment: 'production',
      destructive: true,
    });
    const list = mcpEffects(
      { server: 'github', tool: 'list_deleted_items', args: {} },
      testFacts(),
      DEFAULT_PLACEMENT,
    )[0]!;
    expect(list).toMatchObject({ operation: 'read', destructive: false });
    const local = mcpEffects(
      { server: 'memory', tool: 'delete_entities', args: {} },
      testFacts(),
      DEFAULT_PLACEMENT,
    )[0]!;
    // Names are the agent's to write: they raise, never lower.
    expect(local).toMatchObject({ operation: 'delete', environment: 'unknown', destructive: true });
    const staging = mcpEffects(
      { server: 'k8s', tool: 'delete_pod', args: { context: 'staging-eu' } },
      testFacts(),
      DEFAULT_PLACEMENT,
    )[0]!;
    expect(staging.environment).toBe('unknown');
  });
});

describe('patches', () => {
  it('finds a patch in a shell command only when apply_patch runs it', () => {
    expect(patchInShellCommand("apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF")).toContain(
      '*** Begin Patch',
    );
    expect(patchInShellCommand('echo "*** Begin Patch"')).toBeUndefined();
    expect(patchedFiles('*** Begin Patch\n*** Add File: new.ts\n+x\n*** End Patch')).toEqual([
      { path: 'new.ts', change: 'write' },
    ]);
  });
});

describe('verdicts', () => {
  it('turns require-approval into an ask that names the approvers', () => {
    const v = verdictFromDecision(
      {
        outcome: 'require-approval',
        approvals: 2,
        approverGroup: 'platform',
        reasons: ['two peers must approve'],
        policies: [],
      },
      [],
      'this command',
    );
    expect(v).toMatchObject({
      outcome: 'ask',
      decided: 'require-approval',
      approvals: 2,
      approverGroup: 'platform',
    });
    expect(v.userMessage).toContain('2 approvers from platform');
    expect(v.userMessage).toContain('No approval server is configured');
    expect(askAsDeny(v, 'Codex')).toMatchObject({ outcome: 'deny' });
    expect(askAsDeny(v, 'Codex').agentMessage).toContain('approval by 2 approvers from platform');
  });
});
