import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPolicy } from '../../src/least-privilege/aws-session-policy.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../support/cli.js';
import { check } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';
import { SQLITE } from '../store/stores.js';
import { people, serverOn, type People } from '../server/harness.js';
import { approveByTwo } from './billing.js';
import { startStsEndpoint, TEMPORARY, type StsEndpoint } from './sts-endpoint.js';

// `interlock run -- aws …`: held for approval, then run with credentials from sts:AssumeRole narrowed to the
// approved effects. STS is an endpoint the test starts (no AWS endpoint is reachable here); `aws` is a
// script at the broker's configured path that prints what it was given, so what the child saw is visible.

const ROLE = 'arn:aws:iam::111122223333:role/deployer';
const DROP = 'aws s3 rb s3://prod-bucket --force';

describe('interlock run -- aws (the broker, with STS)', () => {
  let sts: StsEndpoint;
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let who: People;
  const home = tempTree({ 'project/README': 'x', 'bin/README': 'fake programs' });
  const project = join(home, 'project');
  const fakeAws = join(home, 'bin', 'aws');
  const ranLog = join(home, 'ran.log');

  const config = (name: string, endpoint: string) => {
    const path = join(home, name);
    writeFileSync(
      path,
      `server: {url: ${server.url}}\nawsCli: ${fakeAws}\naws:\n  - name: prod-deployer\n    roleArn: ${ROLE}\n    region: eu-west-1\n    endpoint: ${endpoint}\n    source: {accessKeyId: AKIABROKERSOURCE01, secretAccessKey: broker-source-secret-key}\n`,
    );
    chmodSync(path, 0o600);
    return path;
  };

  beforeAll(async () => {
    sts = await startStsEndpoint();
    ({ store, cleanup } = await SQLITE.create());
    who = await people(store);
    server = await serverOn(store);
    writeFileSync(fakeAws, `#!/bin/sh\necho "$*" >> ${ranLog}\necho "argv: $*"\nenv | grep '^AWS_' | sort\n`);
    chmodSync(fakeAws, 0o755);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
    await sts?.close();
  });

  // The agent's own AWS identity and files, none of which may reach the child.
  const agentEnv = () => ({
    INTERLOCK_TOKEN: who.agent,
    AWS_ACCESS_KEY_ID: 'AKIAAGENTOWNKEY0001',
    AWS_SECRET_ACCESS_KEY: 'agent-own-secret',
    AWS_SESSION_TOKEN: 'agent-own-token',
    AWS_PROFILE: 'agent',
    AWS_CONFIG_FILE: join(home, 'agent-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'agent-credentials'),
  });
  const run = (command: string[], path: string) =>
    runCli(['run', '--agent', 'claude', '--broker-config', path, '--', ...command], {
      cwd: project,
      env: agentEnv(),
    });
  const approveTwice = (stderr: string) => approveByTwo(server, who, stderr);

  it('holds the bucket removal, then runs it with only the narrowed temporary credentials', async () => {
    const path = config('broker.yaml', sts.url);
    const argv = DROP.split(' ');
    const held = await run(argv, path);
    expect(held.status, held.stderr).toBe(5);
    expect(sts.calls).toHaveLength(0);
    expect(existsSync(ranLog)).toBe(false);
    const id = await approveTwice(held.stderr);

    const ran = await run(argv, path);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/ran with broker:prod-deployer in \d+ ms, exit 0/);

    // STS was asked once, signed with the broker's keys, for exactly the approved effects, for 900 s.
    expect(sts.calls).toHaveLength(1);
    const { params, authorization } = sts.calls[0]!;
    expect(authorization).toContain('Credential=AKIABROKERSOURCE01/');
    const approved = (await check(DROP)).assessment.effects.filter((e) => e.tool === 'aws');
    const expected = sessionPolicy(approved, { account: '111122223333' });
    expect(expected.unmapped).toEqual([]);
    expect(JSON.parse(params.Policy!)).toEqual(expected.policy);
    expect(params.Policy).toBe(expected.assumeRole.Policy);
    expect(JSON.parse(params.Policy!).Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:DeleteBucket'], Resource: ['arn:aws:s3:::prod-bucket'] },
    ]);
    expect(params).toMatchObject({
      DurationSeconds: '900',
      RoleArn: ROLE,
      RoleSessionName: `interlock-${id}`,
    });

    // The child saw the temporary credentials and nothing of the agent's.
    const seen = ran.stdout.split('\n').filter((l) => l.startsWith('AWS_'));
    expect(seen.sort()).toEqual(
      [
        `AWS_ACCESS_KEY_ID=${TEMPORARY.AccessKeyId}`,
        'AWS_CONFIG_FILE=/dev/null',
        'AWS_DEFAULT_REGION=eu-west-1',
        'AWS_REGION=eu-west-1',
        `AWS_SECRET_ACCESS_KEY=${TEMPORARY.SecretAccessKey}`,
        `AWS_SESSION_TOKEN=${TEMPORARY.SessionToken}`,
        'AWS_SHARED_CREDENTIALS_FILE=/dev/null',
      ].sort(),
    );
    expect(ran.stdout).toContain('argv: s3 rb s3://prod-bucket --force');
    expect(ran.stdout).not.toMatch(/agent-own|AKIAAGENT|AWS_PROFILE/);
  });

  it('STS unreachable: the approved command is denied, nothing runs, and that is recorded', async () => {
    writeFileSync(ranLog, '');
    const down = config('down.yaml', 'http://127.0.0.1:9');
    const argv = ['aws', 's3', 'rb', 's3://other-prod-bucket', '--force'];
    const held = await run(argv, down);
    expect(held.status, held.stderr).toBe(5);
    await approveTwice(held.stderr);
    const denied = await run(argv, down);
    expect(denied.status, denied.stderr).toBe(5);
    expect(denied.stderr).toMatch(
      /sts:AssumeRole of .*deployer at http:\/\/127\.0\.0\.1:9 failed .*denied, nothing ran/,
    );
    expect(readFileSync(ranLog, 'utf8')).toBe('');
    const local = await runCli(['audit', 'log', '--json', '--limit', '0']);
    expect(local.stdout).toMatch(
      /"summary":"aws s3 rb s3:\/\/other-prod-bucket --force ended \(failed\) with broker:prod-deployer"/,
    );
  });

  it('a profile no entry serves, or a config that grants aws entries unknown keys, runs nothing', async () => {
    const path = config('broker2.yaml', sts.url);
    const other = await run(['aws', '--profile', 'staging', 's3', 'rb', 's3://x', '--force'], path);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(`no aws entry in ${path} matches --profile staging`);
    const extra = join(home, 'extra.yaml');
    writeFileSync(
      extra,
      `aws:\n  - {name: a, roleArn: ${ROLE}, source: {accessKeyId: AKIABROKERSOURCE01, secretAccessKey: broker-source-secret-key}, policy: admin}\n`,
    );
    chmodSync(extra, 0o600);
    const bad = await run(DROP.split(' '), extra);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(extra);
    expect(bad.stderr).toMatch(/aws\.0: .*policy/);
  });
});
