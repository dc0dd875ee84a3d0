import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliResult } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';
import { body, wire } from '../approvals/fixtures.js';
import { spawnServer } from './harness.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// The whole loop through the built CLI, as people and agents use it: tokens, the server, `check` from the
// agent, `approvals` from the approvers, the identical retry allowed once, `--wait`, and the kill switch.

const DELETE = 'kubectl delete namespace payments --context prod-eu';

describe('interlock serve / token / approvals / freeze / check', () => {
  const home = tempTree({ 'project/README': 'x' });
  const project = join(home, 'project');
  const database = join(home, 'data', 'interlock', 'server.db');
  const base = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_STATE_HOME: join(home, 'state'),
  };
  const tokens: Record<string, string> = {};
  let server: Awaited<ReturnType<typeof spawnServer>>;

  const as = (who: string, args: string[]): Promise<CliResult> =>
    runCli(args, {
      cwd: project,
      env: { ...base, INTERLOCK_SERVER_URL: server.url, INTERLOCK_TOKEN: tokens[who]! },
    });
  const check = (extra: string[] = [], command = DELETE) =>
    as('claude', ['check', '--agent', 'claude', ...extra, '--', ...command.split(' ')]);

  beforeAll(async () => {
    for (const [who, args] of [
      ['claude', ['--agent', 'claude', '--acts-for', 'alice']],
      ['alice', ['--human', 'alice', '--group', 'platform']],
      ['bob', ['--human', 'bob', '--group', 'platform', '--group', 'sre']],
      ['carol', ['--human', 'carol', '--group', 'platform']],
    ] as const) {
      const r = await runCli(['token', 'create', ...args, '--json'], { env: base });
      expect(r.status, r.stderr).toBe(0);
      tokens[who] = (JSON.parse(r.stdout) as { token: string }).token;
    }
    server = await spawnServer(database);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('token list shows identities, never tokens; bad input is explained', async () => {
    const list = await runCli(['token', 'list'], { env: base });
    expect(list.stdout).toMatch(/agent\s+claude\s+acts for: alice/);
    expect(list.stdout).toMatch(/human\s+bob\s+groups: platform, sre/);
    for (const t of Object.values(tokens)) expect(list.stdout).not.toContain(t);
    const both = await runCli(['token', 'create', '--agent', 'a', '--human', 'b'], { env: base });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/exactly one of --agent NAME or --human NAME/);
    const spaces = await runCli(['token', 'create', '--human', 'a b'], { env: base });
    expect(spaces.stderr).toMatch(/not a usable name/);
    const nobody = await runCli(['token', 'create', '--agent', 'claude'], { env: base });
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toMatch(/an agent token needs --acts-for HUMAN/);
    expect(nobody.stderr).toContain('interlock token create --agent claude --acts-for HUMAN');
  });

  it('token create --slack-user maps one Slack user to one human, and explains what it refuses', async () => {
    const dave = await runCli(['token', 'create', '--human', 'dave', '--slack-user', 'U0DAVE1'], {
      env: base,
    });
    expect(dave.status, dave.stderr).toBe(0);
    expect(dave.stdout).toContain('Slack user U0DAVE1 approves and denies as dave');
    expect((await runCli(['token', 'list'], { env: base })).stdout).toMatch(
      /human\s+dave\s+groups: —\s+slack: U0DAVE1/,
    );
    const taken = await runCli(['token', 'create', '--human', 'erin', '--slack-user', 'U0DAVE1'], {
      env: base,
    });
    expect(taken.status).toBe(2);
    expect(taken.stderr).toMatch(/Slack user U0DAVE1 already acts as dave .*interlock token revoke tok_/);
    const agent = await runCli(
      ['token', 'create', '--agent', 'bot', '--acts-for', 'dave', '--slack-user', 'U0BOT1'],
      { env: base },
    );
    expect(agent.status).toBe(2);
    expect(agent.stderr).toMatch(/--slack-user is for --human/);
    const bad = await runCli(['token', 'create', '--human', 'frank', '--slack-user', 'frank'], { env: base });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/a Slack user id looks like U024BE7LH/);
  });

  it('require-approval: a request, the approvers, and the identical retry allowed once', async () => {
    const first = await check();
    expect(first.status, first.stderr).toBe(5);
    const id = /(req_[0-9a-z]+)/.exec(first.stdout)![1]!;
    // The headline is the final outcome (what the exit code says); the policies' verdict is shown below it.
    expect(first.stdout).toMatch(/^DENY /);
    expect(first.stdout).toMatch(/policy: REQUIRE APPROVAL \(2 approvers\)/);
    expect(first.stdout).toMatch(/retry exactly the same command/);

    const list = await as('bob', ['approvals', 'list']);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toMatch(/agent claude for alice/);
    const show = await as('bob', ['approvals', 'show', id]);
    expect(show.stdout).toMatch(
      /DELETE namespace\/payments — kubectl, production, risk critical, irreversible/,
    );
    expect(show.stdout).toMatch(/Blast radius: 1 effect, 1 destructive, 1 irreversible/);
    expect(show.stdout).toMatch(/policy baseline\.approve-destructive-in-production/);

    const own = await as('alice', ['approvals', 'approve', id]);
    expect(own.status).toBe(EXIT_CODES.failed);
    expect(own.stderr).toMatch(/on your behalf; someone other than you must approve it/);
    const agentVote = await as('claude', ['approvals', 'approve', id]);
    expect(agentVote.stderr).toMatch(/agents cannot approve/);
    expect((await as('bob', ['approvals', 'approve', id, '--comment', 'backup verified'])).stdout).toMatch(
      /1 more approval needed/,
    );
    expect((await as('bob', ['approvals', 'approve', id])).stdout).toMatch(/one person counts once/);
    expect((await as('carol', ['approvals', 'approve', id])).stdout).toMatch(/is approved/);

    const other = await check([], 'kubectl delete namespace payments --context prod-us');
    expect(other.status).toBe(5);
    expect(other.stdout).not.toContain(id);
    const retry = await check(['--json']);
    expect(retry.status, retry.stderr).toBe(0);
    const approved = JSON.parse(retry.stdout);
    expect(approved.server).toMatchObject({ outcome: 'allow', requestId: id, state: 'consumed' });
    expect(approved.decision).toMatchObject({ outcome: 'allow', policyOutcome: 'require-approval' });
    const again = await check();
    expect(again.status).toBe(5);
    expect(again.stdout).not.toContain(id);
  });

  it('check --wait returns once the approvers have approved', async () => {
    // A process of its own: it waits while the approvers act.
    const child = spawn(
      process.execPath,
      [CLI, 'check', '--agent', 'claude', '--wait', '60s', '--', 'terraform', 'destroy', '-auto-approve'],
      {
        cwd: project,
        env: {
          PATH: process.env.PATH ?? '',
          NO_COLOR: '1',
          ...base,
          TF_WORKSPACE: 'production',
          INTERLOCK_SERVER_URL: server.url,
          INTERLOCK_TOKEN: tokens.claude!,
        },
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number>((r) => child.once('exit', (code) => r(code ?? -1)));
    // The request it waits on, once it says so (a whole id: output may arrive in pieces).
    const id = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /(req_[0-9a-z]+)[^0-9a-z]/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) =>
        reject(new Error(`check --wait exited (${code}) first: ${stdout}${stderr}`)),
      );
    });
    expect(stderr).toMatch(/waiting up to 60s for approval/);
    expect((await as('bob', ['approvals', 'approve', id])).status).toBe(0);
    expect((await as('carol', ['approvals', 'approve', id])).status).toBe(0);
    expect(await exited, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^ALLOW /);
    expect(stdout).toMatch(/why: approval server: Approved by bob, carol/);
    expect(stdout).toMatch(/policy: REQUIRE APPROVAL \(2 approvers\)/);
  }, 90_000);

  it('deny says why, to the agent', async () => {
    const first = await check([], 'kubectl delete namespace ledger --context prod-eu');
    const id = /(req_[0-9a-z]+)/.exec(first.stdout)![1]!;
    const noReason = await as('bob', ['approvals', 'deny', id]);
    expect(noReason.status).not.toBe(0);
    expect(
      (await as('bob', ['approvals', 'deny', id, '--reason', 'ledger is frozen for audit'])).status,
    ).toBe(0);
    const retry = await check([], 'kubectl delete namespace ledger --context prod-eu');
    expect(retry.status).toBe(5);
    expect(retry.stdout).toMatch(/denied by bob: ledger is frozen for audit/);
  });

  it('plan check asks the server and records its decision, like check', async () => {
    const plan = fileURLToPath(new URL('../fixtures/plans/terraform-aws-production.json', import.meta.url));
    const first = await as('claude', ['plan', 'check', plan, '--agent', 'claude', '--json']);
    expect(first.status, first.stderr).toBe(5);
    const json = JSON.parse(first.stdout);
    expect(json.decision).toMatchObject({ outcome: 'deny', policyOutcome: 'require-approval' });
    expect(json.server).toMatchObject({ outcome: 'deny', state: 'pending' });
    const id = json.server.requestId as string;
    expect((await as('bob', ['approvals', 'show', id])).stdout).toMatch(/terraform-aws-production\.json/);
    expect((await as('bob', ['approvals', 'approve', id])).status).toBe(0);
    expect((await as('carol', ['approvals', 'approve', id])).status).toBe(0);
    const approved = await as('claude', ['plan', 'check', plan, '--agent', 'claude']);
    expect(approved.status, approved.stdout + approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(/^ALLOW /m);
    expect(approved.stdout).toMatch(/policy: REQUIRE APPROVAL \(2 approvers\)/);
    const log = await as('bob', ['audit', 'log', '--json', '--limit', '0']);
    expect(
      log.stdout.match(/"via":"plan check"/g)?.length ?? 0,
      log.stdout + log.stderr,
    ).toBeGreaterThanOrEqual(2);
  });

  it('freeze denies every agent write until unfreeze; agents cannot unfreeze', async () => {
    expect((await check([], 'rm notes.txt')).status).toBe(0);
    expect((await as('claude', ['freeze'])).status).toBe(EXIT_CODES.failed);
    const frozen = await as('bob', ['freeze', '--reason', 'incident 7']);
    expect(frozen.status, frozen.stderr).toBe(0);
    const denied = await check([], 'rm notes.txt');
    expect(denied.status).toBe(5);
    expect(denied.stdout).toMatch(/^DENY /);
    expect(denied.stdout).toMatch(/frozen \(by bob .*incident 7\)/);
    const deniedJson = await check(['--json'], 'rm notes.txt');
    expect(deniedJson.status).toBe(5);
    expect(JSON.parse(deniedJson.stdout).decision).toMatchObject({ outcome: 'deny', policyOutcome: 'allow' });
    expect((await check([], 'ls -la')).status).toBe(0);
    expect((await as('bob', ['approvals', 'list'])).stdout).toMatch(/FROZEN by bob \(incident 7\)/);
    expect((await as('claude', ['unfreeze'])).stderr).toMatch(/agents cannot unfreeze/);
    expect((await as('carol', ['unfreeze'])).status).toBe(0);
    expect((await check([], 'rm notes.txt')).status).toBe(0);
  });

  it('a configured server without a token fails closed in production and says how to fix it', async () => {
    const r = await runCli(['check', '--agent', 'claude', '--', ...DELETE.split(' ')], {
      cwd: project,
      env: { ...base, INTERLOCK_SERVER_URL: server.url },
    });
    expect(r.status).toBe(5);
    expect(r.stdout).toMatch(/INTERLOCK_TOKEN is not set/);
    const approvals = await runCli(['approvals', 'list'], { cwd: project, env: base });
    expect(approvals.status).toBe(2);
    expect(approvals.stderr).toMatch(/no approval server is configured/);
  });

  it('approvals show and list make control characters in what the agent sent visible', async () => {
    // An agent (or anything holding its token) controls the command text; people read it in a terminal.
    const hostile = '\x1b[2K\x1b[1Arm -rf /';
    const res = await fetch(`${server.url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.claude}`, 'content-type': 'application/json' },
      body: JSON.stringify(wire(body({ command: hostile, digest: '7'.repeat(64) }))),
    });
    const id = ((await res.json()) as { requestId: string }).requestId;
    const show = await as('bob', ['approvals', 'show', id]);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain('\\x1b[2K\\x1b[1Arm -rf /');
    expect(show.stdout).not.toContain('\x1b');
    const list = await as('bob', ['approvals', 'list']);
    expect(list.stdout).toContain('\\x1b[2K\\x1b[1Arm -rf /');
    expect(list.stdout).not.toContain('\x1b');
    expect((await as('alice', ['approvals', 'cancel', id])).status).toBe(0);
  });

  it('a revoked token is refused', async () => {
    const r = await runCli(['token', 'revoke', 'carol'], { env: base });
    expect(r.stdout).toMatch(/Revoked tok_/);
    const refused = await as('carol', ['approvals', 'list']);
    expect(refused.status).toBe(EXIT_CODES.failed);
    expect(refused.stderr).toMatch(/unknown or revoked/);
  });
});
