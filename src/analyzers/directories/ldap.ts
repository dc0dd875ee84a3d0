import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { sqlFile, stdinSource, type StdinSource } from '../databases/common.js';
import { hostOf } from '../services/common.js';
import { firstRdn, parseLdif, type LdifRecord, type Modification } from './ldif.js';

// OpenLDAP's clients: ldapdelete, ldapmodify/ldapadd (LDIF from -f FILE, a here-document or stdin),
// ldappasswd and ldapmodrdn. The directory is the server of -H (or -h), else ldap.conf's, which the command
// does not show. A directory holds who may log in where: a deleted subtree of people is every account in it,
// a member added to an administrators' group is a new administrator. -n only shows what would be done.

/** Options of the clients that take a value (-a is ldapsearch's deref, a flag of ldapmodify: not listed). */
const VALUE_OPTIONS = [
  '-H',
  '-h',
  '-p',
  '-D',
  '-w',
  '-y',
  '-Y',
  '-U',
  '-X',
  '-R',
  '-O',
  '-o',
  '-e',
  '-f',
  '-S',
  '-z',
  '-P',
  '-d',
  '-s',
  '-t',
  '-T',
];

/** Group names that give administration: the group's first RDN says so. */
const ADMIN_GROUP = /admin|wheel|sudo|root|superuser/i;
/** Attributes that name a group's members. */
const MEMBER = new Set(['member', 'memberuid', 'uniquemember']);
/** Attributes of cn=config that say who administers the directory, or who may read and write what. */
const DIRECTORY_POWER = new Set([
  'olcrootdn',
  'olcrootpw',
  'olcaccess',
  'olcsecurity',
  'olcrequires',
  'olcdisallows',
]);
/** Attributes of LDAP sudo rules: who may run what as root. */
const SUDO = new Set(['sudouser', 'sudocommand', 'sudohost', 'sudorunasuser', 'sudooption']);
/** RDN types of containers (an organisational unit, a domain component, an organisation): a subtree. */
const CONTAINER = new Set(['ou', 'dc', 'o', 'c', 'l', 'st']);

interface Finding {
  operation: Operation;
  risk: Risk;
  what: string;
}

function placeHints(o: ParsedOptions): EnvironmentHint[] {
  const uris = optionValue(o, '-H');
  const hints: EnvironmentHint[] = (uris ?? '')
    .split(/[\s,]+/)
    .filter((u) => u && !/^ldapi:/i.test(u))
    .map((u) => ({ source: 'flag -H', value: hostOf(u) }));
  const host = optionValue(o, '-h');
  if (host) hints.push({ source: 'flag -h', value: host });
  return hints;
}

/** Only `ldapi:///`: the server's socket on this machine. */
const onThisMachine = (o: ParsedOptions) =>
  /^ldapi:/i.test(optionValue(o, '-H') ?? '') && !optionValue(o, '-h');

function effect(inv: Invocation, o: ParsedOptions, target: string, finding: Finding): Effect {
  const hints = [...placeHints(o), { source: 'entry', value: target, weak: true as const }];
  return {
    operation: finding.operation,
    tool: inv.name,
    target,
    reversible: finding.operation !== 'delete',
    risk: finding.risk,
    reason: `${inv.name} ${finding.what}`,
    category: 'directory',
    hints,
    ...(onThisMachine(o) ? {} : { local: false }),
  };
}

