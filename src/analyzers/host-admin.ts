import type { Effect, EnvironmentHint, Operation, Risk } from '../core/types.js';
import { hasOption, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { mounts } from './host-admin/mounts.js';
import { history, setOption } from './host-admin/shell-history.js';
import { classifyPath, resolvePath } from './paths.js';

// Administering the machine itself: its packages, kernel, mounts, security enforcement and logs, and the
// keys other machines accept. `apt-get remove -y openssh-server` deletes no file an agent named, and
// `journalctl --vacuum-time=1s`, `auditctl -D` or `history -c` erase the evidence of what was done; each was
// allowed.
// Installing software stays allowed: it is everyday work, and what an install script runs is its own matter.

const effect = (
  inv: Invocation,
  target: string,
  operation: Operation,
  risk: Risk,
  reason: string,
  hints: EnvironmentHint[] = [],
): Effect => ({
  operation,
  tool: inv.name,
  target,
  reversible: false,
  risk,
  reason,
  category: 'host',
  ...(hints.length ? { hints } : {}),
});

const words = (inv: Invocation) => inv.args.map((w) => w.value);

/** Package managers' verbs that take software off the machine, and their flags for a rehearsal. */
const REMOVING: Record<string, { verbs: readonly string[]; dryRun: readonly string[] }> = {
  apt: {
    verbs: ['remove', 'purge', 'autoremove', 'autopurge'],
    dryRun: ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon'],
  },
  'apt-get': {
    verbs: ['remove', 'purge', 'autoremove', 'autopurge'],
    dryRun: ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon'],
  },
  aptitude: { verbs: ['remove', 'purge'], dryRun: ['-s', '--simulate'] },
  dnf: { verbs: ['remove', 'erase', 'autoremove', 'rm'], dryRun: ['--assumeno'] },
  yum: { verbs: ['remove', 'erase', 'autoremove'], dryRun: ['--assumeno'] },
  zypper: { verbs: ['remove', 'rm'], dryRun: ['--dry-run', '-D'] },
  apk: { verbs: ['del'], dryRun: ['-s', '--simulate'] },
  snap: { verbs: ['remove'], dryRun: [] },
  dpkg: { verbs: ['-r', '--remove', '-P', '--purge'], dryRun: ['--no-act', '--dry-run', '--simulate'] },
  rpm: { verbs: ['-e', '--erase'], dryRun: ['--test'] },
};

function packages(inv: Invocation): Effect[] {
  const rule = REMOVING[inv.name]!;
  const args = words(inv);
  if (args.some((a) => rule.dryRun.includes(a))) return [];
  const verbAt = args.findIndex((a) => rule.verbs.includes(a));
  if (verbAt < 0) return [];
  const names = args.slice(verbAt + 1).filter((a) => !a.startsWith('-'));
  const what = names.length ? names.join(' ') : 'packages no longer needed';
  return [
    effect(inv, what, 'delete', 'high', `${inv.name} ${args[verbAt]} removes ${what} from the machine`),
  ];
}

/** pacman -R…: removes; every other operation installs, upgrades or queries. */
function pacman(inv: Invocation): Effect[] {
  const args = words(inv);
  const op = args.find((a) => /^-R|^--remove$/.test(a));
  if (!op || args.includes('-p') || args.includes('--print')) return [];
  const names = args.filter((a) => !a.startsWith('-'));
  return [
    effect(
      inv,
      names.join(' ') || 'packages',
      'delete',
      'high',
      `pacman ${op} removes ${names.join(' ')} from the machine`,
    ),
  ];
}

function journalctl(inv: Invocation): Effect[] {
  const erasing = words(inv).find((a) => /^--(vacuum-(size|time|files)|rotate)(=|$)/.test(a));
  return erasing
    ? [effect(inv, 'the system journal', 'delete', 'high', `journalctl ${erasing} deletes logged history`)]
    : [];
}

function auditctl(inv: Invocation): Effect[] {
  const args = words(inv);
  if (args.includes('-D'))
    return [effect(inv, 'audit rules', 'delete', 'high', 'auditctl -D deletes every audit rule')];
  const e = args.indexOf('-e');
  if (e >= 0 && args[e + 1] === '0')
    return [effect(inv, 'auditing', 'modify', 'high', 'auditctl -e 0 turns auditing off')];
  return args.some((a) => /^-[aAwWd]$/.test(a))
    ? [effect(inv, 'audit rules', 'modify', 'medium', 'auditctl changes the audit rules')]
    : [];
}

function setenforce(inv: Invocation): Effect[] {
  const mode = words(inv)[0];
  return mode === '0' || mode?.toLowerCase() === 'permissive'
    ? [effect(inv, 'SELinux', 'modify', 'high', 'setenforce turns SELinux enforcement off')]
    : [];
}

/** sysctl NAME=VALUE, -w, -p: kernel settings; `sysctl NAME` and `-a` only read. */
function sysctl(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-p', '--load', '--pattern'] });
  const sets = parsed.positionals.filter((w) => w.value.includes('=')).map((w) => w.value);
  const loads = hasOption(parsed, '-p', '--load', '--system');
  if (!sets.length && !loads) return [];
  const what = sets.join(' ') || 'settings from a file';
  return [effect(inv, what, 'modify', 'high', `sysctl changes kernel settings: ${what}`)];
}

/** swapoff: the memory the machine leans on under pressure is gone (the OOM killer picks what dies). */
function swapoff(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args);
  if (hasOption(parsed, '-h', '--help', '-V', '--version')) return [];
  const what = hasOption(parsed, '-a', '--all')
    ? 'all swap'
    : parsed.positionals.map((w) => w.value).join(' ');
  return what ? [effect(inv, what, 'modify', 'medium', `swapoff turns off ${what}`)] : [];
}

