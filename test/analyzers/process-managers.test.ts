import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// supervisorctl and pm2 (src/analyzers/services/process-managers.ts): restarting a program is routine, as
// `systemctl restart` is; stopping or removing one takes it down; `all`, shutdown and kill take every
// program down. A restart on a production host was unverifiable there, denied.

describe('process managers', () => {
  it.each<[string, Risk]>([
    ["ssh prod-worker-1 'sudo supervisorctl stop all'", 'high'],
    ["ssh prod-worker-1 'sudo supervisorctl stop celery-beat'", 'medium'],
    ["ssh prod-worker-1 'sudo supervisorctl shutdown'", 'high'],
    ["ssh prod-worker-1 'sudo supervisorctl remove celery-beat'", 'medium'],
    ["ssh prod-web-1 'pm2 kill'", 'high'],
    ["ssh prod-web-1 'pm2 delete all'", 'high'],
    ["ssh prod-web-1 'pm2 stop postgres-exporter api'", 'high'],
    ["ssh prod-web-1 'pm2 deploy ecosystem.config.js production'", 'medium'],
    ["echo 'stop all' | supervisorctl", 'medium'],
  ])('%s takes programs down (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });

  it.each([
    "ssh prod-worker-1 'sudo supervisorctl restart celery-beat'",
    "ssh prod-worker-1 'sudo supervisorctl status'",
    "ssh prod-worker-1 'supervisorctl -c /etc/supervisor/supervisord.conf tail -f celery-beat'",
    "ssh prod-web-1 'pm2 restart api'",
    "ssh prod-web-1 'pm2 reload api --update-env'",
    "ssh prod-web-1 'pm2 logs api --lines 100'",
    'pm2 list',
    'pm2 start ecosystem.config.js',
    'supervisorctl',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

// Deleting below a directory a build recreates is routine (src/analyzers/paths.ts), as deleting it is.
describe('inside build output and caches', () => {
  it.each([
    'rm -rf tmp/preview',
    'rsync -a --delete ./dist/ ./tmp/preview/',
    'rm -rf node_modules/.cache/babel',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
  it.each(['rm -rf tmp/data', 'rm tmp/app.db', 'rsync -a --delete ./dist/ ./src/'])(
    '%s is asked',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    },
  );
});

// `kill -9 $(pidof mongod)`: the substitution names the process (src/analyzers/services/host.ts).
describe('kill of processes a substitution names', () => {
  it.each([
    "ssh prod-mongo-1 'sudo kill -9 $(pidof mongod)'",
    'kill $(pgrep -f postgres)',
    // Backticks, xargs fed by pidof, and a daemon's pid file name it too.
    'kill -9 `pidof mongod`',
    'pidof mongod | xargs kill -9',
    'pgrep postgres | xargs kill',
    'kill -9 $(cat /var/run/postgresql/14-main.pid)',
    'kill -9 $(cat /run/mysqld/mysqld.pid)',
  ])('%s kills a database', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });
  it.each([
    'kill -HUP $(pidof nginx)',
    'kill $(pidof myapp)',
    'kill $(cat /tmp/dev-server.pid)',
    'pgrep -f "node server" | xargs kill',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
