import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// HAProxy's runtime API on its admin socket (src/analyzers/haproxy-runtime.ts): `show …` only looks, and was
// denied on a production load balancer as an unrecognised socat call; `disable server`, `shutdown frontend`
// change what it serves and are judged as such.

const onLb = (text: string) => `ssh prod-lb-2 "echo '${text}' | sudo socat stdio /run/haproxy/admin.sock"`;

describe("HAProxy's runtime API", () => {
  it.each([
    onLb('show servers state be_api'),
    onLb('show stat'),
    onLb('show info; show sess'),
    'ssh prod-lb-2 "echo \'help\' | sudo nc -U /var/run/haproxy.sock"',
    "echo 'get weight be_api/web1' | socat unix-connect:/run/haproxy/admin.sock stdio",
  ])('%s only looks, and is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    [onLb('disable server be_api/web1'), 'medium'],
    [onLb('set server be_api/web1 state maint'), 'medium'],
    [onLb('shutdown frontend www'), 'high'],
    [onLb('show stat; del server be_api/web1'), 'high'],
    ["echo 'set weight be_api/web1 0' | socat stdio /run/haproxy/admin.sock", 'medium'],
  ])('%s changes what is served (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['modify', risk]);
  });

  it.each([
    onLb('disable server be_api/web1'),
    onLb('frobnicate all'),
    // Another socat address runs a command: not a look at the socket.
    `ssh prod-lb-1 "echo 'show info' | socat stdio /run/haproxy/admin.sock EXEC:'rm -rf /var/lib/haproxy'"`,
    `ssh prod-lb-1 "echo 'show info' | socat /run/haproxy/admin.sock SYSTEM:'rm -rf /var/lib/haproxy'"`,
  ])('%s is not allowed on a production host', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
  });
});
