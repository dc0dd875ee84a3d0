import { describe, expect, it } from 'vitest';
import { cloudAnalyzer } from '../../src/analyzers/cloud.js';
import { cloudCorpus } from '../corpus/cloud.js';
import { corpusTests } from '../support/corpus.js';
import { check } from '../support/runtime.js';

describe('cloud CLIs', () => corpusTests(cloudCorpus));

async function effectsOf(command: string, env: Record<string, string> = {}) {
  const { assessment } = await check(command, { env });
  return assessment.effects;
}

async function only(command: string, env: Record<string, string> = {}) {
  const effects = await effectsOf(command, env);
  expect(effects, JSON.stringify(effects)).toHaveLength(1);
  return effects[0]!;
}

describe('cloud analyzer details', () => {
  it('acts on remote systems', () => {
    const analyzer = cloudAnalyzer({ parse: () => ({ stmts: [] }) });
    expect(analyzer.local).toBe(false);
    expect([...analyzer.commands].sort()).toEqual(['aws', 'az', 'gcloud', 'gsutil', 'openstack']);
  });

  it('names the resource, its category and why a snapshot-less delete is irreversible', async () => {
    const e = await only(
      'aws rds delete-db-instance --db-instance-identifier billing-prod --skip-final-snapshot',
    );
    expect(e).toMatchObject({
      operation: 'delete',
      tool: 'aws',
      target: 'rds db-instance billing-prod',
      risk: 'critical',
      reversible: false,
      category: 'database',
      environment: 'production',
    });
    expect(e.reason).toContain('--skip-final-snapshot');
    expect(e.hints).toContainEqual({
      source: 'flag --db-instance-identifier',
      value: 'billing-prod',
      weak: true,
    });
  });

  it.each([
    ['aws cloudformation delete-stack --stack-name prod', 'stack'],
    ['aws dynamodb delete-table --table-name Users', 'table'],
    ['aws s3api delete-bucket --bucket acme', 'bucket'],
    ['aws eks delete-cluster --name main', 'cluster'],
    ['aws ec2 delete-volume --volume-id vol-1', 'volume'],
    ['aws ec2 terminate-instances --instance-ids i-1', 'instance'],
    ['aws route53 delete-hosted-zone --id Z1', 'dns'],
    ['aws kms schedule-key-deletion --key-id k-1', 'kms'],
    ['aws iam delete-user --user-name bob', 'iam'],
    ['aws secretsmanager delete-secret --secret-id db', 'secret'],
    ['aws sqs delete-queue --queue-url https://sqs/1/jobs', 'queue'],
    ['aws s3 rm s3://acme --recursive', 'bucket'],
    ['gcloud sql instances delete db1', 'database'],
    ['gcloud container clusters delete c1', 'cluster'],
    ['gcloud projects delete p1', 'project'],
    ['gsutil rb gs://b1', 'bucket'],
    ['az group delete -n rg1', 'resource-group'],
    ['az aks delete -n a1 -g rg1', 'cluster'],
    ['az keyvault secret delete --vault-name kv --name s', 'secret'],
    ['az sql db delete -g rg -s srv -n db', 'database'],
  ])('%s has category %s', async (command, category) => {
    const e = await only(command);
    expect(e.category).toBe(category);
    expect(e.destructive).toBe(true);
  });

  it('reads global options wherever they appear', async () => {
    const e = await only(
      'aws rds delete-db-instance --db-instance-identifier billing --profile prod --no-cli-pager',
    );
    expect(e.hints).toContainEqual({ source: 'flag --profile', value: 'prod' });
    expect(e.environment).toBe('production');
    const before = await only(
      'aws --debug --profile=prod --region us-east-1 dynamodb delete-table --table-name t',
    );
    expect(before.target).toBe('dynamodb table t');
    expect(before.environment).toBe('production');
  });

  it('takes AWS_PROFILE from the command or the agent, unless --profile overrides it', async () => {
    const fromEnv = await only('aws eks delete-cluster --name main', { AWS_PROFILE: 'prod' });
    expect(fromEnv.hints).toContainEqual({ source: 'env AWS_PROFILE', value: 'prod' });
    const fallback = await only('aws eks delete-cluster --name main', { AWS_DEFAULT_PROFILE: 'staging' });
    expect(fallback.environment).toBe('non-production');
    const overridden = await only('aws eks delete-cluster --name main --profile prod', {
      AWS_PROFILE: 'dev',
    });
    expect(overridden.hints?.some((h) => h.source === 'env AWS_PROFILE')).toBe(false);
    expect(overridden.environment).toBe('production');
  });

  it("never lets one tool's variable place another tool's effect", async () => {
    const e = await only('aws rds delete-db-instance --db-instance-identifier billing', {
      CLOUDSDK_CORE_PROJECT: 'acme-dev',
      AZURE_SUBSCRIPTION_ID: 'sandbox',
    });
    expect(e.environment).toBe('unknown');
    const g = await only('gcloud sql instances delete billing', { AWS_PROFILE: 'dev' });
    expect(g.environment).toBe('unknown');
  });

  it('marks secrets and KMS keys in their waiting period as recoverable, and forced ones not', async () => {
    expect((await only('aws secretsmanager delete-secret --secret-id api-key')).reversible).toBe(true);
    const forced = await only(
      'aws secretsmanager delete-secret --secret-id api-key --force-delete-without-recovery',
    );
    expect(forced).toMatchObject({ reversible: false, risk: 'critical' });
  });

  it('treats the whole bucket and a prefix differently', async () => {
    expect((await only('aws s3 rm s3://acme/ --recursive')).risk).toBe('critical');
    expect((await only('aws s3 rm s3://acme/tmp/ --recursive')).risk).toBe('high');
    expect((await only('aws s3 rm s3://acme --recursive --exclude "*" --include "*.tmp"')).risk).toBe('high');
    expect((await only('aws s3 rb s3://acme')).risk).toBe('high');
    expect((await only('aws s3 rb s3://acme --force')).risk).toBe('critical');
  });

  it('recognises scaling to zero in shorthand and JSON structures', async () => {
    const json = await only(
      'aws eks update-nodegroup-config --cluster-name c --nodegroup-name ng --scaling-config \'{"minSize":0,"maxSize":2,"desiredSize":0}\'',
    );
    expect(json).toMatchObject({ operation: 'modify', risk: 'high' });
    expect(
      (await only('aws autoscaling set-desired-capacity --auto-scaling-group-name g --desired-capacity 0'))
        .risk,
    ).toBe('high');
    expect(
      (
        await effectsOf('aws autoscaling update-auto-scaling-group --auto-scaling-group-name g --min-size 0')
      )[0]?.risk,
    ).toBe('low');
  });

  it('names resource hints for gcloud, gsutil and az', async () => {
    const g = await only('gcloud sql databases delete ledger --instance billing-prod');
    expect(g.hints).toContainEqual({ source: 'flag --instance', value: 'billing-prod', weak: true });
    expect(g.hints).toContainEqual({ source: 'resource name', value: 'ledger', weak: true });
    const gs = await only('gsutil rm -r gs://acme-prod-media/cache');
    expect(gs.hints).toContainEqual({ source: 'bucket', value: 'acme-prod-media', weak: true });
    const a = await only('az sql db delete -g rg-prod -s sql-main -n billing --yes');
    expect(a.hints).toEqual(
      expect.arrayContaining([
        { source: 'flag --resource-group', value: 'rg-prod', weak: true },
        { source: 'flag --name', value: 'billing', weak: true },
        { source: 'flag -s', value: 'sql-main', weak: true },
      ]),
    );
    expect(a.target).toBe('sql db billing on sql-main in resource group rg-prod');
  });

  it('takes the project and subscription from the environment when no flag gives them', async () => {
    const g = await only('gcloud container clusters delete main', { CLOUDSDK_CORE_PROJECT: 'acme-prod' });
    expect(g.hints).toContainEqual({ source: 'env CLOUDSDK_CORE_PROJECT', value: 'acme-prod' });
    const overridden = await only('gcloud container clusters delete main --project acme-dev', {
      CLOUDSDK_CORE_PROJECT: 'acme-prod',
    });
    expect(overridden.environment).toBe('non-production');
    const a = await only('az aks delete -n main -g rg1', { AZURE_SUBSCRIPTION_ID: 'acme-prod' });
    expect(a.hints).toContainEqual({ source: 'env AZURE_SUBSCRIPTION_ID', value: 'acme-prod' });
  });

  it('cannot verify an operation computed at run time', async () => {
    const e = await only('aws rds "$OPERATION" --db-instance-identifier billing');
    expect(e.operation).toBe('execute-unverifiable');
  });

  it('reads az rest by its method', async () => {
    expect((await only('az rest --method DELETE --url https://management.azure.com/x')).operation).toBe(
      'delete',
    );
    expect(await effectsOf('az rest --url https://management.azure.com/x')).toHaveLength(0);
  });
});

