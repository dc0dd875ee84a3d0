import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/core/exit-codes.js';
import { spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// `interlock daemon start|status|stop` are subcommands; `interlock daemon [start's options]` is `daemon start`.

const home = tempTree({ 'README.md': 'x' });
const env = { HOME: home, XDG_CONFIG_HOME: `${home}/xdg`, INTERLOCK_DAEMON_AUTOSTART: '0' };
const daemon = (...args: string[]) => spawnCli(['daemon', ...args], { cwd: home, env });

describe('interlock daemon', () => {
  afterAll(() => {
    daemon('stop');
  });

  it('lists its subcommands', () => {
    const r = daemon('--help');
    expect(r.status).toBe(EXIT_CODES.ok);
    expect(r.stdout).toMatch(/^ {2}start \[options\] /m);
    expect(r.stdout).toMatch(/^ {2}status \[options\] /m);
    expect(r.stdout).toMatch(/^ {2}stop /m);
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown subcommand',
      ['nope'],
      /^interlock daemon: unknown command 'nope'; expected start, status or stop/,
    ],
    [
      'an option of another subcommand',
      ['status', '--port', '1'],
      /^interlock daemon status: unknown option '--port'/,
    ],
    ['a bad port', ['start', '--port', 'nope'], /^interlock daemon: --port nope is not a port number/],
    ['a bad port without "start"', ['--port', 'nope'], /^interlock daemon: --port nope is not a port number/],
    ['an argument to stop', ['stop', 'now'], /^interlock daemon stop: too many arguments/],
  ])('%s is a usage error', (_what, args, message) => {
    const r = daemon(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(EXIT_CODES.usage);
  });

  it('starts in the background, reports its status, and stops', () => {
    const none = daemon('status', '--json');
    expect(JSON.parse(none.stdout)).toMatchObject({ running: false });
    expect(none.status).toBe(EXIT_CODES['not-running']);
    expect(daemon('stop')).toMatchObject({
      status: EXIT_CODES.ok,
      stdout: 'interlock daemon: not running.\n',
    });

    const started = daemon('start', '--background', '--port', '0');
    expect(started.stdout).toMatch(/^interlock daemon started \(pid \d+, http:\/\/127\.0\.0\.1:\d+\)\.\n$/);
    expect(started.status, started.stderr).toBe(EXIT_CODES.ok);
    const again = daemon('--background', '--port', '0');
    expect(again.stdout).toMatch(/^interlock daemon is already running \(pid \d+, port \d+\)\.\n$/);
    expect(again.status).toBe(EXIT_CODES.ok);

    const status = daemon('status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true });
    expect(status.status).toBe(EXIT_CODES.ok);
    expect(daemon('status').stdout).toMatch(
      /^interlock daemon: running \(pid \d+, http:\/\/127\.0\.0\.1:\d+/,
    );

    expect(daemon('stop')).toMatchObject({
      status: EXIT_CODES.ok,
      stdout: expect.stringMatching(/^interlock daemon stopped \(pid \d+\)\.\n$/),
    });
    expect(daemon('status').status).toBe(EXIT_CODES['not-running']);
  });
});
