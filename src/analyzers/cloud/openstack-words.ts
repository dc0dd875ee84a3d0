import type { Operation, Risk } from '../../core/types.js';

// Word tables of the openstack CLI: `openstack [global options] <object…> <verb> [options] [names]`.

/** Options that never take a value (every other option takes the next word). */
export const OPENSTACK_FLAGS: ReadonlySet<string> = new Set([
  '--wait',
  '--force',
  '--purge',
  '--cascade',
  '--yes',
  '-y',
  '--recursive',
  '-r',
  '--long',
  '--public',
  '--private',
  '--shared',
  '--community',
  '--all-projects',
  '--all',
  '--insecure',
  '--debug',
  '-v',
  '--verbose',
  '-q',
  '--quiet',
  '--dry-run',
  '--help',
  '-h',
  '--keep-project',
  '--enable',
  '--disable',
  '--default',
  '--external',
  '--internal',
  '--fit-width',
  '--noindent',
  '--print-empty',
]);

/** What a verb does, before the object it acts on is weighed. */
interface VerbEffect {
  operation: Operation;
  risk: Risk;
}

export const VERB_OPERATION: ReadonlyMap<string, VerbEffect> = new Map<string, VerbEffect>([
  ['delete', { operation: 'delete', risk: 'high' }],
  ['purge', { operation: 'delete', risk: 'critical' }],
  ['abandon', { operation: 'delete', risk: 'high' }],
  ['rebuild', { operation: 'replace', risk: 'high' }],
  ['restore', { operation: 'replace', risk: 'high' }],
  ['evacuate', { operation: 'modify', risk: 'medium' }],
  ['migrate', { operation: 'modify', risk: 'medium' }],
  ['resize', { operation: 'modify', risk: 'medium' }],
  ['stop', { operation: 'modify', risk: 'medium' }],
  ['shelve', { operation: 'modify', risk: 'medium' }],
  ['suspend', { operation: 'modify', risk: 'medium' }],
  ['pause', { operation: 'modify', risk: 'medium' }],
  ['reboot', { operation: 'modify', risk: 'medium' }],
  ['update', { operation: 'modify', risk: 'medium' }],
  ['remove', { operation: 'modify', risk: 'medium' }],
  ['revoke', { operation: 'modify', risk: 'medium' }],
  ['set', { operation: 'modify', risk: 'low' }],
  ['unset', { operation: 'modify', risk: 'low' }],
  ['add', { operation: 'modify', risk: 'low' }],
  ['start', { operation: 'modify', risk: 'low' }],
  ['unshelve', { operation: 'modify', risk: 'low' }],
  ['resume', { operation: 'modify', risk: 'low' }],
  ['unpause', { operation: 'modify', risk: 'low' }],
  ['create', { operation: 'create', risk: 'low' }],
]);

/** Verbs that only read or print. */
export const READ_VERBS: ReadonlySet<string> = new Set(['list', 'show', 'get', 'issue', 'check', 'console']);

/** Objects whose deletion costs less than the verb's default (they are recreated in a minute). */
const MINOR_OBJECTS = new Set(['floating ip', 'keypair', 'recordset', 'security group rule', 'port']);
/** Objects whose deletion takes everything in them. */
const MAJOR_OBJECTS = new Set(['project', 'domain', 'database instance', 'coe cluster']);

export function objectRisk(object: string, risk: Risk): Risk {
  if (risk === 'high' && MINOR_OBJECTS.has(object)) return 'medium';
  if (risk === 'high' && MAJOR_OBJECTS.has(object)) return 'critical';
  return risk;
}

const CATEGORY_BY_FIRST_WORD: ReadonlyMap<string, string> = new Map<string, string>([
  ['server', 'instance'],
  ['volume', 'volume'],
  ['image', 'image'],
  ['stack', 'stack'],
  ['container', 'bucket'],
  ['object', 'bucket'],
  ['zone', 'dns'],
  ['recordset', 'dns'],
  ['secret', 'secret'],
  ['database', 'database'],
  ['share', 'storage'],
  ['coe', 'cluster'],
]);
const IAM_OBJECTS = [
  'project',
  'user',
  'role',
  'domain',
  'group',
  'application',
  'credential',
  'keypair',
  'trust',
];

/** The category policies see, from the object's words (`volume snapshot` is a backup, not a volume). */
export function objectCategory(object: string): string {
  const [first = '', second = ''] = object.split(' ');
  if (['snapshot', 'backup'].includes(second) || first === 'snapshot') return 'backup';
  if (IAM_OBJECTS.includes(first)) return 'iam';
  return CATEGORY_BY_FIRST_WORD.get(first) ?? 'network';
}
