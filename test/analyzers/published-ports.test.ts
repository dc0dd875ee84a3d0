import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A database or an admin tool's port published on every address of a production docker host
// (src/analyzers/services/published-ports.ts): `DOCKER_HOST=ssh://prod-db-1 docker run -p 8080:8080 adminer`
// put a database console in reach of anyone who reaches the host, and was allowed. Bound to 127.0.0.1, on a
// laptop or in staging, and for a web server, the same runs stay as they were. `--network host` exposes
// every port the image listens on the same way.

describe('a database or admin port published on every address of a production host is asked', () => {
  it.each([
    'DOCKER_HOST=ssh://prod-db-1 docker run -d -p 8080:8080 adminer',
    'docker --context prod run -p 0.0.0.0:8080:8080 adminer',
    'docker -H ssh://deploy@prod-db-1 run -d -p 5432:5432 -e POSTGRES_PASSWORD=x postgres:16',
    'docker --context prod-db-1 run -d --name pga -p 80:80 dpage/pgadmin4',
    'docker --context prod-db-1 run -d -p 8081:8081 mongo-express',
    'docker --context prod-db-1 container run -d -p 6379:6379/tcp redis:7-alpine',
    'docker --context prod-db-1 run -d --publish=3306:3306 mysql:8',
    'docker --context prod-db-1 run -d -p [::]:9200:9200 docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    'docker --context prod-db-1 run -d -P phpmyadmin',
    'docker --context prod-db-1 create -p 27017 mongo',
    'docker --context prod-db-1 run -d -p 7681:7681 tsl0922/ttyd bash',
    "ssh prod-db-1 'docker run -d -p 8080:8080 adminer'",
    'podman --connection prod-db-1 run -d -p 5432:5432 docker.io/library/postgres',
    // Host networking: every port the image listens on is on every address of the host, with no -p at all.
    'DOCKER_HOST=ssh://prod-db-1 docker run -d --network host adminer',
    'docker --context prod run --net=host redis',
    'docker --context prod-db-1 run -d --network=host -e POSTGRES_PASSWORD=x postgres:16',
    "ssh prod-db-1 'docker run -d --net host mongo'",
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
    expect(r.assessment.environment).toBe('production');
  });

  it('on the production host itself (the edge gives its name)', async () => {
    const r = await check('docker run -d -p 8080:8080 adminer', { host: 'prod-db-1' });
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });
});

describe('bound to loopback, outside production, or not a database, it stays allowed', () => {
  it.each([
    'docker --context prod-db-1 run -d -p 127.0.0.1:8080:8080 adminer',
    'docker --context prod-db-1 run -d -p 127.0.0.1:5432:5432 postgres',
    'docker --context prod-db-1 run -d -p [::1]:6379:6379 redis',
    'docker --context prod-db-1 run -d -p 8080:80 nginx',
    'docker --context prod-db-1 run -d --name pg postgres:16',
    'docker run -p 5432:5432 postgres',
    'docker run -d -p 8080:8080 adminer',
    'docker run -d -p 6379:6379 redis:7',
    'docker --context staging-db-1 run -d -p 5432:5432 postgres',
    'docker run --network host postgres',
    'docker run -d --net=host redis',
    'docker --context prod-db-1 run -d --network host nginx',
    'docker --context prod-db-1 run -d --network backend postgres',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
