import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// `pkill -f python` kills every process with python in its command line, system daemons written in
// Python among them, and was allowed as "kills processes named python". A kill is judged by what it
// matches: an interpreter's name alone, every process of a user or of the machine, or a daemon the
// machine depends on is asked; a pattern naming one program, a PID or a job stays allowed.
describe('kills judged by what they match', () => {
  it.each([
    ['pkill -f python', 'medium'],
    ['pkill python3', 'medium'],
    ['pkill -x python3', 'medium'],
    ['pkill -f /usr/bin/python3', 'medium'],
    ["pkill -f '^python$'", 'medium'],
    ['killall -9 java', 'medium'],
    ['killall ruby perl', 'medium'],
    ['kill $(pgrep python)', 'medium'],
    ['pkill -u postgres', 'medium'],
    ['pkill -9 -u postgres', 'medium'],
    ['killall -u www-data', 'medium'],
    ['pkill postgres', 'medium'],
    ['killall mysqld', 'medium'],
    ['pkill nginx', 'medium'],
    ['killall dockerd', 'medium'],
    ['pkill kubelet', 'medium'],
    // Without these the machine cannot be reached or does not run.
    ['pkill sshd', 'high'],
    ['killall -9 sshd', 'high'],
    ['pkill systemd', 'high'],
    ['killall init', 'high'],
    ['kill -9 -1', 'high'],
    ['pkill -9 -f .', 'high'],
    ['pkill -u root', 'high'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it.each([
    "pkill -f 'python manage.py runserver'",
    'pkill -f "vite --port 5173"',
    'pkill -f my-dev-server.js',
    "pkill -f 'node dist/server.js'",
    'pkill -f celery',
    'pkill -u dev -f "pytest -x"',
    'kill 12345',
    'kill -9 48213',
    'kill %1',
    'pkill -HUP python',
    'sudo pkill -HUP nginx',
    // A developer's node processes are their own dev servers (the services corpus labels this harmless).
    'killall node',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    "ssh prod-web-1 'pkill -f python'",
    "ssh prod-web-1 'killall -9 java'",
    "ssh prod-web-1 'pkill -u deploy'",
    "ssh prod-web-1 'pkill nginx'",
    "ssh prod-db-1 'kill -9 $(pgrep python3)'",
  ])('%s on a production host is high', async (command) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('high');
  });

  it('ssh prod-web-1 \'pkill -f "gunicorn app:main --bind :8001"\' is not high', async () => {
    const r = await check(`ssh prod-web-1 'pkill -f "gunicorn app:main --bind :8001"'`);
    expect(r.assessment.risk).not.toBe('high');
  });
});
