import { NODETOOL_CONNECTION } from '../analyzers/databases/nodetool.js';
import type { ParsedOptions } from '../shell/options.js';
import type { ReadOnlyRule } from './read-only-programs.js';
import { words } from './read-only-tools.js';

// How an operator looks at a machine's disks, audit trail, network, clock and sshd before touching it
// (`ssh prod-db-1 findmnt /var/lib/postgresql`, `sudo sshd -T`, `tc qdisc show dev eth0`): the forms of
// those tools that only read. Each tool also has forms that change the machine (`tc qdisc add`, `sysctl -w`,
// `ssh-keygen -R`, `mdadm --zero-superblock`), which match no rule here.

const any = (parsed: ParsedOptions, options: readonly string[]) => options.some((o) => parsed.options.has(o));

/**
 * The options given, a cluster (`-pn`) counted as its letters: parseOptions keeps the whole token too, for
 * single-dash long options, and a cluster is allowed when each of its letters is.
 */
const givenOptions = (parsed: ParsedOptions) =>
  [...parsed.options.keys()].filter(
    (o) => !/^-[a-zA-Z0-9]{2,}$/.test(o) || ![...o.slice(1)].every((c) => parsed.options.has(`-${c}`)),
  );
/** Every option given is one of `allowed` (an allow-list: an option not listed may write or run something). */
const onlyThese = (parsed: ParsedOptions, allowed: ReadonlySet<string>) =>
  givenOptions(parsed).every((o) => allowed.has(o));

/** Only the options listed (`-p`, `-n`), nothing positional. */
const onlyOptions = (allowed: string): ReadOnlyRule => {
  const set = words(allowed);
  return { reads: (p, parsed) => p.length === 0 && onlyThese(parsed, set) };
};

/** `btrfs filesystem show`: a group (by any prefix btrfs accepts of at least 2 letters) and a showing verb. */
const nestedWord = (p: readonly string[], group: string, verbs: string) =>
  p[0] !== undefined && p[0].length >= 2 && group.startsWith(p[0]) && words(verbs).has(p[1] ?? '');

/** A subcommand that shows (`chronyc tracking`, `timedatectl status`), or none where none shows. */
const subcommands = (reads: string, bareReads = true): ReadOnlyRule => {
  const set = words(reads);
  return { reads: (p) => (p.length === 0 ? bareReads : set.has(p[0]!)) };
};

/** ssh-keygen's options that change a file (a key's passphrase or comment, known_hosts) or make a key. */
const SSH_KEYGEN_CHANGES = [
  '-R', '-p', '-c', '-A', '-t', '-N', '-s', '-k', '-u', '-b', '-Y', '-I', '-O', '-M',
  // -D and -w load a shared library (a PKCS#11 provider, FIDO middleware); -H hashes known_hosts in place.
  '-D', '-w', '-H',
]; // prettier-ignore

/** Words lower-cased: Windows' tools (and diskutil's verbs) take them in any case. */
const lowered = (p: readonly string[]) => p.map((w) => w.toLowerCase());

/** A Windows tool's read verb first (`vssadmin list shadows`, `sc query X`), and none of `changes`. */
const windowsReads = (reads: string, changes = ''): ReadOnlyRule => {
  const set = words(reads);
  const bad = words(changes);
  return { reads: (p) => p.length > 0 && set.has(lowered(p)[0]!) && !lowered(p).some((w) => bad.has(w)) };
};

/** bcdedit alone, `/enum [ID]` or `/v`: the boot configuration shown. */
const bcdeditReads = (p: readonly string[]) => {
  const [first, ...rest] = lowered(p);
  return (
    first === undefined || first === '/v' || (first === '/enum' && rest.every((w) => !/^\/(?!v$)/.test(w)))
  );
};

/** `net user|localgroup|group [NAME]` shows accounts and members; `net start|share|use|…` alone lists. */
const netReads = (p: readonly string[]) => {
  const [sub, ...rest] = lowered(p);
  const names = rest.filter((w) => !w.startsWith('/'));
  const switches = rest.filter((w) => w.startsWith('/'));
  if (!switches.every((w) => w === '/domain')) return false;
  if (sub === 'user' || sub === 'localgroup' || sub === 'group') return names.length <= 1;
  return (
    words('start share use session accounts view statistics config').has(sub ?? '') &&
    names.length <= (sub === 'view' ? 1 : 0)
  );
};

/** `icacls PATH…` shows the access lists; `/grant`, `/deny`, `/reset`, `/setowner`, `/save` and others change or write. */
const icaclsReads = (p: readonly string[]) =>
  p.length > 0 &&
  !p[0]!.startsWith('/') &&
  lowered(p).every((w) => !w.startsWith('/') || /^\/[tclq]$/.test(w));

/** diskutil's verbs (and `apfs|cs|appleRAID` verbs) that show, verify or list. */
const DISKUTIL_READS = words('list info information activity listfilesystems verifyvolume verifydisk');
const DISKUTIL_GROUP_READS = words('list listsnapshots listcryptousers listvolumegroups info');

