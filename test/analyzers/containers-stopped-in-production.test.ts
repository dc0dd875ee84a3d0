import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Containers stopped, killed or paused on a production docker host (src/analyzers/services/containers.ts,
// compose.ts) take its services down: `docker --context prod-app-01 stop $(docker --context prod-app-01 ps -q)`
// was a low change, allowed. On a laptop or in staging the same commands are routine and keep their rating.

describe('stopping the containers of a production host is high', () => {
  it.each([
    'docker --context prod-app-01 stop $(docker --context prod-app-01 ps -q)',
    'docker --context prod-app-01 stop web',
    'docker -c prod-app-01 container stop web worker',
    'docker -H ssh://deploy@prod-app-01 kill web',
    'docker --context prod-app-01 pause web',
    'DOCKER_CONTEXT=prod-app-01 docker stop web',
    "ssh prod-app-01 'docker stop $(docker ps -q)'",
    'podman --connection prod-app-01 stop web',
    'docker --context prod-app-01 compose stop',
    'docker --context prod-app-01 compose down',
    'docker --context prod-app-01 compose kill web',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
    expect(r.assessment.environment).toBe('production');
  });
});

describe('outside production the same commands keep their rating', () => {
  it.each([
    ['docker stop web', 'low'],
    ['docker stop $(docker ps -q)', 'low'],
    ['docker --context staging-app-01 stop web', 'low'],
    ['docker --context staging-app-01 pause web', 'low'],
    ['docker kill web', 'medium'],
    ['docker compose stop', 'low'],
    ['docker compose down', 'low'],
    ['docker --context prod-app-01 kill -s HUP web', 'low'],
    ['docker --context prod-app-01 compose restart web', 'low'],
    ['docker --context prod-app-01 ps', 'none'],
  ])('%s: %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });
});
