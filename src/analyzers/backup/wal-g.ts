import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { nameHintsFrom } from '../cloud/common.js';
import { everyday, subcommandEffects, type Call, type Cli, type Verb } from '../subcommands.js';

// wal-g: `wal-g [--config FILE] delete retain|before|everything|target|garbage … [--confirm]`. Its delete
// commands only list what they would delete unless given --confirm. The storage is a WALG_*_PREFIX variable.

/** The variables that say where backups are: a bucket or a path, only a name (weak, it may only raise). */
const PREFIXES = [
  'WALG_S3_PREFIX',
  'WALG_GS_PREFIX',
  'WALG_AZ_PREFIX',
  'WALG_SWIFT_PREFIX',
  'WALG_SSH_PREFIX',
  'WALG_FILE_PREFIX',
];

const storageHints = ({ inv }: Call): EnvironmentHint[] =>
  PREFIXES.flatMap((v) => nameHintsFrom(`env ${v}`, inv.env(v)));

const lists = (what: string): Verb => ({ operation: 'read', risk: 'none', category: 'backup', what });

/** `delete MODE …`: a listing without --confirm, the backups (and WAL only they need) deleted with it. */
const deletes =
  (risk: 'high' | 'critical', what: string) =>
  ({ options }: Call): Verb =>
    hasOption(options, '--confirm')
      ? { operation: 'delete', risk, category: 'backup', what: `--confirm ${what}` }
      : lists('without --confirm only lists what it would delete');

const WAL_G: Cli = {
  options: { withValue: ['--config', '--turbo-config', '--pgdata', '--target-user-data', '--after'] },
  verbs: {
    'delete retain': deletes('high', 'deletes every backup but the newest ones kept'),
    'delete before': deletes('high', 'deletes the backups older than the one named'),
    'delete target': deletes('high', 'deletes the backup named'),
    'delete garbage': deletes('high', 'deletes WAL and leftovers older than the oldest backup'),
    'delete everything': deletes('critical', 'deletes every backup'),
    ...everyday('backup-list', 'wal-show', 'wal-verify', 'backup-push', 'wal-push', 'backup-mark'),
  },
  hints: storageHints,
  target: (call) => storageHints(call)[0]?.value ?? 'the backup storage',
};

export const walG = (inv: Invocation): Effect[] => subcommandEffects(inv, WAL_G);
