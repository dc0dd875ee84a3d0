import type { Effect, EnvironmentHint } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { ruleEffect, type Rule } from './rule-effect.js';
import { isCriticalProcess, outageInProduction } from './services/common.js';

// Windows' own administration tools, typed in Git Bash, handed to `cmd /c` or run from PowerShell:
// `vssadmin delete shadows /all /quiet` (every restore point gone), `wevtutil cl Security` (the audit log
// erased), `bcdedit /set {default} recoveryenabled No`, `format E:`, `net localgroup administrators x /add`.
// None names a file the file analyzers know, so each was allowed. What they destroy or hand out is judged
// here; their read forms (`vssadmin list shadows`, `reg query`, `sc query`, `schtasks /query`) match no
// rule and are listed in assess/read-only-host-tools.ts.

const effect = ruleEffect;

/**
 * A Windows tool's words: its switches (`/all`, `-f`, `/for=C:`, `/maxsize:10%`) by lower-case name with
 * their value, and the other words in order. Switches in `withValue` take the next word as their value
 * (`/tn NAME`).
 */
function read(
  inv: Invocation,
  withValue: readonly string[] = [],
): { on: Map<string, string>; operands: string[] } {
  const on = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const m = /^[/-]([A-Za-z?][\w?-]*)(?:[:=](.*))?$/s.exec(w.value);
    if (!m || w.dynamic) {
      operands.push(w.value);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (m[2] === undefined && withValue.includes(name)) on.set(name, inv.args[++i]?.value ?? '');
    else on.set(name, m[2] ?? '');
  }
  return { on, operands };
}

const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());

const BACKUP_GONE: Rule = { operation: 'delete', risk: 'critical', category: 'backup' };

/** vssadmin delete shadows|shadowstorage, resize shadowstorage: the volume's restore points. */
function vssadmin(inv: Invocation): Effect[] {
  const { on, operands } = read(inv);
  const [verb, noun] = lower(operands);
  const volume = on.get('for') ?? on.get('on') ?? 'every volume';
  if (verb === 'delete' && noun === 'shadows') {
    const one = on.get('shadow') ?? (on.has('oldest') ? `the oldest shadow copy of ${volume}` : undefined);
    const target = one ?? (on.has('all') ? 'every shadow copy' : `the shadow copies of ${volume}`);
    return [
      effect(
        inv,
        target,
        { ...BACKUP_GONE, risk: one ? 'high' : 'critical' },
        `deletes ${target}: the restore points and previous versions of files are gone`,
      ),
    ];
  }
  if (verb === 'delete' && noun === 'shadowstorage')
    return [effect(inv, volume, BACKUP_GONE, `deletes the shadow storage of ${volume} and every copy in it`)];
  if (verb === 'resize' && noun === 'shadowstorage') {
    if (/^unbounded$/i.test(on.get('maxsize') ?? ''))
      return [
        effect(inv, volume, { ...BACKUP_GONE, operation: 'modify', risk: 'low' }, 'lets shadow storage grow'),
      ];
    return [
      effect(
        inv,
        volume,
        { ...BACKUP_GONE, risk: 'high' },
        `limits the shadow storage of ${volume} (the shadow copies that no longer fit are deleted)`,
      ),
    ];
  }
  return [];
}

/** wbadmin delete catalog|systemstatebackup|backup, disable backup: Windows Server Backup's backups. */
function wbadmin(inv: Invocation): Effect[] {
  const { on, operands } = read(inv);
  const [verb, noun] = lower(operands);
  const version = on.get('version');
  const where = version ? `version ${version}` : (on.get('backuptarget') ?? 'this machine');
  if (verb === 'delete' && (noun === 'catalog' || noun === 'systemstatebackup' || noun === 'backup'))
    return [
      effect(
        inv,
        where,
        BACKUP_GONE,
        noun === 'catalog'
          ? 'deletes the backup catalog: its backups can no longer be restored'
          : `deletes ${noun === 'backup' ? 'backups' : 'system state backups'} (${where})`,
      ),
    ];
  if (verb === 'disable' && noun === 'backup')
    return [
      effect(
        inv,
        where,
        { ...BACKUP_GONE, operation: 'modify', risk: 'high' },
        'turns off scheduled backups: none are taken from now on',
      ),
    ];
  return [];
}

