import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, runHere, tempHome } from './support.js';

// `interlock doctor` says which of an agent's MCP servers run behind `interlock mcp-proxy`, which do not (and
// how to fix it), and which are remote. Shown, not judged: the exit code stays about the hooks.

describe('doctor: MCP servers', () => {
  it('reports each file: behind the proxy, not behind it, remote', async () => {
    const home = tempHome();
    const project = join(home, 'work', 'app');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(home, '.claude.json'),
      JSON.stringify({
        mcpServers: {
          db: { command: 'interlock', args: ['mcp-proxy', '--name', 'db', '--', 'npx', 'server-postgres'] },
          files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'] },
          docs: { type: 'http', url: 'https://mcp.example.com/mcp' },
        },
      }),
    );
    writeFileSync(
      join(project, '.mcp.json'),
      JSON.stringify({ mcpServers: { k8s: { command: 'kubectl-mcp' } } }),
    );
    const env = baseEnv(home);
    const json = await runHere(['doctor', '--no-self-test', '--json', '--dir', project], '', env, project);
    const reports = (JSON.parse(json.stdout) as { mcpServers: unknown[] }).mcpServers;
    expect(reports).toEqual([
      {
        agent: 'claude-code',
        project: false,
        file: join(home, '.claude.json'),
        behindProxy: ['db'],
        notBehindProxy: ['files'],
        remote: ['docs'],
      },
      {
        agent: 'claude-code',
        project: true,
        file: join(project, '.mcp.json'),
        behindProxy: [],
        notBehindProxy: ['k8s'],
        remote: [],
      },
    ]);
    const text = await runHere(['doctor', '--no-self-test', '--dir', project], '', env, project);
    expect(text.stdout).toContain(
      'not behind it (only the hook sees their calls): k8s — interlock mcp wrap --agent claude-code --project',
    );
    expect(text.stdout).toContain('behind interlock mcp-proxy: db');
  });
});
