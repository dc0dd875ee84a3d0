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
    ...all('--cap-add')
      .filter((v) => CAPABILITIES.test(v))
      .map((v) => `--cap-add=${v}`),
    ...all('--security-opt')
      .filter((v) => /^(apparmor|seccomp)[=:]unconfined$/.test(v))
      .map((v) => `--security-opt ${v}`),
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
