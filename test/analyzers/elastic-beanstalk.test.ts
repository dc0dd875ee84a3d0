import { describe, expect, it } from 'vitest';
import type { Operation, Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// `eb rebuild` terminates every resource of an Elastic Beanstalk environment and creates it again (the
// delete-and-recreate this project exists to stop): it was allowed. `eb terminate` was only a guess from its verb.

describe('the Elastic Beanstalk CLI', () => {
  it.each<[string, Operation, Risk]>([
    ['eb rebuild billing-prod', 'replace', 'critical'],
    ['eb terminate billing-prod --force', 'delete', 'critical'],
    ['eb terminate --all --force', 'delete', 'critical'],
    ['eb swap billing-blue --destination_name billing-green', 'modify', 'high'],
    ['eb deploy billing-prod', 'modify', 'medium'],
    ['eb scale 0 billing-prod', 'modify', 'medium'],
    ['eb setenv STRIPE_MODE=test -e billing-prod', 'modify', 'medium'],
  ])('%s: %s, %s', async (command, operation, risk) => {
    const r = await check(command);
    expect(r.assessment.effects[0]?.operation, JSON.stringify(r.assessment.effects)).toBe(operation);
    expect(r.assessment.risk).toBe(risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('an environment named for production needs peers', async () => {
    const r = await check('eb rebuild billing-prod');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
  });

  it.each([
    'eb status billing-prod',
    'eb health',
    'eb logs',
    'eb list',
    'eb events -f',
    'eb init',
    'eb use billing-dev',
    'eb rebuild --help',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('eb subcommands not listed', () => {
  it("eb ssh --command runs a command on the environment's instance: not allowed blind", async () => {
    const r = await check("eb ssh billing-prod --command 'sudo rm -rf /var/app/current'");
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