/** What one modification of an existing entry does. */
function modification(dn: string, mod: Modification): Finding {
  const [, name] = firstRdn(dn);
  const adds = mod.op === 'add' || mod.op === 'replace';
  if (MEMBER.has(mod.attribute) && adds) {
    const who = mod.values.join(', ') || 'members';
    return ADMIN_GROUP.test(name)
      ? { operation: 'modify', risk: 'high', what: `adds ${who} to ${dn}, a group of administrators` }
      : { operation: 'modify', risk: 'low', what: `adds ${who} to the group ${dn}` };
  }
  if (DIRECTORY_POWER.has(mod.attribute))
    return {
      operation: 'modify',
      risk: 'high',
      what: `changes ${mod.attribute} of ${dn}: who administers the directory or what anyone may read and write`,
    };
  if (SUDO.has(mod.attribute) && adds)
    return { operation: 'modify', risk: 'high', what: `gives sudo rights through ${dn} (${mod.attribute})` };
  if (/^(uid|gid)number$/.test(mod.attribute) && adds && mod.values.some((v) => /^0+$/.test(v)))
    return { operation: 'modify', risk: 'high', what: `makes ${dn} root (${mod.attribute}: 0)` };
  if (mod.attribute === 'userpassword' && mod.op !== 'delete')
    return ADMIN_GROUP.test(name) || /^(manager|admin)$/i.test(name)
      ? { operation: 'modify', risk: 'high', what: `sets the password of ${dn}, an administrator` }
      : { operation: 'modify', risk: 'medium', what: `sets the password of ${dn}` };
  if (mod.op === 'delete' && MEMBER.has(mod.attribute))
    return { operation: 'modify', risk: 'low', what: `removes members from the group ${dn}` };
  if (mod.op === 'delete')
    return { operation: 'delete', risk: 'medium', what: `deletes ${mod.attribute} from ${dn}` };
  return { operation: 'modify', risk: 'low', what: `changes ${mod.attribute} of ${dn}` };
}

/** What a new entry is: an administrators' group with members, a sudo rule and a root account are powers. */
function addition(record: LdifRecord): Finding {
  const { dn, attributes } = record;
  const [, name] = firstRdn(dn);
  const has = (attr: string, test: (v: string) => boolean) =>
    attributes.some(([a, v]) => a === attr && test(v));
  if (attributes.some(([a]) => MEMBER.has(a)) && ADMIN_GROUP.test(name))
    return { operation: 'modify', risk: 'high', what: `adds ${dn}, a group of administrators with members` };
  if (has('objectclass', (v) => /^sudoRole$/i.test(v)))
    return { operation: 'modify', risk: 'high', what: `adds ${dn}, a sudo rule` };
  if (has('uidnumber', (v) => /^0+$/.test(v)) || has('gidnumber', (v) => /^0+$/.test(v)))
    return { operation: 'modify', risk: 'high', what: `adds ${dn}, an account with id 0 (root)` };
  return { operation: 'create', risk: 'low', what: `adds ${dn}` };
}

/** Each finding of one LDIF record; `adds` when records without a changetype add entries (ldapadd, -a). */
function recordFindings(record: LdifRecord, adds: boolean): Finding[] {
  const type = record.changetype ?? (adds ? 'add' : 'modify');
  switch (type) {
    case 'delete':
      return [{ operation: 'delete', risk: 'high', what: `deletes ${record.dn}` }];
    case 'add':
      return [addition(record)];
    case 'modrdn':
    case 'moddn':
      return [
        {
          operation: 'modify',
          risk: 'medium',
          what: record.newSuperior
            ? `moves ${record.dn} under ${record.newSuperior}`
            : `renames ${record.dn}`,
        },
      ];
    default:
      return record.modifications.length
        ? record.modifications.map((m) => modification(record.dn, m))
        : [{ operation: 'modify', risk: 'medium', what: `changes ${record.dn}` }];
  }
}

/** Where the LDIF comes from: -f FILE (`-f x.ldif`, `-fx.ldif`), or stdin (a here-document, a redirect, a pipe). */
function ldifSource(inv: Invocation, o: ParsedOptions): StdinSource {
  const name = optionValue(o, '-f');
  if (name === undefined) return stdinSource(inv);
  return sqlFile(inv, inv.args.find((w) => w.value.endsWith(name)) ?? { value: name, dynamic: false });
}

