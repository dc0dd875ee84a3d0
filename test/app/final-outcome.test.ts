import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalOutcome } from '../../src/app/pipeline.js';
import type { ServerAnswer } from '../../src/app/gate.js';
import { runCheck } from '../../src/cli/check.js';
import type { CliIo } from '../../src/cli/io.js';
import { OUTCOMES, type Outcome } from '../../src/core/types.js';
import { loadRuntime } from '../../src/app/runtime.js';
import { sharedRuntime } from '../support/runtime.js';

const answer = (outcome: Outcome): ServerAnswer => ({
  outcome,
  message: `server says ${outcome}`,
  consulted: true,
});
const RECORDED = { recorded: true } as const;

describe('the final outcome', () => {
  it.each(OUTCOMES.flatMap((local) => OUTCOMES.map((server) => [local, server] as const)))(
    'policy %s, server %s',
    (local, server) => {
      const final = finalOutcome(local, answer(server), RECORDED);
      if (local === 'deny') expect(final).toBe('deny');
      else if (local === 'require-approval') expect(final).toBe(server === 'allow' ? 'allow' : 'deny');
      else expect(OUTCOMES.indexOf(final)).toBe(Math.max(OUTCOMES.indexOf(local), OUTCOMES.indexOf(server)));
    },
  );

  it('is the policy verdict without a server, and deny when the log refused it', () => {
    for (const local of OUTCOMES) expect(finalOutcome(local, undefined, RECORDED)).toBe(local);
    expect(finalOutcome('allow', undefined, { recorded: false, refused: true, message: 'disk full' })).toBe(
      'deny',
    );
    expect(finalOutcome('ask', undefined, { recorded: false, refused: false, message: 'disk full' })).toBe(
      'ask',
    );
  });
});

describe('a server that answers allow to everything', () => {
  let server: Server;
  let url = '';
  let asked = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      asked++;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ outcome: 'allow', message: 'approved (by a server the agent runs)' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('cannot turn a local deny into allow', async () => {
    const home = mkdtempSync(join(tmpdir(), 'interlock-loosen-'));
    let out = '';
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        INTERLOCK_DATABASE: join(home, 'audit.db'),
        TF_WORKSPACE: 'production',
        INTERLOCK_SERVER_URL: url,
        INTERLOCK_TOKEN: 'agent-token',
      },
    };
    const rt = await sharedRuntime();
    const code = await runCheck(
      ['terraform apply -auto-approve'],
      { json: true, agent: 'claude', cwd: home },
      async () => rt,
      io,
    );
    const json = JSON.parse(out);
    expect(json.decision.policyOutcome).toBe('deny');
    expect(json.decision.outcome).toBe('deny');
    expect(code).toBe(5);
  });

  it("is never asked when only a project's config names it (the agent can write that file)", async () => {
    const home = mkdtempSync(join(tmpdir(), 'interlock-project-server-'));
    const project = join(home, 'project');
    mkdirSync(join(project, '.interlock'), { recursive: true });
    writeFileSync(join(project, '.interlock', 'config.yaml'), `server:\n  url: ${url}\n`);
    const env = {
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      INTERLOCK_DATABASE: join(home, 'audit.db'),
      INTERLOCK_TOKEN: 'agent-token',
    };
    let out = '';
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env,
    };
    const rt = await loadRuntime({ cwd: project, env });
    const before = asked;
    const code = await runCheck(
      ['kubectl delete namespace payments --context prod-eu'],
      { json: true, agent: 'claude', cwd: project },
      async () => rt,
      io,
    );
    expect(asked).toBe(before);
    expect(JSON.parse(out).server).toBeUndefined();
    expect(code).toBe(4);
  });
});
