import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// socat's EXEC: and SYSTEM: addresses run a command on this machine (src/shell/socat-commands.ts): with a
// terminal or a pipe on the other side it ran unjudged (`socat - EXEC:'rm -rf /home/dev'` was allowed).

describe('socat EXEC: and SYSTEM: addresses', () => {
  it.each([
    ["socat - EXEC:'rm -rf /home/dev'", '/home/dev'],
    ["socat STDIO SYSTEM:'rm -rf /srv/data',pty,stderr", '/srv/data'],
    ['socat -d -d - "SYSTEM:\'rm -rf /var/lib/mysql\',nofork"', '/var/lib/mysql'],
    ["socat TCP-LISTEN:9000,fork,reuseaddr SYSTEM:'rm -rf /var/lib/postgresql'", '/var/lib/postgresql'],
    ["socat -u OPEN:/dev/null exec:'dd of=/dev/sda bs=1M'", '/dev/sda'],
  ])('%s runs the command it names (%s)', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it('a command built at run time cannot be verified', async () => {
    const r = await check('socat - "SYSTEM:$CMD"');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    "socat - EXEC:'cat /etc/hostname'",
    "socat -u SYSTEM:'ls -la' STDOUT",
    'socat - UNIX-CONNECT:/run/app.sock',
    'socat TCP-LISTEN:8080,fork,reuseaddr TCP:localhost:3000',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
