import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/core/exit-codes.js';
import { baseEnv, MAIN, runHere, tempHome } from '../hooks/support.js';

// `interlock mcp wrap|unwrap --agent …` puts `interlock mcp-proxy` in front of the stdio MCP servers of an
// agent's own configuration file and takes it out again, leaving every other byte of the file as it was.

const SERVER = fileURLToPath(new URL('../fixtures/mcp/inventory-server.mjs', import.meta.url));

interface Case {
  name: string;
  agent: 'claude-code' | 'cursor' | 'gemini';
  project: boolean;
  /** The file, from the home directory (`~`) or the project (`.`). */
  file: string;
  text: (project: string) => string;
  /** Where the servers are in the parsed file, and which of them are stdio (wrapped). */
  sections: (project: string) => { at: string[]; stdio: string[]; remote: string[] }[];
  /** Servers elsewhere in the file that must stay as they are. */
  untouched?: (project: string) => string[][];
}

// Each file as the agent's documentation shows it, with the things people keep beside the servers.
const CASES: Case[] = [
  {
    name: 'Claude Code project .mcp.json (as `claude mcp add --scope project` writes it)',
    agent: 'claude-code',
    project: true,
    file: './.mcp.json',
    text: () =>
      `${JSON.stringify(
        {
          mcpServers: {
            github: {
              type: 'stdio',
              command: 'npx',
              args: ['-y', '@modelcontextprotocol/server-github'],
              env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' },
            },
            sentry: { type: 'http', url: 'https://mcp.sentry.dev/mcp' },
            events: {
              type: 'sse',
              url: 'https://example.com/sse',
              headers: { Authorization: 'Bearer ${T}' },
            },
          },
        },
        null,
        2,
      )}\n`,
    sections: () => [{ at: ['mcpServers'], stdio: ['github'], remote: ['sentry', 'events'] }],
  },
  {
    name: "Claude Code ~/.claude.json: user servers and this project's local ones, not another project's",
    agent: 'claude-code',
    project: false,
    file: '~/.claude.json',
    text: (project) =>
      JSON.stringify(
        {
          numStartups: 12,
          theme: 'dark',
          mcpServers: {
            memory: {
              type: 'stdio',
              command: 'npx',
              args: ['-y', '@modelcontextprotocol/server-memory'],
              env: {},
            },
          },
          projects: {
            [project]: {
              allowedTools: [],
              mcpServers: {
                'postgres-prod': {
                  type: 'stdio',
                  command: 'npx',
                  args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://db.prod.internal/app'],
                  env: { PGPASSWORD: 'x' },
                },
                linear: { type: 'http', url: 'https://mcp.linear.app/mcp' },
              },
              hasTrustDialogAccepted: true,
            },
            '/somewhere/else': {
              mcpServers: { other: { type: 'stdio', command: 'other-server', args: [], env: {} } },
            },
          },
        },
        null,
        2,
      ), // Claude Code writes it without a final newline
    sections: (project) => [
      { at: ['mcpServers'], stdio: ['memory'], remote: [] },
      { at: ['projects', project, 'mcpServers'], stdio: ['postgres-prod'], remote: ['linear'] },
    ],
    untouched: () => [['projects', '/somewhere/else', 'mcpServers', 'other']],
  },
  {
    name: 'Cursor project .cursor/mcp.json, written by hand (arrays on one line)',
    agent: 'cursor',
    project: true,
    file: './.cursor/mcp.json',
    text: () => `{
  "mcpServers": {
    "server-name": {
      "command": "npx",
      "args": ["-y", "mcp-server"],
      "env": {
        "API_KEY": "value"
      }
    },
    "docs": { "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer \${env:DOCS_TOKEN}" } },
    "time": {
      "command": "uvx",
      "args": ["mcp-server-time", "--local-timezone=Europe/Paris"],
      "envFile": "\${workspaceFolder}/.env"
    }
  }
}
`,
    sections: () => [{ at: ['mcpServers'], stdio: ['server-name', 'time'], remote: ['docs'] }],
  },
  {
    name: 'Cursor user ~/.cursor/mcp.json',
    agent: 'cursor',
    project: false,
    file: '~/.cursor/mcp.json',
    text: () =>
      `${JSON.stringify({ mcpServers: { playwright: { command: 'npx', args: ['@playwright/mcp@latest'] } } }, null, 2)}\n`,
    sections: () => [{ at: ['mcpServers'], stdio: ['playwright'], remote: [] }],
  },
  {
    name: 'Gemini CLI project .gemini/settings.json, beside its other settings and hooks',
    agent: 'gemini',
    project: true,
    file: './.gemini/settings.json',
    text: () =>
      `${JSON.stringify(
        {
          theme: 'Dracula',
          hooks: {
            BeforeTool: [{ matcher: 'run_shell_command', hooks: [{ type: 'command', command: 'x' }] }],
          },
          mcpServers: {
            pythonTools: {
              command: 'python',
              args: ['-m', 'my_mcp_server', '--port', '8080'],
              cwd: './mcp-servers/python',
              env: { DATABASE_URL: '$DB_CONNECTION_STRING' },
              timeout: 15000,
              trust: false,
              includeTools: ['safe_tool'],
            },
            httpServer: { httpUrl: 'http://localhost:3000/mcp', timeout: 5000 },
            sseServer: { url: 'http://localhost:8080/sse' },
          },
        },
        null,
        2,
      )}\n`,
    sections: () => [{ at: ['mcpServers'], stdio: ['pythonTools'], remote: ['httpServer', 'sseServer'] }],
  },
  {
    name: 'Gemini CLI user ~/.gemini/settings.json, indented with four spaces',
    agent: 'gemini',
    project: false,
    file: '~/.gemini/settings.json',
    text: () =>
      `${JSON.stringify(
        {
          selectedAuthType: 'gemini-api-key',
          mcpServers: { git: { command: 'uvx', args: ['mcp-server-git'] } },
        },
        null,
        4,
      )}\n`,
    sections: () => [{ at: ['mcpServers'], stdio: ['git'], remote: [] }],
  },
];

