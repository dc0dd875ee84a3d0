import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Removing a stopped container keeps its volumes, as `compose down` does: routine on this machine. -f kills
// a running one first, as `docker kill` does; -v takes its anonymous volumes (a database's data) too; on
// another daemon or a production host it is an outage.
const cases: [string, Outcome][] = [
  ['docker rm app-web-1', 'allow'],
  ['docker rm -f pg-dev', 'ask'],
  ['docker stop pg-dev && docker rm pg-dev', 'allow'],
  ['docker container rm web', 'allow'],
  ['podman rm web', 'allow'],
  ['docker rm -v pg-dev', 'ask'],
  ['docker -H ssh://dev@dev-box rm web', 'ask'],
  ['docker rm -f prod-db', 'require-approval'],
  ['docker -H ssh://deploy@prod-1 rm web', 'require-approval'],
  ['DOCKER_HOST=ssh://deploy@prod-1 docker rm web', 'require-approval'],
  ['docker --context prod rm web', 'require-approval'],
  ['docker volume rm pgdata', 'ask'],
];

describe('container removal', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
