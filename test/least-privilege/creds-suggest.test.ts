import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/app/pipeline.js';
import { closeLocalAudit } from '../../src/audit/local.js';
import { runCredsSuggest } from '../../src/cli/creds-suggest.js';
import { sharedRuntime, testFacts } from '../support/runtime.js';

// A real SQLite audit log, written by the pipeline for an agent's commands, read back by `creds suggest`.

const home = mkdtempSync(join(tmpdir(), 'interlock-creds-'));
const database = join(home, 'audit.db');
const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), INTERLOCK_DATABASE: database };

const COMMANDS: [string, Record<string, string>][] = [
  ['aws ec2 stop-instances --instance-ids i-0abc --region eu-west-1', { AWS_PROFILE: 'dev' }],
  ['aws s3 cp build.zip s3://dev-artifacts/app/build.zip', { AWS_PROFILE: 'dev' }],
  ['psql -c "INSERT INTO jobs (id) VALUES (1)"', { PGHOST: 'localhost' }],
  ['psql -c "UPDATE jobs SET done = true WHERE id = 1"', { PGHOST: 'localhost' }],
  ['kubectl delete deployment web -n dev --context kind-dev', {}],
  ['aws rds delete-db-instance --db-instance-identifier billing-prod', { AWS_PROFILE: 'prod' }],
  ['aws s3 ls s3://dev-artifacts/app/', { AWS_PROFILE: 'dev' }],
];
const outcomes: string[] = [];

async function suggest(...extra: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  try {
    const code = await runCredsSuggest({
      agent: 'claude',
      database,
      ...(extra.includes('--json') ? { json: true } : {}),
    });
    expect(code).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('interlock creds suggest', () => {
  beforeAll(async () => {
    const rt = await sharedRuntime();
    for (const [command, vars] of COMMANDS) {
      const final = await run(
        { kind: 'shell', command },
        testFacts({ cwd: home, env: { ...env, ...vars } }),
        { type: 'Agent', id: 'claude', actsFor: 'dev' },
        rt,
        { via: 'check', env: { ...env, ...vars } },
      );
      outcomes.push(`${final.outcome} ${command}`);
    }
    await closeLocalAudit();
  });
  afterAll(() => closeLocalAudit());

  it('the pipeline recorded the decisions it took', () => {
    expect(outcomes).toEqual([
      'ask aws ec2 stop-instances --instance-ids i-0abc --region eu-west-1',
      'allow aws s3 cp build.zip s3://dev-artifacts/app/build.zip',
      'allow psql -c "INSERT INTO jobs (id) VALUES (1)"',
      'allow psql -c "UPDATE jobs SET done = true WHERE id = 1"',
      'ask kubectl delete deployment web -n dev --context kind-dev',
      'require-approval aws rds delete-db-instance --db-instance-identifier billing-prod',
      'allow aws s3 ls s3://dev-artifacts/app/',
    ]);
  });

  it('covers exactly what the agent was allowed to do, and names the allowed decisions it cannot cover', async () => {
    const s = JSON.parse(await suggest('--json'));
    expect(s.decisions).toBe(4);
    expect(s.aws.policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::dev-artifacts/app/build.zip'] },
    ]);
    expect(s.postgres.statements).toEqual(['GRANT SELECT, INSERT, UPDATE ON TABLE jobs TO claude;']);
    // Asked, or held for approval and never approved: not something the agent was allowed to do.
    expect(JSON.stringify(s)).not.toMatch(/rds|ec2|deployments/);
    // A read records no effect, so no permission: it is listed, not silently dropped.
    expect(s.uncovered).toEqual([{ seq: expect.any(Number), command: 'aws s3 ls s3://dev-artifacts/app/' }]);
  });

  it('writes the same for people', async () => {
    const text = await suggest();
    expect(text).toMatch(/^4 allowed decision\(s\) of claude since /);
    expect(text).toContain('"s3:PutObject"');
    expect(text).toContain('GRANT SELECT, INSERT, UPDATE ON TABLE jobs TO claude;');
    expect(text).toContain('(no Kubernetes operations)');
    expect(text).toMatch(/1 allowed decision\(s\) name no permission/);
  });
});
