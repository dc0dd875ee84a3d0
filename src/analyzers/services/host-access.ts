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
  const { options, positionals } = parseOptions(args, { withValue: RUN_VALUE, stopAtFirstPositional: true });
  const all = (...names: string[]) => names.flatMap((n) => options.get(n) ?? []);
  // A read-only mount (`-v /:/host:ro`) lets the container read the machine, not change it.
  const writable = (v: string) =>
    !/(^|[:,])(ro|readonly)(,|$)|(^|,)readonly=true(,|$)/.test(v.split(':').slice(2).join(':') || v);
  // The container daemon's socket with a shell in the container: whoever types there runs containers as root.
  const [, program] = positionals;
  const socketShell =
    [
      ...all('-v', '--volume'),
      ...all('--mount').map((m) => /(?:^|,)(?:source|src)=([^,]+)/.exec(m)?.[1] ?? ''),
    ].some((v) => /(^|\/)(docker|containerd|podman|crio)\.sock(:|$)|^\/(var\/)?run\/?(:|$)/.test(v)) &&
    (program === undefined || /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|zsh)$/.test(program.value));
  return [
    ...(socketShell ? ["the container daemon's socket, with a shell"] : []),
    ...(options.has('--privileged') ? ['--privileged'] : []),
    ...['--pid', '--ipc', '--uts', '--userns', '--cgroupns']
      .filter((n) => all(n).includes('host'))
      .map((n) => `${n}=host`),
    ...all('-v', '--volume')
      .filter((v) => HOST_SOURCES.test(v.split(':')[0] ?? '') && writable(v))
      .map((v) => `-v ${v}`),
    ...all('--mount')
      .filter((v) => /(^|,)(source|src)=\/(,|$)/.test(v) && writable(v))
      .map((v) => `--mount ${v}`),
    ...all('--rootfs')
      .filter((v) => HOST_SOURCES.test(v.replace(/:O$/, '')))
      .map((v) => `--rootfs ${v}`),
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
 * `lxc config set C security.privileged true` (or `security.nesting`, `raw.lxc`), `lxc config device add C
 * d disk source=/ path=/host`: the container's root becomes this machine's.
 */
export function lxcPrivileges(args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const words = args.map((w) => w.value);
  // `lxc config set C KEY VALUE`, and `lxc launch|init IMAGE C -c KEY=VALUE` (or --config).
  const launched = /^(launch|init|create)$/.test(words[0] ?? '')
    ? words.filter((w, i) => /^(-c|--config)$/.test(words[i - 1] ?? '') || /^--config=/.test(w)).join(' ')
    : '';
  const setting = words[0] === 'config' && words[1] === 'set' ? words.slice(3).join(' ') : launched;
  const privileged =
    /security\.privileged[= ]true|raw\.lxc|security\.syscalls\.intercept\.mount[= ]true/.test(setting);
  const hostDisk =
    words[0] === 'config' &&
    words[1] === 'device' &&
    words[2] === 'add' &&
    words.some((w) => /^source=\/$/.test(w));
  if (!privileged && !hostDisk) return [];
  const what = privileged ? `lxc config set ${setting}` : "a disk device of this machine's /";
  return [
    fx(
      'lxc',
      'modify',
      'high',
      'this machine',
      `gives the container this machine as root (${what})`,
      'container',
      { hints },
    ),
  ];
}

/** `ctr run --privileged`, `--mount type=bind,src=/,…` (containerd's own CLI). */
export function ctrRun(args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const words = args.map((w) => w.value);
  const at = words.findIndex((w) => w === 'run' || w === 'create');
  if (at < 0 || at > 4) return []; // `ctr [-n NS] [c|container] run`
  const rest = words.slice(at + 1);
  const found = [
    ...(rest.some((w) => /^--privileged(=true)?$/.test(w)) ? ['--privileged'] : []),
    ...rest
      .filter((w) => /(^|,)(src|source)=\/(,|$)/.test(w) && !/(^|[,:])ro(,|$)/.test(w))
      .map((w) => `--mount ${w}`),
    ...(rest.some((w) => /^--with-ns=?pid:\/proc\/1\//.test(w)) ? ['the pid namespace of process 1'] : []),
  ];
  return found.length
    ? [
        fx(
          'ctr',
          'modify',
          'high',
          'this machine',
          `runs a container that can change this machine as root (${found.join(', ')})`,
          'container',
          { hints },
        ),
      ]
    : [];
}

/** Where containers that watch their node mount its root: `chroot /host sh` there is a shell on the node. */
const HOST_ROOT = /^\/(host|hostfs|host-root|rootfs|node|mnt\/host|proc\/1\/root)\/?$/;

/** `chroot /host /bin/sh` (typically through `kubectl exec` into a node agent): a root shell on the node itself. */
export function chrootHost(args: readonly Word[], hints: EnvironmentHint[]): Effect[] {
  const at = args.findIndex((w) => !w.value.startsWith('-'));
  const root = args[at];
  if (!root || !HOST_ROOT.test(root.value)) return [];
  // A command given is assessed as it is (`chroot /host df -h` only looks); a shell left open is the node's.
  const [program, ...rest] = args.slice(at + 1);
  const shell =
    !program ||
    (/^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|zsh|dash)$/.test(program.value) &&
      rest.every((w) => /^-[il]+$/.test(w.value)));
  if (!shell) return [];
  return [
    fx(
      'chroot',
      'modify',
      'high',
      'this machine',
      `enters ${root.value}, the machine's own root file system, as root`,
      'container',
      { hints },
    ),
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
  // `--mount=/proc/1/ns/mnt`: a namespace of process 1 named by its file.
  const byFile = args.some((w) => /^(--?[a-zA-Z]+=|-[a-zA-Z])\/proc\/1\/ns\//.test(w.value));
  if (!target.includes('1') && !byFile && !runTimeHostTarget(args)) return [];
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

/**
 * `nsenter -t $(pgrep -o containerd) -m …`: a process chosen at run time, whose mount namespace is entered.
 * When it is one of this machine's own daemons, that is the machine's file system as root; a container's
 * process found by its runtime (`$(docker inspect -f '{{.State.Pid}}' web)`) is the usual, harmless form.
 */
function runTimeHostTarget(args: readonly Word[]): boolean {
  const at = args.findIndex((w) => /^(-t|--target)$/.test(w.value));
  const attached = args.find((w) => /^(-t|--target=)./.test(w.value) && w.dynamic);
  const target = attached ?? (at >= 0 ? args[at + 1] : undefined);
  if (!target?.dynamic || /\b(docker|podman|crictl|nerdctl|ctr)\b.*\binspect\b/.test(target.value))
    return false;
  return args.some(
    (w) =>
      /^(-m|--mount(=.*)?|-a|--all)$/.test(w.value) ||
      (/^-[a-zA-Z]*[ma][a-zA-Z]*$/.test(w.value) && w.value !== '-t'),
  );
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