const AUDIT: Rule = { operation: 'delete', risk: 'high', category: 'audit' };

/** wevtutil cl|clear-log LOG erases an event log (with /bu: it is saved first); sl LOG /e:false stops one. */
function wevtutil(inv: Invocation): Effect[] {
  const { on, operands } = read(inv);
  const [verb = '', log = '<log>'] = operands;
  if (/^(cl|clear-log)$/i.test(verb)) {
    const saved = on.has('bu') || on.has('backup');
    return [
      effect(
        inv,
        log,
        { ...AUDIT, risk: saved ? 'medium' : 'high' },
        `erases the event log ${log}${saved ? ' (a copy is saved first)' : ': its record of what happened is gone'}`,
      ),
    ];
  }
  const enabled = on.get('e') ?? on.get('enabled');
  if (/^(sl|set-log)$/i.test(verb) && enabled !== undefined && /^(false|0)$/i.test(enabled))
    return [
      effect(
        inv,
        log,
        { ...AUDIT, operation: 'modify', risk: 'medium' },
        `stops recording the event log ${log}`,
      ),
    ];
  return [];
}

const BOOT: Rule = { operation: 'modify', risk: 'high', category: 'host' };

/** Boot settings that take away the machine's way back or its protections, and why. */
const BOOT_SETTINGS: readonly (readonly [RegExp, RegExp, string])[] = [
  [
    /^recoveryenabled$/,
    /^(no|off|0|false)$/,
    'turns off Windows Recovery: a machine that fails to boot is not repaired',
  ],
  [/^bootstatuspolicy$/, /^ignoreallfailures$/, 'ignores boot failures: recovery never starts'],
  [/^(testsigning|nointegritychecks)$/, /^(on|yes|1|true)$/, 'lets unsigned drivers load'],
];

/** bcdedit: boot entries and settings deleted or changed; `/enum` and `/v` only read. */
function bcdedit(inv: Invocation): Effect[] {
  const words = lower(inv.args.map((w) => w.value));
  const at = words.findIndex((w) => /^[/-](set|delete|deletevalue|import)$/.test(w));
  if (at < 0) return [];
  const command = words[at]!.slice(1);
  const rest = words.slice(at + 1).filter((w) => !/^[/-]/.test(w));
  const id = rest[0]?.startsWith('{') ? rest.shift()! : '{current}';
  if (command === 'set') {
    const [setting = '', value = ''] = rest;
    const known = BOOT_SETTINGS.find(([name, bad]) => name.test(setting) && bad.test(value));
    return [
      effect(
        inv,
        `${id} ${setting}`,
        known ? BOOT : { ...BOOT, risk: 'medium' },
        known ? `${known[2]} (${setting} ${value})` : `changes how ${id} boots (${setting} ${value})`,
      ),
    ];
  }
  const does: Record<string, string> = {
    delete: `deletes the boot entry ${id}`,
    deletevalue: `deletes the boot setting ${rest.join(' ')} of ${id}`,
    import: 'replaces the whole boot configuration with a saved store',
  };
  const deletes = command === 'delete' || command === 'deletevalue';
  return [effect(inv, id, deletes ? { ...BOOT, operation: 'delete' } : BOOT, does[command]!)];
}

const DISK_ERASED: Rule = { operation: 'delete', risk: 'critical', category: 'disk' };

/** format X: erases the volume. */
function format(inv: Invocation): Effect[] {
  const { on, operands } = read(inv);
  const volume = operands[0];
  if (!volume || on.has('?')) return [];
  return [effect(inv, volume, DISK_ERASED, `erases every file on ${volume}`)];
}

/** Lines of a diskpart script that erase or repartition a disk. */
const DISKPART_ERASES = /^\s*(clean|format|delete|convert|create|extend|shrink)\b/im;
/** Lines that only select, list or show. */
const DISKPART_READS = /^\s*(list|select|sel|detail|help|rem|exit|lis|det)\b/i;

