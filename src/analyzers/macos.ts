import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { ruleEffect, type Rule } from './rule-effect.js';

// macOS's own administration tools: `diskutil eraseDisk JHFS+ Untitled disk2` (a disk erased),
// `tmutil disable` (no more Time Machine backups), `csrutil disable` and `spctl --master-disable` (the
// system's protections off), `security delete-keychain`, `dscl . -delete /Users/alice` (an account gone). None names a file the file analyzers know, so each
// was allowed. Reading (`diskutil list`, `tmutil listbackups`, `csrutil status`, `spctl --status`) matches
// no rule here and is listed in assess/read-only-host-tools.ts. launchctl is judged with the other service
// managers (services/systemd.ts).

const effect = ruleEffect;

/** The words that are not options (`-plist`, `-force`), in order. */
const operands = (inv: Invocation) => inv.args.map((w) => w.value).filter((w) => !w.startsWith('-'));

const ERASED: Rule = { operation: 'delete', risk: 'critical', category: 'disk' };

/** diskutil verbs that erase what they are given, and what they do to it (`%s`). */
const DISKUTIL_ERASES: Readonly<Record<string, string>> = {
  erasedisk: 'erases every volume on %s',
  erasevolume: 'erases %s',
  zerodisk: 'writes zeros over all of %s',
  randomdisk: 'writes random data over all of %s',
  secureerase: 'securely erases %s',
  partitiondisk: 'erases %s and partitions it anew',
  reformat: 'erases %s and formats it anew',
};
/** `diskutil apfs|cs VERB`: volumes and containers deleted or erased. */
const DISKUTIL_GROUP_ERASES: Readonly<Record<string, string>> = {
  'apfs deletevolume': 'deletes the APFS volume %s',
  'apfs deletecontainer': 'deletes the APFS container %s and every volume in it',
  'apfs erasevolume': 'erases the APFS volume %s',
  'cs delete': 'deletes the Core Storage volume group %s',
  'cs deletevolume': 'deletes the Core Storage volume %s',
};

/** The disk or volume a diskutil command names: a device (`disk2`, `/dev/disk2s1`), a mount, else the last word. */
const device = (words: readonly string[]) =>
  words.find((w) => /^(\/dev\/)?r?disk\d/.test(w) || w.startsWith('/Volumes/')) ?? words.at(-1) ?? '<disk>';

function diskutil(inv: Invocation): Effect[] {
  const words = operands(inv);
  const verb = words[0]?.toLowerCase() ?? '';
  const grouped = `${verb} ${words[1]?.toLowerCase() ?? ''}`;
  if (verb === 'secureerase' && words[1]?.toLowerCase() === 'freespace') {
    const where = device(words.slice(2));
    return [
      effect(
        inv,
        where,
        { operation: 'modify', risk: 'low', category: 'disk' },
        `overwrites the free space of ${where} (files already deleted there can no longer be recovered)`,
      ),
    ];
  }
  const erases = DISKUTIL_ERASES[verb];
  if (erases) {
    const target = device(words.slice(1));
    return [effect(inv, target, ERASED, erases.replace('%s', target))];
  }
  const groupErases = DISKUTIL_GROUP_ERASES[grouped];
  if (groupErases) {
    const target = device(words.slice(2));
    return [effect(inv, target, ERASED, groupErases.replace('%s', target))];
  }
  if (grouped === 'apfs deletesnapshot') {
    const target = device(words.slice(2));
    return [
      effect(inv, target, { ...ERASED, risk: 'high', category: 'backup' }, `deletes a snapshot of ${target}`),
    ];
  }
  if ((verb === 'unmountdisk' || verb === 'unmount') && words.some((w) => w.toLowerCase() === 'force')) {
    const target = device(words.slice(1).filter((w) => w.toLowerCase() !== 'force'));
    return [
      effect(
        inv,
        target,
        { operation: 'modify', risk: 'medium', category: 'disk' },
        `forces ${target} off while programs may be writing to it`,
      ),
    ];
  }
  return [];
}

const NO_BACKUPS: Rule = { operation: 'modify', risk: 'high', category: 'backup' };
const BACKUPS_DELETED: Rule = { operation: 'delete', risk: 'high', category: 'backup' };

/** tmutil verbs that stop Time Machine, or delete what it kept, and how they say it. */
const TMUTIL: Readonly<Record<string, readonly [Rule, string]>> = {
  disable: [NO_BACKUPS, 'turns off Time Machine: no backups are taken from now on'],
  disablelocal: [NO_BACKUPS, 'turns off local snapshots'],
  removedestination: [NO_BACKUPS, 'removes a backup destination: nothing is backed up there any more'],
  delete: [BACKUPS_DELETED, 'deletes Time Machine backups'],
  deletelocalsnapshots: [BACKUPS_DELETED, 'deletes local Time Machine snapshots'],
  thinlocalsnapshots: [BACKUPS_DELETED, 'deletes local Time Machine snapshots to free space'],
};

function tmutil(inv: Invocation): Effect[] {
  const [verb = '', ...rest] = inv.args.map((w) => w.value);
  const known = TMUTIL[verb.toLowerCase()];
  if (!known) return [];
  // thinlocalsnapshots MOUNT [BYTES [URGENCY]]: the mount point is what it thins.
  const named = rest.filter((w) => !w.startsWith('-'));
  const target = (verb === 'thinlocalsnapshots' ? named.slice(0, 1) : named).join(' ') || 'Time Machine';
  return [effect(inv, target, known[0], known[1])];
}

const PROTECTION_OFF: Rule = { operation: 'modify', risk: 'high', category: 'host' };