describe('RDS backup retention set to 0', () => {
  // RDS deletes the automated backups of a database whose retention becomes 0: it was a low "change".
  it('deletes the automated backups: high, and approval in production', async () => {
    const r = await check(
      'aws rds modify-db-instance --db-instance-identifier billing --backup-retention-period 0 --apply-immediately',
      { env: { AWS_PROFILE: 'prod' } },
    );
    expect(r.assessment.risk).toBe('high');
    expect(r.decision.outcome).toBe('require-approval');
    const kept = await check(
      'aws rds modify-db-instance --db-instance-identifier x --backup-retention-period 7',
    );
    expect(kept.decision.outcome).toBe('allow');
  });
});

describe('az storage delete-batch', () => {
  it.each([
    "az storage blob delete-batch --account-name acct --source logs --pattern '*.log' --dryrun",
    'az storage blob delete-batch -s logs --account-name acctprod --dryrun',
    'az storage file delete-batch --source share --account-name acct --dryrun --pattern old/*',
  ])('%s only lists what it would delete', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    ["az storage blob delete-batch --account-name acct --source logs --pattern '*.log'", 'high'],
    ['az storage blob delete-batch -s logs --account-name acct', 'critical'],
    ['az storage file delete-batch --source share --account-name acct --pattern old/*', 'high'],
  ])('%s deletes (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['delete', risk]);
    expect(r.decision.outcome).not.toBe('allow');
  });
});
