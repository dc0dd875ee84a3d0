// Programs that run a command given after their own options (and a fixed number of operands) on this
// machine: tracers, sandboxes, namespaces, resource limits, session helpers. `strace rm -rf /` removes /.
// Each lists the options that consume the next word, so the command is found where it starts.

import type { OptionSpec } from '../options.js';

export interface Runner {
  spec: OptionSpec;
  /** Operands before the command (faketime's time stamp). */
  operands?: number;
  /** Runs the command as another user, root by default (pkexec). */
  elevated?: boolean;
  /** The runner itself has effects worth analyzing (nsenter into process 1's namespaces). */
  analyzeSelf?: boolean;
}

const runner = (withValue: readonly string[], extra: Omit<Runner, 'spec'> = {}): Runner => ({
  spec: { withValue, stopAtFirstPositional: true },
  ...extra,
});

export const RUNNERS: Readonly<Record<string, Runner>> = {
  strace: runner([
    '-a',
    '-b',
    '-e',
    '-E',
    '-I',
    '-o',
    '-O',
    '-p',
    '-P',
    '-s',
    '-S',
    '-u',
    '-U',
    '-X',
    '--output',
    '--attach',
    '--user',
    '--env',
    '--signal',
    '--string-limit',
    '--columns',
  ]),
  ltrace: runner(['-a', '-A', '-D', '-e', '-F', '-l', '-n', '-o', '-p', '-s', '-u', '-w', '-x', '--output']),
  valgrind: runner([]),
  fakeroot: runner(['-l', '-s', '-i', '-b', '--lib', '--faked']),
  faketime: runner(['-p'], { operands: 1 }),
  eatmydata: runner([]),
  nocache: runner(['-n']),
  'dbus-run-session': runner(['--config-file', '--dbus-daemon']),
  'xvfb-run': runner([
    '-n',
    '-s',
    '-e',
    '-f',
    '-p',
    '-w',
    '--server-num',
    '--server-args',
    '--error-file',
    '--auth-file',
    '--xauth-protocol',
    '--wait',
  ]),
  numactl: runner([
    '-N',
    '-m',
    '-C',
    '-i',
    '-p',
    '-P',
    '--cpunodebind',
    '--membind',
    '--physcpubind',
    '--interleave',
    '--preferred',
  ]),
  cgexec: runner(['-g']),
  firejail: runner([]),
  nsenter: runner(['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-r', '--root'], {
    analyzeSelf: true,
  }),
  unshare: runner(['-S', '--setuid', '-G', '--setgid', '--propagation', '--setgroups']),
  'systemd-run': runner([
    '-p',
    '--property',
    '-u',
    '--unit',
    '-M',
    '--machine',
    '-H',
    '--host',
    '--description',
    '--slice',
    '-E',
    '--setenv',
    '--uid',
    '--gid',
    '--nice',
    '--working-directory',
    '--on-calendar',
    '--on-active',
    '--timer-property',
  ]),
  'systemd-inhibit': runner(['--what', '--who', '--why', '--mode']),
  prlimit: runner(['-p', '--pid', '-o', '--output']),
  pkexec: runner(['-u', '--user'], { elevated: true }),
  coproc: runner([]),
  // A container of this machine's directory tree: `--bind` shares host paths with it, as written.
  'systemd-nspawn': runner([
    '-D',
    '--directory',
    '-i',
    '--image',
    '-M',
    '--machine',
    '-u',
    '--user',
    '--bind',
    '--bind-ro',
    '--chdir',
    '-E',
    '--setenv',
    '--network-bridge',
    '--network-veth-extra',
    '-p',
    '--port',
    '--template',
    '-S',
    '--slice',
    '--property',
    '--register',
    '--private-users',
    '--capability',
    '--drop-capability',
    '--overlay',
    '--overlay-ro',
    '--tmpfs',
  ]),
  // sshpass supplies ssh's password: `sshpass -p x ssh prod 'rm -rf /srv'` runs ssh.
  sshpass: runner(['-p', '-f', '-d', '-P']),
};