/** csrutil disable, csrutil authenticated-root disable: System Integrity Protection off. */
function csrutil(inv: Invocation): Effect[] {
  const words = operands(inv).map((w) => w.toLowerCase());
  if (!words.includes('disable')) return [];
  const what = words[0] === 'authenticated-root' ? 'the sealed system volume' : 'System Integrity Protection';
  return [effect(inv, what, PROTECTION_OFF, `turns off ${what}: system files and processes can be changed`)];
}

/** spctl --master-disable|--global-disable (Gatekeeper off), spctl kext-consent disable. */
function spctl(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value.toLowerCase());
  if (words.includes('--master-disable') || words.includes('--global-disable'))
    return [
      effect(inv, 'Gatekeeper', PROTECTION_OFF, 'turns off Gatekeeper: apps from anyone run unchecked'),
    ];
  if (words[0] === 'kext-consent' && words[1] === 'disable')
    return [effect(inv, 'kernel extensions', PROTECTION_OFF, 'lets kernel extensions load without consent')];
  return [];
}

/** security delete-keychain [KEYCHAIN…]: the keychain's passwords, keys and certificates are gone. */
function security(inv: Invocation): Effect[] {
  const [verb, ...rest] = operands(inv);
  if (verb !== 'delete-keychain') return [];
  const target = rest.join(' ') || 'the default keychain';
  return [
    effect(
      inv,
      target,
      { operation: 'delete', risk: 'high', category: 'secrets' },
      `deletes the keychain ${target} with every password, key and certificate in it`,
    ),
  ];
}

/** `defaults [-currentHost | -host H] delete DOMAIN`: every setting of an app (or of all, `-g`) gone. */
function defaults(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  let i = 0;
  while (words[i] === '-currentHost' || words[i] === '-host') i += words[i] === '-host' ? 2 : 1;
  if (words[i] !== 'delete') return [];
  const rest = words.slice(i + 1);
  const domain = rest[0] === '-app' ? rest.slice(0, 2).join(' ') : rest[0];
  const keys = rest.slice(rest[0] === '-app' ? 2 : 1);
  if (!domain || keys.length) return [];
  const global = /^(-g|-globalDomain|NSGlobalDomain)$/.test(domain);
  return [
    effect(
      inv,
      domain,
      { operation: 'delete', risk: 'medium', category: 'host' },
      global ? 'deletes the settings every app shares' : `deletes every setting of ${domain}`,
    ),
  ];
}

const ACCOUNT_GONE: Rule = { operation: 'delete', risk: 'high', category: 'account' };
const ACCOUNT_CHANGED: Rule = { operation: 'modify', risk: 'medium', category: 'account' };
/** Groups whose members administer the machine. */
const ADMIN_GROUP = /^\/Groups\/(admin|wheel)$/i;

/**
 * `dscl [-u U -P P] NODE [-]VERB RECORD [KEY [VALUE…]]`: the directory service, where macOS keeps its accounts.
 * Deleting a user or group record is userdel's; adding a member to admin is `usermod -aG sudo`'s.
 */
function dscl(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  let i = 0;
  while (/^-(u|P|p|q|raw|plist|url)$/.test(words[i] ?? ''))
    i += words[i] === '-u' || words[i] === '-P' ? 2 : 1;
  const [, verbWord, record, key] = words.slice(i);
  const verb = verbWord?.replace(/^-/, '').toLowerCase();
  if (!verb || !record) return [];
  const kind = /^\/Users\//i.test(record) ? 'account' : /^\/Groups\//i.test(record) ? 'group' : 'record';
  if (verb === 'delete')
    return key
      ? [effect(inv, record, ACCOUNT_CHANGED, `deletes ${key} of the ${kind} ${record}`)]
      : [effect(inv, record, ACCOUNT_GONE, `deletes the ${kind} ${record}`)];
  if (verb === 'passwd') return [effect(inv, record, ACCOUNT_CHANGED, `sets the password of ${record}`)];
  if (!['create', 'append', 'merge', 'change', 'changei'].includes(verb) || kind === 'record') return [];
  if (ADMIN_GROUP.test(record) && /^(GroupMembership|GroupMembers)$/i.test(key ?? ''))
    return [
      effect(
        inv,
        record,
        { ...ACCOUNT_CHANGED, risk: 'high' },
        `adds ${words.slice(i + 4).join(' ') || 'a member'} to ${record}: an administrator of this machine`,
      ),
    ];
  return [effect(inv, record, ACCOUNT_CHANGED, `changes the ${kind} ${record}`)];
}

/** sysadminctl -deleteUser NAME (the account and, unless -keepHome, its home), -resetPasswordFor NAME. */
function sysadminctl(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  const after = (flag: string) => words[words.findIndex((w) => w.toLowerCase() === flag.toLowerCase()) + 1];
  const deleted = words.some((w) => /^-deleteUser$/i.test(w)) ? after('-deleteUser') : undefined;
  if (deleted) return [effect(inv, deleted, ACCOUNT_GONE, `deletes the account ${deleted} and its home`)];
  const reset = words.some((w) => /^-resetPasswordFor$/i.test(w)) ? after('-resetPasswordFor') : undefined;
  if (reset) return [effect(inv, reset, ACCOUNT_CHANGED, `sets the password of ${reset}`)];
  return [];
}

const HANDLERS: Record<string, (inv: Invocation) => Effect[]> = {
  diskutil,
  dscl,
  sysadminctl,
  tmutil,
  csrutil,
  spctl,
  security,
  defaults,
};

export const macosAnalyzer: Analyzer = {
  family: 'macos',
  commands: Object.keys(HANDLERS),
  local: true,
  environmentVariables: [],
  // Knows the forms above only: `diskutil appleRAID delete`, `security delete-certificate` stay as
  // unrecognised as before.
  partial: true,
  analyze(inv) {
    return HANDLERS[inv.name]?.(inv) ?? [];
  },
};
