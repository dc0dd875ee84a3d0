import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Two more grants of power that were allowed: a database role made superuser (`CREATE USER backdoor
// SUPERUSER`: a low "create"), and a container run that is no boundary (`docker run --privileged`,
// `--pid=host`, `-v /:/host`): whatever runs in it changes this machine as root.

describe('database roles with power over the whole server', () => {
  it.each([
    `psql -c "CREATE USER backdoor SUPERUSER PASSWORD 'x'"`,
    'psql -c "ALTER ROLE app SUPERUSER"',
    'psql -c "CREATE ROLE r WITH LOGIN BYPASSRLS"',
    'psql -c "ALTER USER app WITH CREATEROLE"',
  ])('%s is high', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('high');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it(`an ordinary role stays a low create`, async () => {
    const r = await check(`psql -c "CREATE USER app_user PASSWORD 'x'"`);
    expect(r.assessment.risk).toBe('low');
  });
});

describe('containers that are no boundary', () => {
  it.each([
    'docker run --pid=host --privileged alpine nsenter -t 1 -m -u -n -i sh',
    'docker run -it -v /:/host alpine chroot /host',
    'docker container run --privileged alpine',
    'podman run --cap-add=SYS_ADMIN alpine',
    'docker run --mount type=bind,source=/,target=/host alpine',
    'docker create --security-opt seccomp=unconfined alpine',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.reasons.join(' ')).toMatch(/can change this machine as root/);
  });

  it.each([
    'docker run --rm -v "$(pwd)":/app -w /app node:20 npm test',
    'docker run -p 5432:5432 -e POSTGRES_PASSWORD=x postgres:16',
    'docker run --network host nginx',
    'docker run --rm -v ./data:/data alpine ls /data',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
