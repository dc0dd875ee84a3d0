import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, runHere, tempHome } from './support.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// `interlock doctor` finds the agents on the machine and runs a self-test through each installed hook.

describe('interlock doctor', () => {
  it('reports installed hooks that work, agents without a hook, and hooks that fail', async () => {
    const home = tempHome();
    const env = baseEnv(home, { INTERLOCK_NO_DAEMON: '1', PATH: '/nonexistent' });
    mkdirSync(join(home, '.claude'));
    mkdirSync(join(home, '.codex'));
    expect((await runHere(['init', '--agent', 'claude-code'], '', env, home)).code).toBe(0);
    expect((await runHere(['init', '--agent', 'codex'], '', env, home)).code).toBe(0);

    const good = await runHere(['doctor', '--json'], '', env, home);
    expect(good.code, good.stderr).toBe(0);
    const report = JSON.parse(good.stdout);
    expect(report.ok).toBe(true);
    const byAgent = Object.fromEntries(report.agents.map((a: { agent: string }) => [a.agent, a]));
    expect(byAgent['claude-code']).toMatchObject({
      found: ['~/.claude'],
      installed: [{ scope: 'user', kind: 'command', file: join(home, '.claude', 'settings.json') }],
      selfTests: [
        { test: { ok: true, detail: expect.stringMatching(/`rm -rf \/` → block, `ls` → proceed/) } },
      ],
    });
    expect(byAgent.codex.selfTests[0].test.ok).toBe(true);
    expect(byAgent.cursor).toMatchObject({ found: [], installed: [] });
    expect(report.daemon).toMatchObject({ running: false });

    // An agent on the machine without the hook, and a hook whose command does not answer.
    mkdirSync(join(home, '.gemini'));
    await runHere(['init', '--agent', 'cursor', '--command', 'false hook'], '', env, home);
    await runHere(['uninstall', '--agent', 'codex'], '', env, home);
    await runHere(['init', '--agent', 'codex', '--command', 'true; interlock hook codex'], '', env, home);
    const bad = await runHere(['doctor'], '', env, home);
    expect(bad.code).toBe(EXIT_CODES.failed);
    expect(bad.stdout).toMatch(
      /Gemini CLI: found \(~\/\.gemini\)\n {2}hook: not installed — interlock init --agent gemini/,
    );
    expect(bad.stdout).toMatch(/Codex: found[^\n]*\n {2}hook: command in [^\n]*\n {2}self-test: FAILED/);
    expect(bad.stdout).toMatch(/Claude Code: found[^\n]*\n {2}hook: command in [^\n]*\n {2}self-test: ok/);
    expect(bad.stdout).toMatch(/Daemon: not running/);
  }, 120_000);
});
