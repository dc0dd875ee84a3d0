import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_MATCHER } from '../../src/adapters/hooks/claude-code.js';
import { CODEX_MATCHER } from '../../src/adapters/hooks/codex.js';
import { GEMINI_MATCHER } from '../../src/adapters/hooks/gemini.js';
import { addHook, isInterlockHandler, removeHook } from '../../src/adapters/hooks/install.js';
import { quoteArgv } from '../../src/shell/quote-argv.js';
import type { AgentId } from '../../src/adapters/hooks/types.js';
import { baseEnv, HOOK_ENTRY, runHere, tempHome } from './support.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// `interlock init --agent …` merges into the agent's own settings without clobbering the user's other
// hooks, keeps a backup, is idempotent, and `interlock uninstall --agent …` takes out exactly what it added.

const command = (agent: AgentId) => quoteArgv([process.execPath, HOOK_ENTRY, '--autostart', agent]);
/** The post-tool hook `init` installs beside the pre-tool one (it records what ran). */
const postCommand = (cmd: string) => cmd.replace(/ (\S+)$/, ' --post-tool $1');
const postGroup = (cmd: string, matcher: string) => ({
  matcher,
  hooks: [{ type: 'command', command: postCommand(cmd), timeout: 10 }],
});

const USER_SETTINGS: Record<AgentId, { file: string; settings: object; installed: (cmd: string) => object }> =
  {
    'claude-code': {
      file: '.claude/settings.json',
      settings: {
        model: 'opus',
        permissions: { allow: ['Bash(npm test)'] },
        hooks: {
          PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '~/bin/log-bash.sh' }] }],
          PostToolUse: [
            { matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write' }] },
          ],
        },
      },
      installed: (cmd) => ({
        model: 'opus',
        permissions: { allow: ['Bash(npm test)'] },
        hooks: {
          PreToolUse: [
            { matcher: 'Bash', hooks: [{ type: 'command', command: '~/bin/log-bash.sh' }] },
            {
              matcher: CLAUDE_MATCHER,
              hooks: [{ type: 'command', command: cmd, timeout: 30, onFailure: 'block' }],
            },
          ],
          PostToolUse: [
            { matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write' }] },
            postGroup(cmd, '^Bash$'),
          ],
          PostToolUseFailure: [postGroup(cmd, '^Bash$')],
        },
      }),
    },
    cursor: {
      file: '.cursor/hooks.json',
      settings: {
        version: 1,
        hooks: {
          beforeShellExecution: [{ command: './hooks/audit.sh' }],
          afterFileEdit: [{ command: './hooks/format.sh' }],
        },
      },
      installed: (cmd) => ({
        version: 1,
        hooks: {
          beforeShellExecution: [
            { command: './hooks/audit.sh' },
            { command: cmd, timeout: 30, failClosed: true },
          ],
          afterFileEdit: [{ command: './hooks/format.sh' }],
          beforeMCPExecution: [{ command: cmd, timeout: 30, failClosed: true }],
          afterShellExecution: [{ command: postCommand(cmd), timeout: 10 }],
        },
      }),
    },
    gemini: {
      file: '.gemini/settings.json',
      settings: {
        theme: 'GitHub',
        tools: { enableHooks: true },
        hooks: {
          BeforeTool: [
            {
              matcher: 'write_file',
              hooks: [{ name: 'secret-scan', type: 'command', command: './scan.sh' }],
            },
          ],
          disabled: [],
        },
      },
      installed: (cmd) => ({
        theme: 'GitHub',
        tools: { enableHooks: true },
        hooks: {
          BeforeTool: [
            {
              matcher: 'write_file',
              hooks: [{ name: 'secret-scan', type: 'command', command: './scan.sh' }],
            },
            {
              matcher: GEMINI_MATCHER,
              hooks: [
                {
                  name: 'interlock',
                  type: 'command',
                  command: cmd,
                  timeout: 30000,
                  description: expect.stringMatching(/^Interlock/),
                },
              ],
            },
          ],
          disabled: [],
          AfterTool: [
            {
              matcher: '^run_shell_command$',
              hooks: [
                {
                  name: 'interlock-executed',
                  type: 'command',
                  command: postCommand(cmd),
                  timeout: 10000,
                  description: expect.stringMatching(/^Interlock/),
                },
              ],
            },
          ],
        },
      }),
    },
    codex: {
      file: '.codex/hooks.json',
      settings: { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }] } },
      installed: (cmd) => ({
        hooks: {
          Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }],
          PreToolUse: [{ matcher: CODEX_MATCHER, hooks: [{ type: 'command', command: cmd, timeout: 30 }] }],
          PostToolUse: [postGroup(cmd, 'Bash')],
        },
      }),
    },
  };

