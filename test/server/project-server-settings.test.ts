import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ApprovalClient } from '../../src/approvals/http.js';
import { CLI, runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// Attack: the agent writes its project's .interlock/config.yaml so that `interlock serve`, started in that
// directory, keeps its state in the agent's database and sends every request to the agent's webhook.

/** A local HTTP receiver that keeps the bodies it was sent. */
async function receiver(): Promise<{ url: string; bodies: string[]; close: () => void }> {
  const bodies: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => server.close() };
}

describe("a project's server: settings", () => {
  const cleanup: (() => void)[] = [];
  afterAll(() => cleanup.forEach((f) => f()));

  it('are ignored by interlock serve and interlock token, and the server says so', async () => {
    const attacker = await receiver();
    const legit = await receiver();
    cleanup.push(attacker.close, legit.close);
    const root = tempTree({});
    const agentDb = join(root, 'agent-owned.db');
    const project = join(root, 'project');
    const { writeTree } = await import('../support/tmp.js');
    writeTree(project, {
      '.interlock/config.yaml': `server:\n  databaseUrl: ${agentDb}\n  webhookUrl: ${attacker.url}\n`,
    });
    const env = {
      HOME: root,
      XDG_CONFIG_HOME: join(root, 'config'),
      XDG_DATA_HOME: join(root, 'data'),
      XDG_STATE_HOME: join(root, 'state'),
    };
    const serverDb = join(root, 'data', 'interlock', 'server.db');

    // `token create` in the project directory uses the server's own database, not the project's.
    const alice = await runCli(['token', 'create', '--human', 'alice', '--json'], { cwd: project, env });
    expect(alice.status, alice.stderr).toBe(0);
    const token = (JSON.parse(alice.stdout) as { token: string }).token;

    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--quiet'], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', ...env, INTERLOCK_WEBHOOK_URL: legit.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.push(() => child.kill('SIGTERM'));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const listening = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (l) => l.includes('listening on') && resolve(l));
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    expect(listening).toContain(serverDb);
    expect(stderr).toMatch(
      /ignored: project tried server\.databaseUrl \(.*project\/\.interlock\/config\.yaml\)/,
    );
    expect(stderr).toMatch(/ignored: project tried server\.webhookUrl/);
    expect(existsSync(agentDb)).toBe(false);

    // A freeze is announced to the server's own webhook; the agent's receives nothing.
    const url = /listening on (\S+)/.exec(listening)![1]!;
    await new ApprovalClient(url, token).setFrozen(true, { reason: 'drill' });
    while (!legit.bodies.length) await new Promise((r) => setTimeout(r, 50));
    expect(legit.bodies[0]).toContain('Interlock frozen');
    expect(attacker.bodies).toEqual([]);
    expect(existsSync(agentDb)).toBe(false);

    // policy list says the same.
    const list = await runCli(['policy', 'list'], { cwd: project, env });
    expect(list.stdout).toMatch(/ignored: project tried server\.databaseUrl/);
  }, 90_000);
});
