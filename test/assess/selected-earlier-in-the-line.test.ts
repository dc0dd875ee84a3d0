import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Where a command acts can be chosen by an earlier command of the same line: a variable exported before it
// (`export DOCKER_CONTEXT=prod; docker system prune -af`) or a tool's own selection (`docker context use
// prod && docker volume rm pgdata`, which docker keeps in its configuration for every later call). Both
// were read as if the command stood alone: on this machine.

const IN_PRODUCTION = [
  'export DOCKER_CONTEXT=prod; docker system prune -af',
  'export DOCKER_HOST=ssh://prod-web-1 && docker rm -f api',
  'export AWS_PROFILE=prod && aws s3 rb s3://billing-data --force',
  'docker context use prod && docker volume rm pgdata',
  'docker context use prod; docker rm -f $(docker ps -aq)',
  'docker --log-level warn context use prod && docker system prune -af',
] as const;

const STAYS_WHERE_IT_IS = [
  // The selection is docker's: other programs are where they were.
  ['docker context use prod && rm -rf ./build', 'non-production'],
  ['export DOCKER_CONTEXT=prod; rm -rf ./build', 'non-production'],
  // A later selection wins, as docker would have it.
  ['docker context use prod && docker context use default && docker system prune -af', 'non-production'],
] as const;

const HARMLESS = [
  'docker context use prod && docker ps',
  'export DOCKER_CONTEXT=prod; docker logs api --tail 50',
  'docker context use default && docker ps -a',
  'export AWS_PROFILE=prod && aws s3 ls s3://billing-data',
] as const;

describe('a selection made earlier in the line', () => {
  it.each(IN_PRODUCTION)('%s acts in production', async (line) => {
    const result = await check(line);
    expect(result.assessment.environment, JSON.stringify(result.assessment.effects)).toBe('production');
    expect(['require-approval', 'deny']).toContain(result.decision.outcome);
  });

  it.each(STAYS_WHERE_IT_IS)('%s stays %s', async (line, environment) => {
    const result = await check(line);
    expect(result.assessment.environment, JSON.stringify(result.assessment.effects)).toBe(environment);
  });

  it.each(HARMLESS)('%s is allowed', async (line) => {
    expect((await check(line)).decision.outcome).toBe('allow');
  });
});
