import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Debian's daemon tools were unrecognised programs (src/analyzers/services/daemon-control.ts):
// `start-stop-daemon --stop --pidfile /run/postgresql/16-main.pid --retry=KILL/5` and `pg_dropcluster --stop
// 16 main` (a cluster deleted with its data) were allowed; `start-stop-daemon --start --exec /bin/rm -- -rf
// /srv` ran rm unseen. rsync's `--rsync-path` is a command the remote host's shell runs.

describe('daemon control and remote helper programs', () => {
  it.each([
    ['sudo pg_dropcluster --stop 16 main', 'delete', 'critical'],
    ['pg_dropcluster 15/main', 'delete', 'critical'],
    [
      "sudo systemd-run --on-calendar='*-*-* 02:00:00' /bin/sh -c 'pg_dropcluster --stop 16 main'",
      'delete',
      'critical',
    ],
    ['sudo pg_ctlcluster 16 main stop', 'modify', 'high'],
    ['pg_ctlcluster 16/main stop -m immediate', 'modify', 'high'],
    ['sudo pg_ctlcluster 16 replica promote', 'modify', 'medium'],
    ['sudo start-stop-daemon --stop --pidfile /run/postgresql/16-main.pid --retry=KILL/5', 'modify', 'high'],
    ['start-stop-daemon -K -n mysqld', 'modify', 'high'],
    // getopt_long takes a unique prefix: --sto is --stop, --na is --name, --exe is --exec.
    ['start-stop-daemon --sto --na mysqld', 'modify', 'high'],
    ['sudo start-stop-daemon --start --exe /bin/rm -- -rf /srv', 'delete', 'critical'],
    ['start-stop-daemon --stop --exec /usr/local/bin/worker', 'modify', 'medium'],
    ['sudo start-stop-daemon --start --exec /bin/rm -- -rf /srv', 'delete', 'critical'],
    ['start-stop-daemon -S -b -x /bin/sh -- -c "rm -rf /var/lib/app"', 'delete', 'high'],
    [
      "rsync --rsync-path='sudo rm -rf /srv/www && rsync' -a dist/ deploy@web-prod:/srv/www/",
      'delete',
      'high',
    ],
    ['rsync -a --rsync-path="rm -rf ~; rsync" ./ backup@nas:/backups/', 'delete', 'high'],
  ])('%s: %s, %s', async (command, operation, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual([operation, risk]);
  });

  it('places the remote rsync-path command on the remote host', async () => {
    const r = await check(
      "rsync --rsync-path='sudo rm -rf /srv/www && rsync' -a dist/ deploy@web-prod:/srv/www/",
    );
    expect(r.assessment.environment).toBe('production');
  });

  it.each([
    'sudo start-stop-daemon --status --pidfile /run/nginx.pid',
    'start-stop-daemon --stop --test --name nginx',
    'start-stop-daemon --stop --signal HUP --name nginx',
    'sudo start-stop-daemon --start --background --exec /usr/local/bin/worker -- --port 9000',
    'pg_ctlcluster 16 main status',
    'sudo pg_ctlcluster 16 main start',
    'sudo pg_ctlcluster 16 main reload',
    "rsync --rsync-path='sudo rsync' -a dist/ deploy@web-1:/srv/www/",
    'rsync -a --rsync-path=/usr/local/bin/rsync src/ backup@nas:/backups/src/',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