/**
 * chattr on a system path: `-i` unlocks a file an administrator made immutable (so it can be rewritten),
 * `+i` locks one (so the system can no longer update it). `lsattr` only reads.
 */
function chattr(inv: Invocation): Effect[] {
  const [flags, ...targets] = inv.args.filter((w) => w.dynamic || !/^-[RVf]+$/.test(w.value));
  if (!flags || !/^[-+=]/.test(flags.value)) return [];
  return targets.flatMap((t) => {
    const path = t.dynamic || inv.remote ? t.value : resolvePath(t.value, inv.facts.cwd, inv.facts.home);
    const cls = classifyPath(path, {
      cwd: inv.facts.cwd,
      home: inv.facts.home,
      recursive: false,
      remote: inv.remote,
    });
    if (cls.risk !== 'critical' && cls.risk !== 'high') return [];
    return [
      effect(
        inv,
        path,
        'modify',
        'medium',
        `chattr ${flags.value} changes the attributes of ${path} (${cls.why})`,
      ),
    ];
  });
}

/** Kernel modules: loading one runs its code in the kernel, removing one takes a driver away. */
function modules(inv: Invocation): Effect[] {
  const args = words(inv);
  if (
    inv.name === 'modprobe' &&
    args.some((a) => /^(-n|--dry-run|--show-depends|-D|-c|--showconfig|--show-config)$/.test(a))
  )
    return [];
  const names = args.filter((a) => !a.startsWith('-'));
  if (!names.length) return [];
  const removes = inv.name === 'rmmod' || args.includes('-r') || args.includes('--remove');
  return [
    effect(
      inv,
      names.join(' '),
      'modify',
      'high',
      `${inv.name} ${removes ? 'removes' : 'loads'} the kernel module ${names.join(' ')}`,
    ),
  ];
}

/** ssh-copy-id HOST: HOST now accepts this key (placed by the host, like ssh). */
function sshCopyId(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-i', '-p', '-o', '-F', '-t'] });
  if (hasOption(parsed, '-n')) return [];
  const target = parsed.positionals[parsed.positionals.length - 1]?.value;
  if (!target) return [];
  const host = target.slice(target.indexOf('@') + 1);
  return [
    effect(
      inv,
      `${target}: ~/.ssh/authorized_keys`,
      'modify',
      'high',
      `ssh-copy-id lets this key log in to ${target}`,
      [{ source: 'ssh host', value: host }],
    ),
  ];
}