/** diskpart /s FILE, or a script on stdin: its commands are not visible unless given here. */
function diskpart(inv: Invocation): Effect[] {
  const { on } = read(inv, ['s']);
  const script = on.get('s');
  if (script !== undefined)
    return [
      effect(
        inv,
        script,
        { operation: 'execute-unverifiable', risk: 'high', category: 'disk' },
        `runs the disk commands in ${script} (clean, delete, format…), which are not read here`,
      ),
    ];
  if (!inv.stdinText && !inv.stdinFrom) return [];
  const text = inv.stdinText && !inv.stdinText.dynamic ? inv.stdinText.value : undefined;
  if (text !== undefined && text.split('\n').every((l) => !l.trim() || DISKPART_READS.test(l))) return [];
  if (text !== undefined && DISKPART_ERASES.test(text))
    return [effect(inv, 'the selected disk', DISK_ERASED, 'erases or repartitions the selected disk')];
  return [
    effect(
      inv,
      'stdin',
      { operation: 'execute-unverifiable', risk: 'high', category: 'disk' },
      'runs the disk commands it reads from stdin, which are not read here',
    ),
  ];
}

/** Registry roots of the whole machine (not one user's settings), with or without `\\host\` before them. */
const MACHINE_HIVE =
  /^(\\\\[^\\]+\\)?(hklm|hkey_local_machine|hkcr|hkey_classes_root|hku|hkey_users|hkcc|hkey_current_config)\b/i;

/**
 * Registry values that switch a protection off (Microsoft's documented keys): Defender's service or its
 * policies, UAC, the event log service, the firewall's policy. `reg add …\\WinDefend /v Start /d 4` was
 * "a machine-wide setting", medium; it turns the antivirus off at the next boot.
 */
const PROTECTIONS: readonly (readonly [RegExp, RegExp, RegExp, string])[] = [
  [
    /\\services\\(windefend|wdnissvc|sense|wdboot|wdfilter|eventlog|mpssvc|wscsvc)$/i,
    /^start$/i,
    /^(0x)?4$/i,
    'disables a security or logging service',
  ],
  [
    /\\windows defender(\\.*)?$/i,
    /^(disableantispyware|disableantivirus|disablerealtimemonitoring|disablebehaviormonitoring|disableioavprotection|disableonaccessprotection|disablescanonrealtimeenable)$/i,
    /^(0x)?0*1$/i,
    'turns Microsoft Defender protection off',
  ],
  [/\\policies\\system$/i, /^enablelua$/i, /^(0x)?0+$/i, 'turns User Account Control off'],
  [
    /\\windowsfirewall\\(domain|standard|public)profile$/i,
    /^enablefirewall$/i,
    /^(0x)?0+$/i,
    'turns the firewall off',
  ],
];

/** What a `reg add` switches off, if it is one of the protections above. */
function protectionOff(key: string, value: string | undefined, data: string | undefined): string | undefined {
  if (value === undefined || data === undefined) return undefined;
  const found = PROTECTIONS.find(([k, v, d]) => k.test(key) && v.test(value) && d.test(data));
  return found ? `${found[3]}: ${key} ${value} = ${data}` : undefined;
}

