import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { changes, destroys, everyday, nameHints, placeHints, type Cli, type Verb } from '../subcommands.js';

// Cloud Bigtable's cbt: `cbt -project P -instance I <command> [args]`, its flags in Go's style (`-project P`,
// `-project=P`, `--project P`); without them it reads ~/.cbtrc, which the command does not show. ls, read,
// count and lookup only read.

const CREATES = (what: string): Verb => ({ operation: 'create', risk: 'low', category: 'database', what });

const VERBS: Cli['verbs'] = {
  deletetable: destroys('critical', 'database', 'deletes the table and all of its data'),
  deleteallrows: destroys('high', 'database', 'deletes every row of the table'),
  deleteinstance: destroys('critical', 'database', 'deletes the instance with every table in it'),
  deletecluster: destroys('high', 'database', 'deletes a cluster of the instance (its replica of the data)'),
  deletefamily: destroys('high', 'database', 'deletes the column family and its cells in every row'),
  deletecolumn: destroys('medium', 'database', 'deletes a column of a row'),
  deleterow: destroys('medium', 'database', 'deletes a row'),
  deletesnapshot: destroys('high', 'backup', 'deletes a snapshot of a table'),
  deleteappprofile: destroys('medium', 'database', 'deletes an app profile (clients that use it fail)'),
  deleteauthorizedview: destroys('medium', 'database', 'deletes an authorized view'),
  setgcpolicy: changes(
    'medium',
    'database',
    'changes the garbage-collection policy: cells it no longer keeps are deleted',
  ),
  createtable: CREATES('creates a table'),
  createfamily: CREATES('creates a column family'),
  createinstance: CREATES('creates an instance'),
  createcluster: CREATES('creates a cluster'),
  createappprofile: CREATES('creates an app profile'),
  createsnapshot: CREATES('creates a snapshot of a table'),
  createauthorizedview: CREATES('creates an authorized view'),
  // Looking, waiting and the CLI's own documentation.
  ...everyday(
    'listinstances',
    'listclusters',
    'listappprofile',
    'listsnapshots',
    'listauthorizedviews',
    'getappprofile',
    'getauthorizedview',
    'waitforreplication',
    'doc',
    'mddoc',
    'notices',
  ),
};

const GLOBAL_FLAGS = [
  'project',
  'instance',
  'creds',
  'admin-endpoint',
  'data-endpoint',
  'auth-token',
  'timeout',
];

const CBT: Cli = {
  options: {
    withValue: [...GLOBAL_FLAGS.map((f) => `-${f}`), ...GLOBAL_FLAGS.map((f) => `--${f}`), '-app-profile'],
  },
  verbs: VERBS,
  // The project places the call, as gcloud's --project does; an instance's name may say production.
  hints: (call) => [
    ...placeHints(call, 'flag -project', '-project', '--project'),
    ...nameHints(call, 'flag -instance', '-instance', '--instance'),
  ],
};

export function cbt(inv: Invocation) {
  return listedSubcommandEffects(inv, CBT);
}