/**
 * In a repository's own config, what the project sets itself (husky's `core.hooksPath .husky`, a deploy
 * key's `core.sshCommand`, git-lfs's filters, a credential helper) is its business; a command run on every
 * `git status` (core.fsmonitor), hooks taken from outside the repository and shell aliases run later, in
 * the user's own git session.
 */
function runsInRepository(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k === 'core.hookspath') return value.startsWith('/') || value.startsWith('~') || value.startsWith('..');
  if (k === 'core.fsmonitor') return !/^(true|false|yes|no|on|off|0|1)$/i.test(value);
  // Credential helpers, filters (git-lfs writes its own), diff and merge tools are the project's setup.
  return k.startsWith('alias.');
}

/** Settings that make git run a program, in every repository once global: a hook directory, a command. */
const GIT_RUNS =
  /^(core\.(hookspath|sshcommand|fsmonitor|pager|editor|askpass)|credential\.helper|alias\..+|.*\.(command|cmd|textconv|clean|smudge|process))$/i;

/** `git config [--global|--system] KEY VALUE` (and `git config set`) for a key that runs programs. */
function gitConfig(inv: Invocation): Effect[] {
  const args = words(inv);
  // git's own options come first; -C and -c take a value.
  let at = 0;
  while (at < args.length && args[at]!.startsWith('-')) at += args[at] === '-C' || args[at] === '-c' ? 2 : 1;
  if (args[at] !== 'config') return [];
  const rest = args.slice(at + 1).filter((a) => a !== 'set');
  const scope = rest.find((a) => a === '--global' || a === '--system');
  const positionals = rest.filter((a) => !a.startsWith('-'));
  const [key, value] = positionals;
  if (!key || value === undefined || !GIT_RUNS.test(key)) return [];
  if (key.toLowerCase().startsWith('alias.') && !value.startsWith('!')) return [];
  // The project's own setting (a deploy key's core.sshCommand, a diff driver): what it makes git run is
  // judged as if typed, since git runs it on the next fetch, diff or commit.
  if (!scope && !runsInRepository(key, value)) {
    const command = key.toLowerCase() === 'credential.helper' ? /^!(.*)$/s.exec(value)?.[1] : value;
    return command === undefined
      ? []
      : [
          {
            ...effect(inv, `git ${key}`, 'modify', 'low', `git config ${key} makes git run ${command}`),
            runs: command,
          },
        ];
  }
  const how = scope
    ? `git config ${scope} ${key} makes git run ${value} in every repository`
    : `git config ${key} makes git run ${value} whenever git is used in this repository`;
  return [effect(inv, `git ${key}`, 'modify', 'high', how)];
}

export const hostAdminAnalyzer: Analyzer = {
  family: 'host administration',
  partial: true,
  commands: [
    ...Object.keys(REMOVING),
    'pacman',
    'journalctl',
    'auditctl',
    'history',
    'set',
    'setenforce',
    'sysctl',
    'modprobe',
    'insmod',
    'rmmod',
    'mount',
    'umount',
    'ssh-copy-id',
    'git',
    'swapoff',
    'chattr',
  ],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    if (REMOVING[inv.name]) return packages(inv);
    switch (inv.name) {
      case 'pacman':
        return pacman(inv);
      case 'journalctl':
        return journalctl(inv);
      case 'auditctl':
        return auditctl(inv);
      case 'history':
        return history(inv);
      case 'set':
        return setOption(inv);
      case 'setenforce':
        return setenforce(inv);
      case 'sysctl':
        return sysctl(inv);
      case 'modprobe':
      case 'insmod':
      case 'rmmod':
        return modules(inv);
      case 'mount':
      case 'umount':
        return mounts(inv);
      case 'ssh-copy-id':
        return sshCopyId(inv);
      case 'git':
        return gitConfig(inv);
      case 'swapoff':
        return swapoff(inv);
      case 'chattr':
        return chattr(inv);
    }
    return [];
  },
};
