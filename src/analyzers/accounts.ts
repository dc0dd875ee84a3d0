import type { Effect, Risk } from '../core/types.js';
import { hasOption, optionValue, parseOptions } from '../shell/options.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Accounts and privileges on a machine: who may log in, who is root or may become root (sudo, wheel and
// docker groups, uid 0), passwords and capabilities. None of these destroys a file, so the file analyzers
// saw nothing in `usermod -aG sudo agent`, `passwd -d root` or `setcap cap_setuid+ep python3`: each is an
// agent giving someone (itself, usually) more power than the engineer it acts for meant it to have.

/** Membership that makes a user root in all but name. */
const ADMIN_GROUPS = new Set([
  'root',
  'sudo',
  'wheel',
  'admin',
  'adm',
  'docker',
  'lxd',
  'disk',
  'shadow',
  'libvirt',
  'staff',
]);

const effect = (tool: string, target: string, risk: Risk, reason: string): Effect => ({
  operation: 'modify',
  tool,
  target,
  reversible: false,
  risk,
  reason,
  category: 'account',
});

const groupsIn = (list: string | undefined) => (list ?? '').split(',').filter(Boolean);
const adminIn = (groups: readonly string[]) => groups.filter((g) => ADMIN_GROUPS.has(g));
const isRootId = (id: string | undefined) => id !== undefined && /^0+$/.test(id);

/** Options of useradd, usermod and adduser that take a value. */
const ACCOUNT_VALUE = [
  ...'-c -d -e -f -g -G -l -p -s -u -R -P -Z -k -K -b'.split(' '),
  ...'comment home home-dir expiredate inactive gid groups login password shell uid root prefix selinux-user skel key base-dir ingroup add-subuids del-subuids add-subgids del-subgids'
    .split(' ')
    .map((o) => `--${o}`),
];

/** useradd, usermod, adduser: a new or changed account, and what rights it gets. */
function account(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ACCOUNT_VALUE });
  const user = parsed.positionals.map((w) => w.value);
  const name = user[0] ?? 'an account';
  const creates = inv.name === 'useradd' || inv.name === 'adduser';
  const groups = [
    ...groupsIn(optionValue(parsed, '-G', '--groups')),
    ...groupsIn(optionValue(parsed, '-g', '--gid')),
    ...groupsIn(optionValue(parsed, '--ingroup')),
    // Debian's `adduser USER GROUP` adds an existing user to a group.
    ...(inv.name === 'adduser' && user.length === 2 ? [user[1]!] : []),
  ];
  const admin = adminIn(groups);
  const uid = optionValue(parsed, '-u', '--uid');
  if (isRootId(uid) || hasOption(parsed, '-o', '--non-unique'))
    return [
      effect(inv.name, name, 'critical', `${inv.name} gives ${name} uid ${uid ?? 'shared'}: a second root`),
    ];
  if (admin.length)
    return [
      effect(inv.name, name, 'high', `${inv.name} puts ${name} in ${admin.join(', ')}: administrator rights`),
    ];
  if (hasOption(parsed, '-p', '--password'))
    return [effect(inv.name, name, 'high', `${inv.name} sets the password of ${name}`)];
  if (creates) return [effect(inv.name, name, 'medium', `${inv.name} creates the account ${name}`)];
  return [effect(inv.name, name, 'medium', `${inv.name} changes the account ${name}`)];
}

/** gpasswd -a USER GROUP, -M USERS: group membership. */
function gpasswd(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: ['-a', '-d', '-M', '-A', '-Q', '--add', '--delete', '--members', '--administrators', '--root'],
  });
  const group = parsed.positionals[0]?.value ?? 'a group';
  const adds = [
    ...groupsIn(optionValue(parsed, '-a', '--add')),
    ...groupsIn(optionValue(parsed, '-M', '--members')),
  ];
  const risk: Risk = ADMIN_GROUPS.has(group) && adds.length ? 'high' : 'medium';
  return [
    effect(
      'gpasswd',
      group,
      risk,
      `gpasswd changes who is in ${group}${adds.length ? ` (adds ${adds.join(', ')})` : ''}`,
    ),
  ];
}

/** passwd: only `-S` (status) reads; anything else sets, deletes or unlocks a password. */
function passwd(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: [
      '-n',
      '-x',
      '-w',
      '-i',
      '-r',
      '-R',
      '-P',
      '--mindays',
      '--maxdays',
      '--warndays',
      '--inactive',
      '--repository',
      '--root',
      '--prefix',
    ],
  });
  if (hasOption(parsed, '-S', '--status')) return [];
  const name = parsed.positionals[0]?.value ?? 'the current user';
  if (hasOption(parsed, '-d', '--delete'))
    return [
      effect(
        'passwd',
        name,
        'critical',
        `passwd -d removes the password of ${name}: anyone may log in as it`,
      ),
    ];
  return [effect('passwd', name, 'high', `passwd changes the password of ${name}`)];
}

/** setcap: gives a program powers root keeps (cap_setuid lets it become root); `-v` only verifies. */
function setcap(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-n'] });
  if (hasOption(parsed, '-v')) return [];
  const files = parsed.positionals.slice(1).map((w) => w.value);
  const caps = parsed.positionals[0]?.value ?? '';
  return (files.length ? files : ['a program']).map((f) =>
    effect('setcap', f, 'high', `setcap gives ${f} the capabilities ${caps || '(unknown)'}`),
  );
}

/** The rest: each changes accounts or their rights, the deleting ones more. */
const OTHERS: Record<string, { risk: Risk; what: string; readOnly?: string }> = {
  userdel: { risk: 'high', what: 'deletes the account' },
  deluser: { risk: 'high', what: 'deletes the account (or its membership)' },
  groupadd: { risk: 'medium', what: 'creates the group' },
  addgroup: { risk: 'medium', what: 'creates the group' },
  groupdel: { risk: 'high', what: 'deletes the group' },
  delgroup: { risk: 'high', what: 'deletes the group' },
  groupmod: { risk: 'high', what: 'changes the group' },
  chpasswd: { risk: 'high', what: 'sets passwords read from its input' },
  newusers: { risk: 'high', what: 'creates accounts read from its input' },
  chage: { risk: 'medium', what: 'changes password ageing of', readOnly: '-l' },
  chsh: { risk: 'medium', what: 'changes the login shell of' },
  visudo: { risk: 'high', what: 'edits the sudo rules', readOnly: '-c' },
  vipw: { risk: 'high', what: 'edits the account database' },
  vigr: { risk: 'high', what: 'edits the group database' },
};

export const accountsAnalyzer: Analyzer = {
  family: 'accounts',
  partial: true,
  commands: ['useradd', 'usermod', 'adduser', 'gpasswd', 'passwd', 'setcap', ...Object.keys(OTHERS)],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'useradd':
      case 'usermod':
      case 'adduser':
        return account(inv);
      case 'gpasswd':
        return gpasswd(inv);
      case 'passwd':
        return passwd(inv);
      case 'setcap':
        return setcap(inv);
    }
    const other = OTHERS[inv.name];
    if (!other) return [];
    if (
      other.readOnly &&
      inv.args.some((w) => w.value === other.readOnly || w.value === '--check' || w.value === '--list')
    )
      return [];
    const name = inv.args.filter((w) => !w.value.startsWith('-')).pop()?.value ?? 'accounts';
    return [effect(inv.name, name, other.risk, `${inv.name} ${other.what} ${name}`)];
  },
};
