import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// SST removes every resource of a stage (`sst remove --stage production`): it was an unknown program, allowed.

describe('sst', () => {
  it.each([
    'sst remove --stage production',
    'npx sst remove --stage prod',
    'SST_STAGE=production sst remove',
  ])('%s is critical in production and held', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'sst deploy --stage production',
    'sst secret remove STRIPE_KEY --stage prod',
    'sst state remove --stage prod',
  ])('%s is held in production', async (command) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it('`sst remove` of the personal stage is still a deletion to confirm', async () => {
    const r = await check('sst remove');
    expect(r.assessment.risk).toBe('critical');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'sst dev',
    'sst diff --stage production',
    'sst secret list --stage prod',
    'sst version',
    'sst remove --help',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('sst shell', () => {
  it('runs its command in the stage named, and that command is judged', async () => {
    const r = await check('sst shell --stage production -- psql -c "DROP TABLE invoices"');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});

describe('a subcommand computed at run time', () => {
  it('sst "$VERB" --stage production is not allowed', async () => {
    const r = await check('sst "$VERB" --stage production');
    expect(r.assessment.effects[0]?.operation).toBe('execute-unverifiable');
    expect(r.decision.outcome).not.toBe('allow');
  });
});