/** reg delete (high for the machine's keys, medium for the user's), reg add to the machine's keys, import, restore. */
function reg(inv: Invocation): Effect[] {
  const { on, operands } = read(inv, ['v', 't', 'd', 's', 'se']);
  const [verb = '', key = '<key>'] = operands;
  const machine = MACHINE_HIVE.test(key) || /^\\\\/.test(key);
  const rule: Rule = { operation: 'delete', risk: machine ? 'high' : 'medium', category: 'host' };
  const value = on.get('v');
  switch (verb.toLowerCase()) {
    case 'delete': {
      const what =
        value !== undefined
          ? `the value ${value} of ${key}`
          : on.has('va')
            ? `every value of ${key}`
            : `the key ${key} and everything below it`;
      return [effect(inv, key, rule, `deletes ${what}`)];
    }
    case 'add': {
      const off = protectionOff(key, value, on.get('d'));
      if (off)
        return [effect(inv, key, { ...rule, operation: 'modify', risk: 'high', category: 'security' }, off)];
      return machine
        ? [
            effect(
              inv,
              key,
              { ...rule, operation: 'modify', risk: 'medium' },
              `changes a machine-wide setting: ${key}${value ? ` ${value}` : ''}`,
            ),
          ]
        : [];
    }
    case 'import':
      return [
        effect(
          inv,
          key,
          { ...rule, operation: 'modify', risk: 'medium' },
          `merges ${key} into the registry (the keys it changes are not read here)`,
        ),
      ];
    case 'restore':
      return [effect(inv, key, { ...rule, operation: 'replace' }, `overwrites ${key} with a saved hive`)];
  }
  return [];
}

/** cipher /w: overwrites the free space of a volume: only deleted files become unrecoverable. */
function cipher(inv: Invocation): Effect[] {
  const { on } = read(inv);
  const wipe = on.get('w');
  if (wipe === undefined) return [];
  const where = wipe || 'the current volume';
  return [
    effect(
      inv,
      where,
      { operation: 'modify', risk: 'low', category: 'disk' },
      `overwrites the free space of ${where} (files already deleted there can no longer be recovered)`,
    ),
  ];
}

/** Principals that stand for everyone (or every user) on the machine, by name or SID. */
const EVERYONE =
  /^(\*?s-1-1-0|everyone|\*?s-1-5-32-545|(builtin\\)?users|\*?s-1-5-11|(nt authority\\)?authenticated users)$/i;
/** Rights that let the grantee change things: full control, modify, write (simple or specific). */
const WRITES = /(^|[(,])(f|m|w|wd|ad|wdac|wo|ga|gw)([),]|$)/i;