function writeJson(file: string, value: object): string {
  mkdirSync(dirname(file), { recursive: true });
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(file, text);
  return text;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe.each(Object.keys(USER_SETTINGS) as AgentId[])('interlock init --agent %s', (agent) => {
  const spec = USER_SETTINGS[agent];

  it('merges into existing user settings, keeps a backup, is idempotent, and uninstall restores the file', async () => {
    const home = tempHome();
    const env = baseEnv(home);
    const file = join(home, spec.file);
    const original = writeJson(file, spec.settings);

    const first = await runHere(['init', '--agent', agent], '', env, home);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Installed the Interlock hook for ${agent} in ${file}`);
    expect(readJson(file)).toEqual(spec.installed(command(agent)));
    expect(readFileSync(`${file}.interlock-backup`, 'utf8')).toBe(original);

    const installedText = readFileSync(file, 'utf8');
    const second = await runHere(['init', '--agent', agent, '--user'], '', env, home);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already installed');
    expect(readFileSync(file, 'utf8')).toBe(installedText);
    expect(readFileSync(`${file}.interlock-backup`, 'utf8')).toBe(original);

    const removed = await runHere(['uninstall', '--agent', agent], '', env, home);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/Removed \d Interlock hook entr/);
    expect(readFileSync(file, 'utf8')).toBe(original);

    const again = await runHere(['uninstall', '--agent', agent], '', env, home);
    expect(again.stdout).toContain('nothing changed');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('creates the project settings file, and uninstall removes it again', async () => {
    const home = tempHome();
    const project = join(home, 'work', 'app');
    mkdirSync(project, { recursive: true });
    const env = baseEnv(home);
    const run = await runHere(['init', '--agent', agent, '--project'], '', env, project);
    expect(run.code, run.stderr).toBe(0);
    const file =
      agent === 'claude-code' ? join(project, '.claude', 'settings.local.json') : join(project, spec.file);
    expect(run.stdout).toContain(file);
    expect(existsSync(join(home, spec.file))).toBe(false);
    const settings = readJson(file) as Record<string, unknown>;
    expect(JSON.stringify(settings)).toContain(HOOK_ENTRY);

    const removed = await runHere(
      ['uninstall', '--agent', agent, '--project', '--dir', project],
      '',
      env,
      home,
    );
    expect(removed.code).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});

describe('interlock init', () => {
  it('refuses a settings file that is not plain JSON and leaves it untouched', async () => {
    const home = tempHome();
    const file = join(home, '.gemini', 'settings.json');
    mkdirSync(dirname(file), { recursive: true });
    const text = '{\n  // my comment\n  "theme": "GitHub"\n}\n';
    writeFileSync(file, text);
    const run = await runHere(['init', '--agent', 'gemini'], '', baseEnv(home), home);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toMatch(/is not plain JSON .* left untouched/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('replaces its own entry when the command changes instead of adding a second one', async () => {
    const home = tempHome();
    const env = baseEnv(home);
    await runHere(['init', '--agent', 'codex', '--command', 'interlock hook codex'], '', env, home);
    await runHere(['init', '--agent', 'codex'], '', env, home);
    expect(readJson(join(home, '.codex', 'hooks.json'))).toEqual({
      hooks: {
        PreToolUse: [
          { matcher: CODEX_MATCHER, hooks: [{ type: 'command', command: command('codex'), timeout: 30 }] },
        ],
        PostToolUse: [postGroup(command('codex'), 'Bash')],
      },
    });
  });

  it('installs a hook that starts no daemon with --no-autostart, and switching replaces the entry', async () => {
    const home = tempHome();
    const env = baseEnv(home);
    await runHere(['init', '--agent', 'codex'], '', env, home);
    await runHere(['init', '--agent', 'codex', '--no-autostart'], '', env, home);
    expect(readJson(join(home, '.codex', 'hooks.json'))).toEqual({
      hooks: {
        PreToolUse: [
          {
            matcher: CODEX_MATCHER,
            hooks: [
              { type: 'command', command: quoteArgv([process.execPath, HOOK_ENTRY, 'codex']), timeout: 30 },
            ],
          },
        ],
        PostToolUse: [postGroup(quoteArgv([process.execPath, HOOK_ENTRY, 'codex']), 'Bash')],
      },
    });
  });

  it('wires Claude Code to the daemon with --http, blocking while the daemon is down', async () => {
    const home = tempHome();
    const env = baseEnv(home);
    const run = await runHere(['init', '--agent', 'claude-code', '--http', '--port', '47999'], '', env, home);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('blocks every matched tool call');
    expect(readJson(join(home, '.claude', 'settings.json'))).toEqual({
      hooks: {
        PreToolUse: [
          {
            matcher: CLAUDE_MATCHER,
            hooks: [
              {
                type: 'http',
                url: 'http://127.0.0.1:47999/hooks/claude-code',
                timeout: 30,
                onFailure: 'block',
              },
            ],
          },
        ],
        // What ran is recorded by a command: the daemon answers pre-tool calls only.
        PostToolUse: [postGroup(command('claude-code'), '^Bash$')],
        PostToolUseFailure: [postGroup(command('claude-code'), '^Bash$')],
      },
    });
    const bad = await runHere(['init', '--agent', 'cursor', '--http'], '', env, home);
    expect(bad.code).toBe(2);
    await runHere(['uninstall', '--agent', 'claude-code'], '', env, home);
    expect(existsSync(join(home, '.claude', 'settings.json'))).toBe(false);
  });

  it('without --agent writes the starter configuration', async () => {
    const home = tempHome();
    const run = await runHere(['init'], '', baseEnv(home), home);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(home, '.interlock'))).toBe(true);
  });
});

describe('recognising Interlock entries', () => {
  it.each([
    ['interlock hook claude-code', true],
    ["'/usr/bin/node' '/opt/interlock/dist/cli/hook-fast.cjs' claude-code", true],
    ["'/usr/bin/node' '/opt/interlock/dist/cli/hook.js' claude-code", true],
    ['node /opt/interlock/dist/cli/main.js hook claude-code', true],
    ['interlock hook --no-daemon claude-code', true],
    ['interlock hook cursor', false],
    ['my-interlock-wrapper.sh', false],
    ['interlock hook claude-code-extra', false],
  ])('%s → %s', (cmd, ours) => {
    expect(isInterlockHandler('claude-code', { type: 'command', command: cmd })).toBe(ours);
  });

  it('removes only its own handler from a matcher group it shares with the user', () => {
    const settings = {
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [
              { type: 'command', command: 'mine.sh' },
              { type: 'command', command: 'interlock hook claude-code' },
            ],
          },
        ],
      },
    };
    expect(removeHook('claude-code', settings)).toBe(1);
    expect(settings).toEqual({
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'mine.sh' }] }] },
    });
  });

  it("takes its handler out of a group the user shares, leaving the user's matcher alone", () => {
    const settings = {
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [
              { type: 'command', command: 'mine.sh' },
              { type: 'command', command: 'interlock hook claude-code' },
            ],
          },
        ],
      },
    };
    expect(addHook('claude-code', settings, { command: 'interlock hook claude-code' })).toBe(true);
    expect(settings.hooks.PreToolUse).toEqual([
      { matcher: 'Bash', hooks: [{ type: 'command', command: 'mine.sh' }] },
      {
        matcher: CLAUDE_MATCHER,
        hooks: [{ type: 'command', command: 'interlock hook claude-code', timeout: 30, onFailure: 'block' }],
      },
    ]);
    expect(addHook('claude-code', settings, { command: 'interlock hook claude-code' })).toBe(false);
  });

  it('keeps one entry when settings hold duplicates of it', () => {
    const handler = { type: 'command', command: 'interlock hook codex' };
    const settings = {
      hooks: {
        PreToolUse: [
          { matcher: 'Bash', hooks: [handler] },
          { matcher: 'x', hooks: [handler] },
        ],
      },
    };
    addHook('codex', settings, { command: 'interlock hook codex' });
    expect(settings.hooks.PreToolUse).toEqual([
      { matcher: CODEX_MATCHER, hooks: [{ type: 'command', command: 'interlock hook codex', timeout: 30 }] },
    ]);
  });
});