export const READ_ONLY_HOST_TOOLS: readonly (readonly [string, ReadOnlyRule])[] = [
  ...[...words('findmnt blkid lsns ausearch aureport getenforce sestatus atq pvs vgs lvs pvdisplay')].map(
    (n) => [n, {}] as const,
  ),
  ...[...words('vgdisplay lvdisplay lsattr getfacl getcap lsipc lslocks lsscsi numastat')].map(
    (n) => [n, {}] as const,
  ),
  // `ulimit -n 4096`, `route add …`, `arp -d HOST` change; the bare or listing forms read.
  ['ulimit', { reads: (p) => p.length === 0 }],
  ['route', { reads: (p) => p.length === 0 }],
  ['arp', onlyOptions('-a -n -v -e --all --numeric --verbose')],
  ['ntpq', onlyOptions('-p -n -w --peers --numeric --wide -4 -6')],
  // Not `-m`: every argument is then a command of its own (`chronyc -m tracking makestep`).
  [
    'chronyc',
    {
      reads: (p, parsed) =>
        onlyThese(parsed, words('-n -c -4 -6')) &&
        p.length === 1 &&
        words('tracking sources sourcestats activity ntpdata clients serverstats rtcdata').has(p[0]!),
    },
  ],
  ['timedatectl', subcommands('status show list-timezones timesync-status show-timesync')],
  ['hostnamectl', subcommands('status')],
  // `ethtool IF`, or one showing option and the interface: not tests (`-t … offline` takes the link down).
  [
    'ethtool',
    {
      reads: (p, parsed) =>
        p.length === 1 &&
        onlyThese(
          parsed,
          words(
            '-i --driver -S --statistics -k --show-features --show-offload -g --show-ring -a --show-pause -c --show-coalesce -l --show-channels -m --dump-module-eeprom --module-info -T --show-time-stamping -P --show-permaddr --show-eee --show-fec --json',
          ),
        ),
    },
  ],
  // SMART: reading attributes and logs; not starting tests or changing the drive's settings.
  [
    'smartctl',
    {
      withValue: ['-d', '--device', '-l', '--log'],
      reads: (_p, parsed) =>
        onlyThese(
          parsed,
          words(
            '-a --all -x --xall -i --info -H --health -A --attributes -c --capabilities -l --log -d --device -j --json -q',
          ),
        ),
    },
  ],
  // mdadm in its query modes; any other option (`--zero`, `--restore=`, `--kill-subarray`…) is not a read.
  [
    'mdadm',
    {
      reads: (_p, parsed) =>
        any(parsed, ['--detail', '-D', '--examine', '-E', '--query', '-Q']) &&
        onlyThese(
          parsed,
          words(
            '--detail -D --examine -E --query -Q --scan -s --brief -b --verbose -v --export -Y --test -t',
          ),
        ),
    },
  ],
  // `sysctl NAME…` prints; `-w`, `NAME=VALUE`, `-p FILE`, `--system` set.
  [
    'sysctl',
    {
      reads: (p, parsed) =>
        onlyThese(parsed, words('-a -A -X -n -N -e -b --all --values --names --binary')) &&
        p.every((name) => name !== '' && !name.includes('=')),
    },
  ],
  // tc [options] qdisc|class|filter show|ls|list [dev NAME …]
  [
    'tc',
    {
      reads: (p, parsed) =>
        onlyThese(parsed, words('-s -d -p -j -i -iec -stats -details -pretty -json -4 -6')) &&
        words('qdisc class filter').has(p[0] ?? '') &&
        words('show ls list').has(p[1] ?? ''),
    },
  ],
  // sshd -T prints its effective configuration, -t checks it, -G prints it for a connection.
  [
    'sshd',
    {
      withValue: ['-f', '-C'],
      reads: (_p, parsed) => any(parsed, ['-T', '-t', '-G']) && onlyThese(parsed, words('-T -t -G -f -C -q')),
    },
  ],
  [
    'ssh-keygen',
    {
      withValue: ['-f', '-E', '-F'],
      unsafe: SSH_KEYGEN_CHANGES,
      reads: (_p, parsed) => any(parsed, ['-l', '-L', '-F', '-y', '-B']),
    },
  ],
  // rsyslogd -N LEVEL checks the configuration and exits.
  [
    'rsyslogd',
    {
      reads: (_p, parsed) =>
        givenOptions(parsed).every((o) => /^-N\d?$|^-\d$/.test(o)) && givenOptions(parsed).length > 0,
    },
  ],
  // apt-get -s|--simulate|--dry-run|--no-act: prints what an install or upgrade would do.
  [
    'apt-get',
    {
      // Not with -o or -c: a setting can turn the simulation off (`-o APT::Get::Simulate=false`).
      reads: (_p, parsed) =>
        any(parsed, ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon']) &&
        onlyThese(
          parsed,
          words(
            '-s --simulate --dry-run --just-print --no-act --recon -y --yes -q --quiet -V --verbose-versions --no-install-recommends -f --fix-broken',
          ),
        ),
    },
  ],
  // Pools, datasets, drives and btrfs file systems, listed and shown.
  ['zfs', subcommands('list get holds userspace groupspace projectspace version', false)],
  ['zpool', subcommands('list status iostat get history version', false)],
  [
    'nvme',
    subcommands('list list-ns list-subsys smart-log id-ctrl id-ns error-log fw-log version help', false),
  ],
  [
    'btrfs',
    {
      reads: (p) =>
        nestedWord(p, 'filesystem', 'show df usage') ||
        nestedWord(p, 'subvolume', 'list show get-default') ||
        nestedWord(p, 'device', 'stats usage') ||
        nestedWord(p, 'scrub', 'status') ||
        nestedWord(p, 'qgroup', 'show') ||
        p[0] === 'version',
    },
  ],
  // `check` verifies that WAL archiving works (it archives one segment): no backup or setting changes.
  ['pgbackrest', { reads: (p) => words('info version help check').has(p[0] ?? '') }],
  // Cassandra: the node, ring, tables and snapshots shown; `snapshot` takes a backup (hard links), nothing
  // removed. clearsnapshot, drain, decommission, removenode, truncatehints and the like match no rule.
  [
    'nodetool',
    {
      withValue: NODETOOL_CONNECTION,
      reads: (p) =>
        words(
          'status info ring describecluster describering tablestats cfstats tablehistograms cfhistograms listsnapshots compactionstats compactionhistory netstats tpstats version gossipinfo proxyhistograms statusbinary statusgossip statusbackup statushandoff getendpoints getsstables gettimeout getcompactionthroughput getstreamthroughput getlogginglevels viewbuildstatus help snapshot',
        ).has(p[0] ?? ''),
    },
  ],
  // `haproxy -c -f FILE`: the configuration checked, nothing started.
  [
    'haproxy',
    {
      withValue: ['-f', '-L', '-C'],
      reads: (_p, parsed) => parsed.options.has('-c') && onlyThese(parsed, words('-c -f -q -V -L -C')),
    },
  ],
  // Windows: shadow copies, backups, event logs, the boot configuration, the registry, services, tasks, accounts.
  ['vssadmin', windowsReads('list')],
  ['wbadmin', windowsReads('get')],
  // `qe … /f:xml` only formats; `epl` (export-log) writes a file, so it is not among these.
  [
    'wevtutil',
    windowsReads(
      'el enum-logs gl get-log gli get-log-info qe query-events ep enum-publishers gp get-publisher',
    ),
  ],
  ['bcdedit', { reads: bcdeditReads }],
  ['reg', windowsReads('query compare')],
  [
    'sc',
    windowsReads(
      'query queryex qc qdescription qfailure qfailureflags qsidtype qprivs qtriggerinfo qpreferrednode qmanagedaccount qprotection getdisplayname getkeyname enumdepend sdshow showsid',
    ),
  ],
  ['schtasks', { reads: (p) => lowered(p)[0] === '/query' && !lowered(p).includes('/xml') }],
  ['net', { reads: netReads }],
  ['icacls', { reads: icaclsReads }],
  // macOS: disks, Time Machine, System Integrity Protection, Gatekeeper, preferences, launchd.
  [
    'diskutil',
    {
      reads: (p) => {
        const [verb = '', sub = ''] = lowered(p);
        return (
          DISKUTIL_READS.has(verb) ||
          (words('apfs cs corestorage appleraid').has(verb) && DISKUTIL_GROUP_READS.has(sub))
        );
      },
    },
  ],
  [
    'tmutil',
    subcommands(
      'listbackups status latestbackup destinationinfo listlocalsnapshots listlocalsnapshotdates isexcluded machinedirectory version compare calculatedrift uniquesize',
      false,
    ),
  ],
  ['csrutil', { reads: (p) => p.at(-1) === 'status' && p.length <= 2 }],
  [
    'spctl',
    {
      unsafe: [
        '--master-disable',
        '--global-disable',
        '--master-enable',
        '--global-enable',
        '--add',
        '--remove',
        '--enable',
        '--disable',
        '--reset-default',
      ],
      reads: (p, parsed) =>
        p.length === 0 ? any(parsed, ['--status', '--assess', '-a']) : any(parsed, ['--assess', '-a']),
    },
  ],
  ['defaults', subcommands('read read-type domains find help', false)],
  [
    'launchctl',
    subcommands(
      'list print print-cache print-disabled blame version help managerpid manageruid managername error procinfo',
      false,
    ),
  ],
  // A renewal rehearsed against the staging server; hooks named here would run even so.
  [
    'certbot',
    {
      // Only these options: a config file or directory (`-c`, `--config-dir`) can name hooks, and certbot takes
      // any prefix of a long option (`--pre-h`).
      withValue: ['--cert-name'],
      reads: (p, parsed) =>
        onlyThese(
          parsed,
          words('--dry-run --cert-name -q --quiet -v --verbose --no-random-sleep-on-renew'),
        ) &&
        (p[0] === 'certificates' || (p[0] === 'renew' && parsed.options.has('--dry-run'))),
    },
  ],
];
