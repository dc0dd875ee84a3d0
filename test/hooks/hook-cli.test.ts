import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  baseEnv,
  FIXTURES,
  fixture,
  HOOK_ENTRY,
  MAIN,
  runHere,
  runNode,
  tempHome,
  type Run,
} from './support.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// Every fixture is an agent's real hook input (shapes from each agent's hook documentation), run through
// the built CLI as the agent runs it: `interlock hook <agent>` with the JSON on stdin (in this process, see
// test/support/cli.ts; the tests at the end run it as its own process).
// The expected stdout is the exact JSON object (message texts are matched by pattern: the policies word
// them) and the exact exit code.

const text = (pattern: RegExp) => expect.stringMatching(pattern);
const claude = (decision: 'allow' | 'ask' | 'deny', reason: RegExp, extra: object = {}) => {
  const specific = {
    hookEventName: 'PreToolUse',
    permissionDecision: decision,
    permissionDecisionReason: text(reason),
    ...(decision === 'ask' ? { additionalContext: text(/^Interlock/) } : {}),
  };
  return decision === 'deny'
    ? { systemMessage: text(/^Interlock/), hookSpecificOutput: specific, ...extra }
    : { hookSpecificOutput: specific, ...extra };
};
const cursorAnswer = (permission: 'ask' | 'deny', message: RegExp) => ({
  permission,
  user_message: text(message),
  agent_message: text(message),
});
const geminiDeny = (reason: RegExp) => ({
  decision: 'deny',
  reason: text(reason),
  systemMessage: text(/^Interlock/),
});
const codexDeny = (reason: RegExp) => ({
  systemMessage: text(/^Interlock/),
  hookSpecificOutput: {
    hookEventName: 'PreToolUse',
    permissionDecision: 'deny',
    permissionDecisionReason: text(reason),
  },
});

type Expected = { exit: number; stdout: object | ''; stderr?: RegExp };
const BLOCKED = { exit: 2, stdout: '', stderr: /blocking this tool call to be safe/ } as const;
const NOTHING = { exit: 0, stdout: '' } as const;

const EXPECTED: Record<string, Record<string, Expected>> = {
  'claude-code': {
    // Harmless by the built-in packs only: no opinion, so Claude Code's own permission rules still apply.
    'bash-harmless.json': NOTHING,
    'bash-destructive.json': { exit: 0, stdout: claude('ask', /confirm this command\?.*delete \//) },
    'bash-production.json': {
      exit: 0,
      stdout: claude('ask', /requires approval by 2 approvers .*No approval server is configured/),
    },
    'bash-unverifiable-production.json': {
      exit: 0,
      stdout: claude('deny', /^Interlock denied this command.*production/),
    },
    'write-env.json': { exit: 0, stdout: claude('ask', /confirm this change to \.env\?.*credentials/) },
    'write-env-production.json': {
      exit: 0,
      stdout: claude('ask', /change to \.env\.production requires approval by 2/),
    },
    'edit-interlock-config.json': { exit: 0, stdout: claude('ask', /config\.yaml.*Interlock configuration/) },
    'multiedit-tfstate.json': { exit: 0, stdout: claude('ask', /terraform\.tfstate requires approval by 2/) },
    'write-ordinary.json': NOTHING,
    'read.json': NOTHING,
    'grep.json': NOTHING,
    'mcp-read.json': NOTHING,
    'mcp-sql-drop.json': {
      exit: 0,
      stdout: claude('ask', /MCP call \(query\) requires approval by 2 approvers/),
    },
    // "memory" is a name the agent's configuration gives: it does not make the server local (no lowering).
    'mcp-memory-delete.json': {
      exit: 0,
      stdout: claude('ask', /this MCP call \(delete_entities\) requires approval by 2 approvers/),
    },
    'unknown-tool.json': {
      exit: 0,
      stdout: claude('ask', /does not know the tool FrobnicateCluster/),
      stderr: /unknown tool FrobnicateCluster/,
    },
    'post-tool-use.json': { exit: 0, stdout: '', stderr: /handles PreToolUse, not PostToolUse/ },
    'malformed-not-json.txt': { ...BLOCKED, stderr: /the input is not JSON/ },
    'malformed-no-tool-name.json': { ...BLOCKED, stderr: /tool_name is missing/ },
    'malformed-bash-no-command.json': { ...BLOCKED, stderr: /Bash without tool_input.command/ },
    'malformed-read-no-path.json': NOTHING,
  },
  cursor: {
    'shell-harmless.json': { exit: 0, stdout: { permission: 'allow' } },
    'shell-destructive.json': { exit: 0, stdout: cursorAnswer('ask', /confirm this command/) },
    'shell-production.json': { exit: 0, stdout: cursorAnswer('ask', /requires approval by 2 approvers/) },
    'shell-unverifiable-production.json': {
      exit: 0,
      stdout: cursorAnswer('deny', /^Interlock denied this command/),
    },
    'mcp-select-string-input.json': { exit: 0, stdout: { permission: 'allow' } },
    'mcp-drop.json': { exit: 0, stdout: cursorAnswer('ask', /MCP call \(database_query\)/) },
    'after-file-edit.json': { exit: 0, stdout: {}, stderr: /not afterFileEdit/ },
    'malformed-no-command.json': { ...BLOCKED, stderr: /command is missing/ },
  },
  gemini: {
    'shell-harmless.json': { exit: 0, stdout: {} },
    'shell-destructive.json': {
      exit: 0,
      stdout: geminiDeny(/needs the user's confirmation, and Gemini CLI hooks cannot ask/),
    },
    'shell-unverifiable-production.json': { exit: 0, stdout: geminiDeny(/^Interlock denied this command/) },
    'write-env.json': { exit: 0, stdout: geminiDeny(/change to \.env/) },
    'replace-ordinary.json': { exit: 0, stdout: {} },
    'read-file.json': { exit: 0, stdout: {} },
    'mcp-select.json': { exit: 0, stdout: {} },
    'after-tool.json': { exit: 0, stdout: {}, stderr: /not AfterTool/ },
  },
  codex: {
    'bash-harmless.json': NOTHING,
    'bash-destructive.json': { exit: 0, stdout: codexDeny(/Codex hooks cannot ask the user.*delete \//) },
    'bash-unverifiable-production.json': { exit: 0, stdout: codexDeny(/^Interlock denied this command/) },
    'apply-patch-env.json': { exit: 0, stdout: codexDeny(/change to \.env/) },
    'apply-patch-ordinary.json': NOTHING,
    'bash-apply-patch-heredoc.json': {
      exit: 0,
      stdout: codexDeny(/approval by 2 approvers.*terraform\.tfstate/),
    },
    'mcp-read.json': NOTHING,
    'malformed-no-tool-input.json': { ...BLOCKED, stderr: /Bash without tool_input.command/ },
  },
};

const home = tempHome();
// No daemon: these runs decide in the hook's own process.
const env = baseEnv(home, { INTERLOCK_NO_DAEMON: '1' });
const results = new Map<string, Run>();

beforeAll(async () => {
  for (const [agent, files] of Object.entries(EXPECTED))
    for (const file of Object.keys(files))
      results.set(`${agent}/${file}`, await runHere(['hook', agent], fixture(agent, file), env, home));
}, 240_000);

describe.each(Object.keys(EXPECTED))('interlock hook %s', (agent) => {
  it.each(Object.keys(EXPECTED[agent]!))('%s', (file) => {
    const expected = EXPECTED[agent]![file]!;
    const run = results.get(`${agent}/${file}`)!;
    expect(run.code, run.stderr).toBe(expected.exit);
    if (expected.stdout === '') expect(run.stdout).toBe('');
    else {
      expect(run.stdout.endsWith('\n')).toBe(true);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toEqual(expected.stdout);
    }
    if (expected.stderr) expect(run.stderr).toMatch(expected.stderr);
    else expect(run.stderr).toBe('');
  });
});

it('has an expectation for every fixture', () => {
  for (const agent of Object.keys(EXPECTED)) {
    expect(readdirSync(join(FIXTURES, agent)).sort()).toEqual(Object.keys(EXPECTED[agent]!).sort());
  }
});

describe('the hook process never crashes the agent', () => {
  it('blocks an unknown agent name and a terminal on stdin with a usage message', async () => {
    const run = await runNode([MAIN, 'hook', 'vim'], '{}', env);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/unknown agent "vim"; expected one of claude-code, cursor, gemini, codex/);
  });

  it('blocks the call when the hook itself fails (interlock hook, not only the installed entry)', async () => {
    // The answer cannot be written: the hook fails after reading the input.
    const closed = 'data:text/javascript,process.stdout.write=()=>{throw new Error("stdout is closed")}';
    for (const entry of [MAIN, HOOK_ENTRY]) {
      const args = entry === MAIN ? [MAIN, 'hook', 'claude-code'] : [HOOK_ENTRY, 'claude-code'];
      const run = await runNode(['--import', closed, ...args], fixture('claude-code', 'read.json'), env);
      expect(run.stderr).toBe('interlock hook: stdout is closed; blocking this tool call to be safe.\n');
      expect(run.code).toBe(EXIT_CODES['hook-block']);
    }
  });

  it('blocks empty input', async () => {
    const run = await runNode([MAIN, 'hook', 'claude-code'], '', env);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/no input on stdin/);
  });

  it('answers read-only tools without loading the parsers or Cedar', async () => {
    const loader = fileURLToPath(new URL('./forbid-heavy.mjs', import.meta.url));
    const read = await runNode(
      ['--import', loader, MAIN, 'hook', 'claude-code'],
      fixture('claude-code', 'read.json'),
      env,
    );
    expect(read).toEqual({ code: 0, stdout: '', stderr: '' });
    const edit = await runNode(
      ['--import', loader, MAIN, 'hook', 'claude-code'],
      fixture('claude-code', 'write-ordinary.json'),
      env,
    );
    expect(edit).toEqual({ code: 0, stdout: '', stderr: '' });
    // The same loader does stop a call that needs them (the guard works), and the hook turns that internal
    // error into a deny rather than a crash.
    const bash = await runNode(
      ['--import', loader, MAIN, 'hook', 'claude-code'],
      fixture('claude-code', 'bash-harmless.json'),
      env,
    );
    expect(bash.code).toBe(0);
    expect(JSON.parse(bash.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(bash.stderr).toMatch(/internal error: .*must not load/);
  });
});
