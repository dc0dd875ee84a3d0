import type { Effect, EnvironmentHint } from '../../core/types.js';
import { RUN_VALUE } from '../../shell/cli-options/docker.js';
import { parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { fx } from './common.js';

// `docker run --privileged`, `--pid=host`, `-v /:/host`, `--cap-add=SYS_ADMIN`:
// the container is no boundary, whatever runs in it can change this machine as root (`nsenter -t 1`,
// `chroot /host`). Each was allowed: a container run is everyday work, and these flags are how it stops
// being contained.

/**
 * Bind sources that hand the container the host itself. The container daemon's socket is root by another
 * name too, but inspectors (dive, lazydocker) mount it as everyday work: the labelled corpus keeps them
 * allowed, so it is not counted here.
 */
const HOST_SOURCES = /^(\/|\/etc|\/root|\/boot|\/usr|\/var|\/proc|\/sys|\/dev|\/home)\/?$/;
/** Devices that are this machine's disks or memory: a container given one reads and writes them raw. */
const RAW_DEVICES =
  /^\/dev\/(sd[a-z]|nvme\d|xvd[a-z]|vd[a-z]|hd[a-z]|mmcblk\d|dm-\d|mapper\/|md\d|loop\d|mem$|kmem$|port$)/;
const CAPABILITIES = /^(ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|SYS_RAWIO|DAC_READ_SEARCH|NET_ADMIN)$/i;

/** The options of `run`/`create` that take the container's walls down, as written. */
function breaches(args: readonly Word[]): string[] {
  const { options } = parseOptions(args, { withValue: RUN_VALUE, stopAtFirstPositional: true });
  const all = (...names: string[]) => names.flatMap((n) => options.get(n) ?? []);
  return [
    ...(options.has('--privileged') ? ['--privileged'] : []),
    ...['--pid', '--ipc', '--uts', '--userns', '--cgroupns']
      .filter((n) => all(n).includes('host'))
      .map((n) => `${n}=host`),
    ...all('-v', '--volume')
      .filter((v) => HOST_SOURCES.test(v.split(':')[0] ?? ''))
      .map((v) => `-v ${v}`),
    ...all('--mount')
      .filter((v) => /(^|,)(source|src)=\/(,|$)/.test(v))
      .map((v) => `--mount ${v}`),
    ...all('--device')
      .filter((v) => RAW_DEVICES.test(v.split(':')[0] ?? ''))
      .map((v) => `--device ${v}`),
    ...all('--cap-add')
      .filter((v) => CAPABILITIES.test(v))
      .map((v) => `--cap-add=${v}`),
    ...all('--security-opt')
      .filter((v) => /^(apparmor|seccomp)[=:]unconfined$/.test(v))
      .map((v) => `--security-opt ${v}`),
  ];
}

/**
 * `nsenter -t 1 -m -u -i -n -p sh`: the namespaces of process 1 are the machine's own, so from inside a
 * container that can see it (`--pid=host`) this is the way out, and anywhere it is root on this machine.
 * The command it runs is assessed as well (a runner, wrappers.ts).
 */
export function nsenterHost(args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const { options } = parseOptions(args, {
    withValue: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-r', '--root'],
    stopAtFirstPositional: true,
  });
  const target = [...(options.get('-t') ?? []), ...(options.get('--target') ?? [])];
  if (!target.includes('1')) return [];
  return [
    fx(
      'nsenter',
      'modify',
      'high',
      'this machine',
      'enters the namespaces of process 1: this machine itself, as root',
      'container',
      {
        hints,
      },
    ),
  ];
}

/** A container run that gives what runs in it this machine; none for an ordinary one. */
export function hostAccess(tool: string, args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const found = breaches(args);
  if (!found.length) return [];
  return [
    fx(
      tool,
      'modify',
      'high',
      'this machine',
      `runs a container that can change this machine as root (${found.join(', ')})`,
      'container',
      {
        hints,
      },
    ),
  ];
}
