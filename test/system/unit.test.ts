import { describe, expect, it } from 'vitest';
import { unitText } from '../../src/cli/setup/system-daemon.js';
import { systemPaths } from '../../src/daemon/system-paths.js';

// The systemd unit `setup --system` writes where systemd runs the machine (not here: CI has none).

describe('the interlock.service unit', () => {
  const unit = unitText(
    systemPaths('/'),
    { name: 'interlock', uid: 990, gid: 990 },
    '/usr/bin/node',
    '/opt/interlock/dist/cli/main.js',
  );

  it('runs the daemon as the interlock user, with its state in its own directories', () => {
    expect(unit).toMatch(/^User=interlock$/m);
    expect(unit).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/interlock\/dist\/cli\/main\.js daemon start --system /m,
    );
    expect(unit).toMatch(/^Environment=INTERLOCK_DAEMON_STATE=\/run\/interlock\/daemon\.json$/m);
    expect(unit).toMatch(/^Environment=INTERLOCK_AUDIT_KEY=\/var\/lib\/interlock\/audit\/signing-key\.pem$/m);
    expect(unit).toMatch(/^RuntimeDirectory=interlock$/m);
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m);
  });
});