/** icacls PATH /grant[:r] PRINCIPAL:PERMS…: full control or write for everyone is high; other grants low. */
function icacls(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  const target = words[0] ?? '<path>';
  const grants: string[] = [];
  let granting = false;
  for (const w of words.slice(1)) {
    if (/^\//.test(w)) granting = /^\/grant(:r)?$/i.test(w);
    else if (granting) grants.push(w);
  }
  const tree = words.some((w) => /^\/t$/i.test(w));
  const rewrites = words.flatMap((w, i): Effect[] => {
    const does = /^\/reset$/i.test(w)
      ? `replaces every permission set on ${target} with the inherited ones`
      : /^\/setowner$/i.test(w)
        ? `makes ${words[i + 1] ?? 'another account'} the owner of ${target}`
        : /^\/deny$/i.test(w)
          ? `denies ${words[i + 1] ?? 'an account'} access to ${target}`
          : /^\/inheritance:r$/i.test(w)
            ? `removes the permissions ${target} inherits`
            : undefined;
    if (!does) return [];
    const risk = tree ? 'high' : 'medium';
    return [
      effect(
        inv,
        target,
        { operation: 'modify', risk, category: 'file' },
        tree ? `${does}, and of everything under it` : does,
      ),
    ];
  });
  return [
    ...rewrites,
    ...grants.flatMap((grant): Effect[] => {
      const colon = grant.lastIndexOf(':');
      const who = grant.slice(0, colon);
      const rights = grant.slice(colon + 1).replace(/\((oi|ci|io|np|i)\)/gi, '');
      if (colon < 0) return [];
      const open = EVERYONE.test(who) && WRITES.test(rights.includes('(') ? rights : `(${rights})`);
      return [
        effect(
          inv,
          target,
          { operation: 'modify', risk: open ? 'high' : 'low', category: 'file' },
          open ? `lets everyone change ${target} (${grant})` : `grants ${who} ${rights} on ${target}`,
        ),
      ];
    }),
  ];
}

/** takeown /f PATH [/r]: taking ownership of a whole tree (system files, another user's) is high. */
function takeown(inv: Invocation): Effect[] {
  const { on } = read(inv, ['f', 's', 'u', 'p', 'd']);
  const target = on.get('f');
  if (target === undefined) return [];
  const tree = on.has('r');
  return [
    effect(
      inv,
      target,
      { operation: 'modify', risk: tree ? 'high' : 'low', category: 'file' },
      tree ? `takes ownership of every file under ${target}` : `takes ownership of ${target}`,
    ),
  ];
}

/** Groups whose members run the machine (or the domain). */
const ADMIN_GROUP = /^(administrators|domain admins|enterprise admins|schema admins|backup operators)$/i;
const ACCOUNT: Rule = { operation: 'modify', risk: 'high', category: 'account' };

/** net user X /delete, net localgroup|group administrators X /add, net stop SERVICE. */
function net(inv: Invocation): Effect[] {
  const { on, operands } = read(inv);
  const [sub = '', name, ...members] = operands;
  const deletes = on.has('delete') || on.has('del') || on.has('d');
  switch (sub.toLowerCase()) {
    case 'user':
      if (!name) return [];
      if (deletes)
        return [effect(inv, name, { ...ACCOUNT, operation: 'delete' }, `deletes the account ${name}`)];
      if (/^no$/i.test(on.get('active') ?? ''))
        return [effect(inv, name, ACCOUNT, `disables the account ${name}: nobody can sign in with it`)];
      // `net user NAME PASSWORD` (or `*`, asked for): whoever used the account is locked out.
      return members.length && !on.has('add')
        ? [effect(inv, name, { ...ACCOUNT, risk: 'medium' }, `sets a new password for ${name}`)]
        : [];
    case 'localgroup':
    case 'group':
      return name && ADMIN_GROUP.test(name) && on.has('add')
        ? members.map((m) => effect(inv, m, ACCOUNT, `makes ${m} a member of ${name}: it runs the machine`))
        : [];
    case 'stop':
      return name
        ? [effect(inv, name, { ...ACCOUNT, category: 'service' }, `stops the service ${name}`)]
        : [];
  }
  return [];
}

/** schtasks /delete /tn NAME [/f]: a scheduled task (a backup, a cleanup, a renewal) deleted. */
function schtasks(inv: Invocation): Effect[] {
  const { on } = read(inv, ['tn', 's', 'u', 'p']);
  if (!on.has('delete')) return [];
  const task = on.get('tn') ?? '<task>';
  const all = task === '*';
  return [
    effect(
      inv,
      task,
      { operation: 'delete', risk: on.has('f') ? 'high' : 'medium', category: 'service' },
      all ? 'deletes every scheduled task' : `deletes the scheduled task ${task}`,
    ),
  ];
}

/** sc [\\host] delete|stop NAME; sc config NAME start= disabled. */
function sc(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value).filter((w, k) => k > 0 || !w.startsWith('\\\\'));
  const [verb = '', name] = words;
  if (!name) return [];
  const rule: Rule = { operation: 'modify', risk: 'high', category: 'service' };
  switch (verb.toLowerCase()) {
    case 'delete':
      return [effect(inv, name, { ...rule, operation: 'delete' }, `deletes the service ${name}`)];
    case 'stop':
      return [effect(inv, name, rule, `stops the service ${name}`)];
    case 'config': {
      const start = words.findIndex((w) => /^start=$/i.test(w));
      const value =
        start >= 0
          ? words[start + 1]
          : /^start=(.+)$/i.exec(words.find((w) => /^start=./i.test(w)) ?? '')?.[1];
      return /^disabled$/i.test(value ?? '')
        ? [effect(inv, name, { ...rule, risk: 'medium' }, `keeps the service ${name} from starting`)]
        : [];
    }
  }
  return [];
}

const FIREWALL_OFF: Rule = { operation: 'modify', risk: 'high', category: 'firewall' };

/**
 * netsh: the firewall turned off (`advfirewall set allprofiles state off`, the old `firewall set opmode
 * disable`), all its rules deleted or reset, a network interface disabled. Reads (`show`, `dump`) do nothing.
 */
