import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A service's protocol typed into a raw connection (src/analyzers/raw-protocols.ts): `echo flush_all | nc
// cache-prod 11211` emptied memcached and was allowed (held-out set 9's last miss).

describe("a service's protocol sent through a raw connection", () => {
  it.each([
    ['echo flush_all | nc cache-prod 11211', 'memcached every item'],
    ["printf 'flush_all\\r\\n' | nc -q1 memcached-prod-1 11211", 'memcached every item'],
    ['nc cache-prod 11211 <<EOF\nflush_all\nEOF', 'memcached every item'],
    ['echo flush_all | socat - TCP:cache-prod:11211', 'memcached every item'],
    ["printf 'delete session:42\\r\\n' | ncat cache-prod 11211", 'memcached key session:42'],
    ["printf 'FLUSHALL\\r\\n' | nc redis-prod 6379", 'redis all databases'],
    ["echo 'CONFIG SET dir /var/spool/cron' | nc redis-prod 6379", 'redis'],
    [
      "printf 'DELETE /logs-2026 HTTP/1.1\\r\\nHost: es-prod:9200\\r\\n\\r\\n' | nc es-prod 9200",
      'DELETE http://es-prod:9200/logs-2026',
    ],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target).join('\n')).toContain(target);
  });

  it.each([
    'echo stats | nc cache-prod 11211',
    'echo version | nc localhost 11211',
    'echo PING | nc redis-prod 6379',
    "printf 'GET /_cat/indices HTTP/1.1\\r\\nHost: es-prod\\r\\n\\r\\n' | nc es-prod 9200",
    'nc -zv cache-prod 11211',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
