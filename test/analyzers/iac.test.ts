import { describe, expect, it } from 'vitest';
import { iacCorpus } from '../corpus/iac.js';
import { corpusTests } from '../support/corpus.js';
import { check } from '../support/runtime.js';

describe('infrastructure as code', () => corpusTests(iacCorpus));

describe('iac effects', () => {
  const effects = async (command: string, facts: Parameters<typeof check>[1] = {}) =>
    (await check(command, facts)).assessment.effects;

  it('has enough labelled commands', () => {
    expect(iacCorpus.filter((c) => c.destructive).length).toBeGreaterThanOrEqual(50);
    expect(iacCorpus.filter((c) => !c.destructive).length).toBeGreaterThanOrEqual(50);
  });

  it('reads the terraform workspace the edge found in the working directory', async () => {
    const prod = await check('terraform destroy -auto-approve', { terraformWorkspace: 'prod' });
    expect(prod.assessment.environment).toBe('production');
    expect(prod.decision.outcome).toBe('require-approval');
    expect(prod.assessment.effects[0]?.hints).toContainEqual({
      source: 'terraform workspace',
      value: 'prod',
    });
    const dev = await check('terraform destroy -auto-approve', { terraformWorkspace: 'dev' });
    expect(dev.assessment.environment).toBe('non-production');
    expect(dev.decision.outcome).toBe('ask');
  });

  it('ignores the cwd workspace when -chdir points elsewhere or TF_WORKSPACE overrides it', async () => {
    const chdir = await check('terraform -chdir=../other destroy', { terraformWorkspace: 'dev' });
    expect(chdir.assessment.environment).toBe('unknown');
    const env = await check('TF_WORKSPACE=prod terraform destroy', { terraformWorkspace: 'dev' });
    expect(env.assessment.environment).toBe('production');
  });

  it('reads TF_WORKSPACE for terraform only', async () => {
    const tf = await check('terraform destroy', { env: { TF_WORKSPACE: 'dev' } });
    expect(tf.assessment.environment).toBe('non-production');
    const pulumi = await check('pulumi destroy', { env: { TF_WORKSPACE: 'dev' } });
    expect(pulumi.assessment.environment).toBe('unknown');
  });

  it('marks an apply without a saved plan as unplanned-apply', async () => {
    for (const command of [
      'terraform apply',
      'terraform apply -auto-approve',
      'terraform apply -replace=aws_instance.web',
      'terraform apply -destroy',
      'tofu apply -auto-approve',
      'terragrunt run-all apply',
    ]) {
      const [e] = await effects(command);
      expect(e?.category, command).toBe('unplanned-apply');
    }
    const [auto] = await effects('terraform apply -auto-approve');
    expect(auto?.risk).toBe('high');
    const [interactive] = await effects('terraform apply');
    expect(interactive?.risk).toBe('medium');
  });

  it('marks the apply of a saved plan as planned-apply with the plan file as target', async () => {
    const [e] = await effects('terraform -chdir=envs/prod apply prod.tfplan');
    expect(e).toMatchObject({
      operation: 'modify',
      risk: 'medium',
      category: 'planned-apply',
      target: '/home/dev/project/envs/prod/prod.tfplan',
    });
  });

  it('rates destroy critical, and a targeted destroy high', async () => {
    expect((await effects('terraform destroy'))[0]).toMatchObject({ operation: 'delete', risk: 'critical' });
    expect((await effects('terraform destroy -target=module.cache'))[0]).toMatchObject({
      risk: 'high',
      target: 'module.cache',
    });
    expect((await effects('terraform plan -destroy')).length).toBe(0);
  });

  it('puts state surgery in the state category', async () => {
    for (const command of [
      'terraform state rm a.b',
      'terraform state mv a.b c.d',
      'terraform state push x',
    ]) {
      expect((await effects(command))[0]).toMatchObject({ category: 'state', risk: 'high' });
    }
  });

  it('collects environment hints from flags, names and paths', async () => {
    const [tf] = await effects(
      'terraform destroy -var env=prod -var region=eu-west-1 -var-file=vars/eu.tfvars',
    );
    expect(tf?.hints).toEqual(
      expect.arrayContaining([
        { source: 'flag -var env', value: 'prod' },
        { source: 'flag -var-file', value: 'vars/eu.tfvars', weak: true },
      ]),
    );
    expect(tf?.hints?.some((h) => h.value === 'eu-west-1')).toBe(false);
    const [cdk] = await effects('cdk deploy BillingProdStack');
    expect(cdk?.hints).toContainEqual({
      source: 'stack name (words)',
      value: 'Billing Prod Stack',
      weak: true,
    });
    const [sls] = await effects('sls deploy -s prod --aws-profile acme');
    expect(sls?.hints).toEqual(
      expect.arrayContaining([
        { source: 'flag --stage', value: 'prod' },
        { source: 'flag --aws-profile', value: 'acme' },
      ]),
    );
  });

  it('does not take the user name in the home directory for an environment', async () => {
    // HOME is /home/dev: "dev" must not make a destroy in ~/project non-production.
    const result = await check('terraform destroy');
    expect(result.assessment.environment).toBe('unknown');
    expect(result.decision.outcome).toBe('require-approval');
  });

  it('treats terragrunt run-all destroy as the destruction of every unit', async () => {
    const [e] = await effects('terragrunt run-all destroy --terragrunt-non-interactive');
    expect(e?.risk).toBe('critical');
    expect(e?.target).toContain('every unit');
  });

  it('reads the stack of pulumi stack rm and notes --yes', async () => {
    const [rm] = await effects('pulumi stack rm acme/web/staging --yes');
    expect(rm).toMatchObject({ operation: 'delete', risk: 'high', category: 'stack' });
    expect(rm?.hints).toContainEqual({ source: 'stack name', value: 'acme/web/staging', weak: true });
    expect((await effects('pulumi up'))[0]?.risk).toBe('medium');
    expect((await effects('pulumi up -y'))[0]?.risk).toBe('high');
  });
});