function netsh(inv: Invocation): Effect[] {
  const words = lower(inv.args.map((w) => w.value));
  const text = words.join(' ');
  if (
    /^advfirewall set \S*profiles? state off\b/.test(text) ||
    /^firewall set opmode (mode=)?disable\b/.test(text)
  )
    return [effect(inv, 'the firewall', FIREWALL_OFF, 'turns the firewall off')];
  if (/^advfirewall reset\b/.test(text))
    return [
      effect(
        inv,
        'the firewall',
        { ...FIREWALL_OFF, risk: 'medium' },
        'resets every firewall rule to the defaults',
      ),
    ];
  if (/^advfirewall firewall delete rule\b/.test(text)) {
    const all = words.some((w) => w === 'name=all');
    return [
      effect(
        inv,
        'firewall rules',
        { ...FIREWALL_OFF, operation: 'delete', risk: all ? 'high' : 'medium' },
        all ? 'deletes every firewall rule' : 'deletes a firewall rule',
      ),
    ];
  }
  const iface = /^interface (?:ipv4 )?set interface (?:name=)?(\S+) .*\b(disable|admin=disabled?)\b/.exec(
    text,
  );
  if (iface)
    return [
      effect(
        inv,
        iface[1]!,
        { operation: 'modify', risk: 'high', category: 'network' },
        `disables the network interface ${iface[1]}`,
      ),
    ];
  return [];
}

/** Processes Windows cannot run without: ending one stops or restarts the machine. */
const WINDOWS_MACHINE_PROCESSES = /^(lsass|csrss|wininit|winlogon|smss|services|svchost)$/i;

/**
 * taskkill [/s HOST] /im IMAGE | /pid PID [/f] [/t]: ending the image a machine or its data depends on
 * (sqlservr, a database's or the machine's own) is what `pkill` of it is; `/im *` ends every process.
 * `/s HOST` acts on that machine.
 */
function taskkill(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  const host = valueOf(args, 's');
  const hints: EnvironmentHint[] = host ? [{ source: 'taskkill /s', value: host.replace(/^\\\\/, '') }] : [];
  const where = host ? ` on ${host}` : '';
  const images = args.flatMap((w, i) => (/^[/-]im$/i.test(w) && args[i + 1] ? [args[i + 1]!] : []));
  const ended = (target: string, risk: 'low' | 'medium' | 'high', does: string): Effect => ({
    ...effect(inv, target, { operation: 'modify', risk, category: 'process' }, `${does}${where}`),
    reversible: true,
    ...(hints.length ? { hints } : {}),
  });
  return images.map((image) => {
    const name = image.replace(/\.exe$/i, '');
    if (/^\*(\.exe)?$/i.test(image)) return ended('*', 'high', 'ends every process');
    if (WINDOWS_MACHINE_PROCESSES.test(name))
      return ended(name, 'high', `ends ${name}: Windows cannot run without it`);
    if (isCriticalProcess(name))
      return outageInProduction(
        ended(name, 'medium', `ends ${name}, a process the machine or its data depends on`),
      );
    return ended(name, 'low', `ends the processes of ${image}`);
  });
}

/** The value of a `/name value` switch among `args`. */
function valueOf(args: readonly string[], name: string): string | undefined {
  const at = args.findIndex((w) => w.toLowerCase() === `/${name}` || w.toLowerCase() === `-${name}`);
  return at < 0 ? undefined : args[at + 1];
}

const HANDLERS: Record<string, (inv: Invocation) => Effect[]> = {
  vssadmin,
  wbadmin,
  wevtutil,
  bcdedit,
  format,
  'format.com': format,
  diskpart,
  reg,
  cipher,
  icacls,
  takeown,
  net,
  net1: net,
  schtasks,
  sc,
  netsh,
  taskkill,
};

export const windowsAnalyzer: Analyzer = {
  family: 'windows',
  commands: Object.keys(HANDLERS),
  local: true,
  environmentVariables: [],
  // Knows the forms above only: `reg copy`, `sc create`, `net share` stay as unrecognised as before.
  partial: true,
  analyze(inv) {
    return HANDLERS[inv.name]?.(inv) ?? [];
  },
};