interface Setup {
  home: string;
  project: string;
  file: string;
  env: Record<string, string>;
  run: (...args: string[]) => ReturnType<typeof runHere>;
}

function setUp(c: Pick<Case, 'file' | 'agent' | 'project'>, text: (project: string) => string): Setup {
  const home = tempHome();
  const project = join(home, 'work', 'app');
  mkdirSync(project, { recursive: true });
  const file = c.file.startsWith('~/') ? join(home, c.file.slice(2)) : join(project, c.file.slice(2));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text(project));
  const env = baseEnv(home, { INTERLOCK_DAEMON_AUTOSTART: '0' });
  const run = (...args: string[]) =>
    runHere(['mcp', ...args, '--agent', c.agent, ...(c.project ? ['--project'] : [])], '', env, project);
  return { home, project, file, env, run };
}

const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('interlock mcp wrap / unwrap', () => {
  it.each(CASES)(
    '$name: wraps the stdio servers, keeps the rest, and unwrap restores the file byte for byte',
    async (c) => {
      const s = setUp(c, c.text);
      const original = readFileSync(s.file, 'utf8');
      const before = read(s.file);

      const wrapped = await s.run('wrap');
      expect(wrapped.stderr).toBe('');
      expect(wrapped.code).toBe(EXIT_CODES.ok);
      const after = read(s.file);
      for (const section of c.sections(s.project)) {
        for (const name of section.stdio) {
          const was = at(before, [...section.at, name]) as { command: string; args?: string[] };
          const now = at(after, [...section.at, name]) as Record<string, unknown>;
          expect(now).toEqual({
            ...was,
            command: process.execPath,
            args: [MAIN, 'mcp-proxy', '--name', name, '--', was.command, ...(was.args ?? [])],
          });
          expect(wrapped.stdout).toContain(name);
        }
        for (const name of section.remote) {
          expect(at(after, [...section.at, name])).toEqual(at(before, [...section.at, name]));
          expect(wrapped.stdout).toMatch(new RegExp(`${name}[^\\n]*: a remote server`));
        }
      }
      for (const path of c.untouched?.(s.project) ?? []) expect(at(after, path)).toEqual(at(before, path));
      // Nothing but the servers' command lines changed.
      const strip = (v: unknown) =>
        JSON.stringify(v, (key, value: unknown) => (key === 'command' || key === 'args' ? undefined : value));
      expect(strip(after)).toBe(strip(before));
      expect(readFileSync(`${s.file}.interlock-backup`, 'utf8')).toBe(original);

      const unwrapped = await s.run('unwrap');
      expect(unwrapped.code).toBe(EXIT_CODES.ok);
      expect(readFileSync(s.file, 'utf8')).toBe(original);
    },
  );

  it.each(CASES)('$name: a second wrap changes nothing and says they are wrapped already', async (c) => {
    const s = setUp(c, c.text);
    await s.run('wrap');
    const once = readFileSync(s.file, 'utf8');
    const backup = readFileSync(`${s.file}.interlock-backup`, 'utf8');
    const again = await s.run('wrap');
    expect(again.code).toBe(EXIT_CODES.ok);
    expect(again.stdout).toMatch(/Already wrapped, left as they are: /);
    expect(again.stdout).toMatch(/Nothing to wrap; .* was not changed/);
    expect(readFileSync(s.file, 'utf8')).toBe(once);
    expect(readFileSync(`${s.file}.interlock-backup`, 'utf8')).toBe(backup);
    // And unwrap twice: the second finds nothing wrapped.
    await s.run('unwrap');
    const restored = readFileSync(s.file, 'utf8');
    const twice = await s.run('unwrap');
    expect(twice.stdout).toMatch(/Nothing to unwrap/);
    expect(readFileSync(s.file, 'utf8')).toBe(restored);
  });

  it("counts an entry put behind `interlock mcp-proxy` by hand (the README's form) as wrapped", async () => {
    const hand = {
      command: 'interlock',
      args: ['mcp-proxy', '--name', 'pg', '--', 'npx', '-y', 'server-postgres'],
    };
    const c = { agent: 'cursor' as const, project: true, file: './.cursor/mcp.json' };
    const s = setUp(c, () => `${JSON.stringify({ mcpServers: { pg: hand } }, null, 2)}\n`);
    const wrap = await s.run('wrap');
    expect(wrap.stdout).toMatch(/Already wrapped, left as they are: pg/);
    const unwrap = await s.run('unwrap');
    expect(unwrap.code).toBe(EXIT_CODES.ok);
    expect(read(s.file)).toEqual({ mcpServers: { pg: { command: 'npx', args: ['-y', 'server-postgres'] } } });
  });

  it('reports remote servers as not covered, with the reason, and leaves them as they are', async () => {
    const s = setUp(CASES[0]!, CASES[0]!.text);
    const r = await s.run('wrap');
    expect(r.stdout).toMatch(
      /Not covered by the proxy, left as they are:\n {2}sentry: a remote server \("url"\): the agent connects to it over the network and starts no process/,
    );
    expect(r.stdout).toMatch(/events: a remote server/);
    expect(r.stdout).toMatch(/the agent's hook \(interlock init --agent\) still sees its tool calls/);
  });

  it('--server wraps only the servers named, and unwraps only those', async () => {
    const c = CASES[2]!; // Cursor: server-name and time
    const s = setUp(c, c.text);
    const original = readFileSync(s.file, 'utf8');
    const r = await s.run('wrap', '--server', 'time');
    expect(r.code).toBe(EXIT_CODES.ok);
    const after = read(s.file) as { mcpServers: Record<string, { command: string; args: string[] }> };
    expect(after.mcpServers.time!.args).toContain('mcp-proxy');
    expect(after.mcpServers['server-name']).toEqual({
      command: 'npx',
      args: ['-y', 'mcp-server'],
      env: { API_KEY: 'value' },
    });
    expect(r.stdout).not.toContain('server-name');
    expect(r.stdout).not.toContain('docs');

    await s.run('wrap');
    const both = await s.run('unwrap', '--server', 'server-name');
    expect(both.code).toBe(EXIT_CODES.ok);
    const partly = read(s.file) as { mcpServers: Record<string, { command: string; args: string[] }> };
    expect(partly.mcpServers['server-name']!.command).toBe('npx');
    expect(partly.mcpServers.time!.args).toContain('mcp-proxy');
    await s.run('unwrap');
    expect(readFileSync(s.file, 'utf8')).toBe(original);
  });

  it('refuses a --server that names no server, and changes nothing', async () => {
    const s = setUp(CASES[2]!, CASES[2]!.text);
    const original = readFileSync(s.file, 'utf8');
    const r = await s.run('wrap', '--server', 'nope', '--server', 'time');
    expect(r.code).toBe(EXIT_CODES.usage);
    expect(r.stderr).toMatch(
      /no MCP server named "nope" in .*mcp\.json \(it has server-name, docs, time\); nothing changed/,
    );
    expect(readFileSync(s.file, 'utf8')).toBe(original);
    expect(existsSync(`${s.file}.interlock-backup`)).toBe(false);
  });

  it('--dry-run says what would change and writes nothing', async () => {
    const s = setUp(CASES[4]!, CASES[4]!.text);
    const original = readFileSync(s.file, 'utf8');
    const r = await s.run('wrap', '--dry-run');
    expect(r.code).toBe(EXIT_CODES.ok);
    expect(r.stdout).toMatch(
      /^Would wrap in .*settings\.json:\n {2}pythonTools: python -m my_mcp_server --port 8080\n {4}→ .* mcp-proxy --name pythonTools -- python -m my_mcp_server --port 8080\n/,
    );
    expect(r.stdout).toMatch(/Dry run: .* was not changed/);
    expect(readFileSync(s.file, 'utf8')).toBe(original);
    expect(existsSync(`${s.file}.interlock-backup`)).toBe(false);
  });

  it.each<[string, Case['agent'], string, string, RegExp]>([
    ['not JSON', 'cursor', './.cursor/mcp.json', '{ "mcpServers": { ', /not valid JSON/],
    [
      'JSON with comments (Gemini CLI reads them; JSON does not)',
      'gemini',
      './.gemini/settings.json',
      '{\n  // mine\n  "mcpServers": { "git": { "command": "uvx", "args": ["mcp-server-git"] } }\n}\n',
      /not valid JSON/,
    ],
    ['not an object', 'claude-code', './.mcp.json', '[]\n', /does not hold a JSON object/],
    [
      'mcpServers a list',
      'claude-code',
      './.mcp.json',
      '{ "mcpServers": [] }\n',
      /mcpServers: .*expected record/,
    ],
    [
      'an argument that is a number',
      'cursor',
      './.cursor/mcp.json',
      '{ "mcpServers": { "db": { "command": "pg-mcp", "args": ["--port", 5432] } } }\n',
      /mcpServers\.db\.args\[1\]: .*expected string/,
    ],
    [
      'a command that is not a string',
      'gemini',
      './.gemini/settings.json',
      '{ "mcpServers": { "x": { "command": ["npx", "x"] } } }\n',
      /mcpServers\.x\.command: .*expected string/,
    ],
    [
      'a project entry in ~/.claude.json that is not an object',
      'claude-code',
      '~/.claude.json',
      '{ "projects": { "PROJECT": "oops" } }',
      /projects\[".*\/work\/app"\] is not an object/,
    ],
  ])(
    'refuses a file that is %s, says where, and leaves it untouched',
    async (_what, agent, file, text, message) => {
      const c = { agent, file, project: file.startsWith('./') };
      const s = setUp(c, (project) => text.replace('PROJECT', project));
      const original = readFileSync(s.file, 'utf8');
      for (const action of ['wrap', 'unwrap']) {
        const r = await s.run(action);
        expect(r.code).toBe(EXIT_CODES.usage);
        expect(r.stderr).toContain(s.file);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/it was left untouched/);
        expect(readFileSync(s.file, 'utf8')).toBe(original);
        expect(existsSync(`${s.file}.interlock-backup`)).toBe(false);
      }
    },
  );

  it.each<[string, (args: string[]) => string[], RegExp]>([
    [
      'its "--" taken out',
      (args) => args.filter((a) => a !== '--'),
      /"npx" stands between mcp-proxy and "--"/,
    ],
    ['its server command taken out', (args) => args.slice(0, args.indexOf('--') + 1), /nothing follows "--"/],
    ['an option of its own added', (args) => ['--cwd', '/tmp', ...args], /"--cwd" stands between/],
  ])(
    'refuses to unwrap an entry edited so that it no longer reads back (%s), and changes nothing',
    async (_what, edit, message) => {
      const c = CASES[3]!; // Cursor user: playwright
      const s = setUp(c, c.text);
      await s.run('wrap');
      const wrapped = read(s.file) as { mcpServers: { playwright: { args: string[] } } };
      const [main, proxy, ...rest] = wrapped.mcpServers.playwright.args;
      wrapped.mcpServers.playwright.args = [main!, proxy!, ...edit(rest)];
      writeFileSync(s.file, `${JSON.stringify(wrapped, null, 2)}\n`);
      const edited = readFileSync(s.file, 'utf8');
      const r = await s.run('unwrap');
      expect(r.code).toBe(EXIT_CODES.usage);
      expect(r.stderr).toMatch(/playwright in .*mcp\.json: its command line runs interlock mcp-proxy, but /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(
        /Put the server's own command and args back by hand, or leave it out with --server/,
      );
      expect(r.stderr).toMatch(/left untouched/);
      expect(readFileSync(s.file, 'utf8')).toBe(edited);
    },
  );

  it("keeps a hand-written file's layout: only the command and args values change, arrays stay on one line", async () => {
    const c = CASES[2]!;
    const s = setUp(c, c.text);
    const original = readFileSync(s.file, 'utf8').split('\n');
    await s.run('wrap');
    const wrapped = readFileSync(s.file, 'utf8').split('\n');
    expect(wrapped.length).toBe(original.length);
    const changed = wrapped.flatMap((line, i) =>
      line === original[i] ? [] : [line.trim().replace(/:.*/, '')],
    );
    expect(changed).toEqual(['"command"', '"args"', '"command"', '"args"']);
  });

  it('an entry with no args gets them when wrapped, and keeps an empty list when unwrapped', async () => {
    const c = { agent: 'gemini' as const, project: true, file: './.gemini/settings.json' };
    const s = setUp(
      c,
      () =>
        '{\n  "mcpServers": {\n    "time": {\n      "command": "mcp-server-time",\n      "trust": true\n    }\n  }\n}\n',
    );
    await s.run('wrap');
    expect(read(s.file)).toEqual({
      mcpServers: {
        time: {
          command: process.execPath,
          args: [MAIN, 'mcp-proxy', '--name', 'time', '--', 'mcp-server-time'],
          trust: true,
        },
      },
    });
    await s.run('unwrap');
    expect(readFileSync(s.file, 'utf8')).toBe(
      '{\n  "mcpServers": {\n    "time": {\n      "command": "mcp-server-time",\n      "args": [],\n      "trust": true\n    }\n  }\n}\n',
    );
  });

  it('says so when the agent has no such file, and creates none', async () => {
    const home = tempHome();
    const r = await runHere(['mcp', 'wrap', '--agent', 'cursor'], '', baseEnv(home), home);
    expect(r.code).toBe(EXIT_CODES.ok);
    expect(r.stdout).toMatch(/There is no .*\.cursor\/mcp\.json: Cursor has no MCP servers configured there/);
    expect(existsSync(join(home, '.cursor'))).toBe(false);
  });

  it.each([
    ['codex', /Codex keeps its MCP servers in ~\/\.codex\/config\.toml/],
    ['vim', /unknown agent "vim"; expected one of claude-code, cursor, gemini/],
  ])('--agent %s is a usage error', async (agent, message) => {
    const home = tempHome();
    const r = await runHere(['mcp', 'wrap', '--agent', agent], '', baseEnv(home), home);
    expect(r.code).toBe(EXIT_CODES.usage);
    expect(r.stderr).toMatch(message);
  });

  it('end to end: the wrapped .mcp.json entry, started as written, judges the calls to inventory-prod', async () => {
    const c = { agent: 'claude-code' as const, project: true, file: './.mcp.json' };
    const s = setUp(
      c,
      () =>
        `${JSON.stringify({ mcpServers: { 'inventory-prod': { command: 'node', args: [SERVER] } } }, null, 2)}\n`,
    );
    expect((await s.run('wrap')).code).toBe(EXIT_CODES.ok);
    const entry = (read(s.file) as { mcpServers: Record<string, { command: string; args: string[] }> })
      .mcpServers['inventory-prod']!;
    expect(entry.args.slice(-2)).toEqual(['node', SERVER]);

    const log = join(s.home, 'calls.jsonl');
    const client = new Client({ name: 'test-agent', version: '1.0.0' });
    const transport = new StdioClientTransport({
      command: entry.command,
      args: entry.args,
      env: { ...s.env, CALLS_LOG: log },
      cwd: s.project,
      stderr: 'pipe',
    });
    await client.connect(transport);
    try {
      const listed = (await client.callTool({ name: 'list_items', arguments: {} })) as CallToolResult;
      expect(listed.isError ?? false).toBe(false);
      expect(listed.content).toEqual([{ type: 'text', text: 'widget, gadget' }]);
      const deleted = (await client.callTool({
        name: 'delete_item',
        arguments: { id: '42' },
      })) as CallToolResult;
      expect(deleted.isError).toBe(true);
      expect(JSON.stringify(deleted.content)).toMatch(/Interlock blocked this call/);
    } finally {
      await client.close();
    }
    const arrived = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { tool: string }).tool);
    expect(arrived).toEqual(['list_items']);
  });
});