/** Many records (an import of accounts): the low-risk ones are told as one effect, the rest each on their own. */
const MANY = 20;

/** ldapmodify and ldapadd: each record of the LDIF they apply. */
function ldapmodify(inv: Invocation, o: ParsedOptions): Effect[] {
  const source = ldifSource(inv, o);
  if (!source) return [];
  if ('unknown' in source)
    return [
      effect(inv, o, source.unknown, {
        operation: 'modify',
        risk: 'medium',
        what: `applies the changes in ${source.unknown}, which are not read here`,
      }),
    ];
  const adds = inv.name === 'ldapadd' || hasOption(o, '-a');
  const found = parseLdif(source.text).flatMap((record) =>
    recordFindings(record, adds).map((f) => effect(inv, o, record.dn, f)),
  );
  if (found.length <= MANY) return found;
  const routine = found.filter((e) => e.risk === 'low');
  if (!routine.length) return found;
  const summary: Finding = {
    operation: 'modify',
    risk: 'low',
    what: `makes ${routine.length} routine changes (entries added, attributes set)`,
  };
  return [...found.filter((e) => e.risk !== 'low'), effect(inv, o, `${routine.length} entries`, summary)];
}

/** ldapdelete DN…: -r deletes everything below each DN too. */
function ldapdelete(inv: Invocation, o: ParsedOptions): Effect[] {
  const recursive = hasOption(o, '-r');
  const dns = o.positionals.map((w) => w.value);
  if (!dns.length) {
    const source = optionValue(o, '-f') ?? 'its input';
    return [
      effect(inv, o, source, {
        operation: 'delete',
        risk: 'high',
        what: `deletes the entries listed in ${source}`,
      }),
    ];
  }
  return dns.map((dn) => {
    const [type] = firstRdn(dn);
    if (recursive && CONTAINER.has(type))
      return effect(inv, o, dn, {
        operation: 'delete',
        risk: 'critical',
        what: `-r deletes ${dn} and every entry below it (accounts, groups)`,
      });
    return effect(inv, o, dn, {
      operation: 'delete',
      risk: 'high',
      what: `deletes ${dn}${recursive ? ' and every entry below it' : ''}`,
    });
  });
}

/** ldappasswd [-s NEW] [DN]: the bind DN's own password when no DN is named. */
function ldappasswd(inv: Invocation, o: ParsedOptions): Effect[] {
  const dn = o.positionals[0]?.value ?? optionValue(o, '-D') ?? 'the bound account';
  const [, name] = firstRdn(dn);
  const admin = ADMIN_GROUP.test(name) || /^(manager|admin)$/i.test(name);
  return [
    effect(inv, o, dn, {
      operation: 'modify',
      risk: admin ? 'high' : 'medium',
      what: `sets the password of ${dn}${admin ? ', an administrator' : ''}`,
    }),
  ];
}

export function ldapTool(inv: Invocation): Effect[] {
  const o = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  // -n shows what would be done; ldapsearch, ldapwhoami and ldapcompare only read.
  if (hasOption(o, '-n')) return [];
  switch (inv.name) {
    case 'ldapdelete':
      return ldapdelete(inv, o);
    case 'ldapmodify':
    case 'ldapadd':
      return ldapmodify(inv, o);
    case 'ldappasswd':
      return ldappasswd(inv, o);
    case 'ldapmodrdn': {
      const dn = o.positionals[0]?.value ?? 'an entry';
      const moved = optionValue(o, '-s');
      return [
        effect(inv, o, dn, {
          operation: 'modify',
          risk: 'medium',
          what: moved ? `moves ${dn} under ${moved}` : `renames ${dn}`,
        }),
      ];
    }
  }
  return [];
}

export const LDAP_TOOLS = [
  'ldapdelete',
  'ldapmodify',
  'ldapadd',
  'ldappasswd',
  'ldapmodrdn',
  'ldapsearch',
  'ldapwhoami',
  'ldapcompare',
];
