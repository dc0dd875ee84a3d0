import type { ParsedOptions } from '../shell/options.js';
import type { ReadOnlyRule } from './read-only-programs.js';

// How an operator looks at a machine's disks, audit trail, network, clock and sshd before touching it
// (`ssh prod-db-1 findmnt /var/lib/postgresql`, `sudo sshd -T`, `tc qdisc show dev eth0`): the forms of
// those tools that only read. Each tool also has forms that change the machine (`tc qdisc add`, `sysctl -w`,
// `ssh-keygen -R`, `mdadm --zero-superblock`), which match no rule here.

const words = (text: string) => new Set(text.split(' '));
const any = (parsed: ParsedOptions, options: readonly string[]) => options.some((o) => parsed.options.has(o));

/** Only the options listed (`-p`, `-n`), nothing positional. */
const onlyOptions = (allowed: string): ReadOnlyRule => {
  const set = words(allowed);
  return { reads: (p, parsed) => p.length === 0 && [...parsed.options.keys()].every((o) => set.has(o)) };
};

/** A subcommand that shows (`chronyc tracking`, `timedatectl status`), or none where none shows. */
const subcommands = (reads: string, bareReads = true): ReadOnlyRule => {
  const set = words(reads);
  return { reads: (p) => (p.length === 0 ? bareReads : set.has(p[0]!)) };
};

const ETHTOOL_CHANGES = [
  '-s',
  '--change',
  '-K',
  '--features',
  '--offload',
  '-G',
  '--set-ring',
  '-A',
  '--pause',
  '-C',
  '--coalesce',
  '-L',
  '--set-channels',
  '-E',
  '--change-eeprom',
  '-f',
  '--flash',
  '-W',
  '--set-dump',
  '--reset',
  '-X',
  '--set-rxfh-indir',
  '-N',
  '-U',
  '--config-nfc',
  '--config-ntuple',
  '--set-eee',
  '--set-fec',
  '--set-priv-flags',
  '--set-phy-tunable',
  '--set-tunable',
];

/** ssh-keygen's options that change a file (a key's passphrase or comment, known_hosts) or make a key. */
const SSH_KEYGEN_CHANGES = [
  '-R',
  '-p',
  '-c',
  '-A',
  '-t',
  '-N',
  '-s',
  '-k',
  '-u',
  '-b',
  '-Y',
  '-I',
  '-O',
  '-M',
];

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
  ['arp', { unsafe: ['-d', '--delete', '-s', '--set', '-f', '--file'] }],
  ['ntpq', onlyOptions('-p -n -w --peers --numeric --wide -4 -6')],
  [
    'chronyc',
    subcommands('tracking sources sourcestats activity ntpdata clients serverstats rtcdata', false),
  ],
  ['timedatectl', subcommands('status show list-timezones timesync-status show-timesync')],
  ['hostnamectl', subcommands('status')],
  ['ethtool', { unsafe: ETHTOOL_CHANGES }],
  // SMART: reading attributes and logs; not starting tests or changing the drive's settings.
  [
    'smartctl',
    {
      withValue: ['-d', '--device', '-l', '--log', '-T', '--tolerance'],
      unsafe: [
        '-s',
        '--smart',
        '-o',
        '--offlineauto',
        '-S',
        '--saveauto',
        '-t',
        '--test',
        '-X',
        '--abort',
        '--set',
      ],
    },
  ],
  [
    'mdadm',
    {
      unsafe: [
        '--zero-superblock',
        '--stop',
        '-S',
        '--fail',
        '-f',
        '--remove',
        '-r',
        '--create',
        '-C',
        '--grow',
        '-G',
        '--add',
        '-a',
        '--assemble',
        '-A',
        '--run',
        '-R',
        '--readonly',
        '--readwrite',
        '-o',
        '-w',
        '--update',
        '-U',
      ],
      reads: (_p, parsed) => any(parsed, ['--detail', '-D', '--examine', '-E', '--query', '-Q']),
    },
  ],
  // `sysctl NAME…` prints; `-w`, `NAME=VALUE`, `-p FILE`, `--system` set.
  [
    'sysctl',
    {
      unsafe: ['-w', '--write', '-p', '--load', '--system', '-f'],
      reads: (p) => p.every((name) => name !== '' && !name.includes('=')),
    },
  ],
  // tc [options] qdisc|class|filter show|ls|list [dev NAME …]
  [
    'tc',
    { reads: (p) => words('qdisc class filter').has(p[0] ?? '') && words('show ls list').has(p[1] ?? '') },
  ],
  // sshd -T prints its effective configuration, -t checks it, -G prints it for a connection.
  ['sshd', { withValue: ['-f', '-C'], reads: (_p, parsed) => any(parsed, ['-T', '-t', '-G']) }],
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
    { withValue: ['-f'], reads: (_p, parsed) => [...parsed.options.keys()].some((o) => /^-N\d?$/.test(o)) },
  ],
  // apt-get -s|--simulate|--dry-run|--no-act: prints what an install or upgrade would do.
  [
    'apt-get',
    {
      reads: (_p, parsed) =>
        ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon'].some((o) =>
          parsed.options.has(o),
        ),
    },
  ],
  ['pgbackrest', { reads: (p) => words('info version help').has(p[0] ?? '') }],
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
      withValue: ['--cert-name'],
      unsafe: ['--pre-hook', '--post-hook', '--deploy-hook', '--manual-auth-hook', '--manual-cleanup-hook'],
      reads: (p, parsed) => p[0] === 'certificates' || (p[0] === 'renew' && parsed.options.has('--dry-run')),
    },
  ],
];
