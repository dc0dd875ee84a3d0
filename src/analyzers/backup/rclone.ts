import type { Effect, Operation, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { nameHintsFrom } from '../cloud/common.js';
import { downloadWrites } from '../downloads.js';
import { backupEffect, localTree, type BackupSpec, type Place } from './common.js';

// rclone: `rclone [flags] <command> SOURCE [DEST]`. A path is `remote:path` (a remote named in rclone's
// config, placed by its name: `prod-s3:` raises to production) or a path on this machine.

const VALUE_OPTIONS = [
  '--config',
  '--dedupe-mode',
  '--transfers',
  '--checkers',
  '--bwlimit',
  '--exclude',
  '--exclude-from',
  '--include',
  '--include-from',
  '--filter',
  '--filter-from',
  '--files-from',
  '--min-age',
  '--max-age',
  '--min-size',
  '--max-size',
  '--backup-dir',
  '--suffix',
  '--log-file',
  '--log-level',
  '--max-delete',
  '--max-transfer',
  '--max-depth',
  '--stats',
  '--retries',
  '--timeout',
  '--contimeout',
  '--user-agent',
  '--compare-dest',
  '--copy-dest',
  '--order-by',
  '--track-renames-strategy',
  '--workdir',
];

interface Rule {
  operation: Operation;
  risk: Risk;
  does: string;
  /** It destroys its source (`move`); otherwise the last path named (`sync SRC DST`, `delete PATH`). */
  fromSource?: true;
}

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['delete', { operation: 'delete', risk: 'high', does: 'deletes the files in' }],
  ['purge', { operation: 'delete', risk: 'high', does: 'deletes everything in' }],
  ['deletefile', { operation: 'delete', risk: 'medium', does: 'deletes the file' }],
  ['rmdir', { operation: 'delete', risk: 'medium', does: 'removes the directory' }],
  ['rmdirs', { operation: 'delete', risk: 'medium', does: 'removes the empty directories in' }],
  ['cleanup', { operation: 'delete', risk: 'medium', does: 'empties the trash and old versions of' }],
  ['dedupe', { operation: 'delete', risk: 'medium', does: 'deletes duplicate files in' }],
  ['sync', { operation: 'delete', risk: 'high', does: 'deletes what the source lacks from' }],
  ['bisync', { operation: 'delete', risk: 'high', does: 'deletes, on both sides, what one side lacks:' }],
  ['move', { operation: 'delete', risk: 'medium', does: 'removes once copied', fromSource: true }],
  ['moveto', { operation: 'delete', risk: 'medium', does: 'removes once copied', fromSource: true }],
]);

/** Commands that only add to their destination. */
const COPIES = new Set(['copy', 'copyto', 'copyurl']);

/** A remote path (`name:path`, `:backend:path`) or a path on this machine (`/data`, `./site`). */
function where(inv: Invocation, path: Word, risk: Risk): { target: string; risk: Risk; place: Place } {
  const remote = /^:?([^/:]+):/.exec(path.value);
  if (remote && !path.dynamic) {
    const place = { hints: nameHintsFrom('rclone remote', remote[1]), local: false };
    return { target: path.value, risk, place };
  }
  const tree = localTree(inv, path);
  const local: Risk = tree.risk === 'none' ? 'low' : tree.risk;
  return { target: tree.path, risk: local, place: { hints: [], local: true } };
}

/** What rclone changes is storage: a cloud drive, a bucket, a directory. */
function effect(spec: Omit<BackupSpec, 'category'>): Effect {
  return backupEffect('rclone', { ...spec, category: 'storage' });
}

export function rclone(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-n', '--dry-run', '-h', '--help')) return [];
  const [commandWord, ...paths] = parsed.positionals;
  const command = commandWord?.value ?? '';
  // `dedupe --dedupe-mode list` (or `dedupe list PATH`) only lists the duplicates.
  // The positional mode wins over the flag, as rclone reads them.
  const mode = (paths.length > 1 ? paths[0]?.value : undefined) ?? optionValue(parsed, '--dedupe-mode');
  if (command === 'dedupe' && mode === 'list') return [];
  const rule = RULES.get(command);
  const path = rule?.fromSource ? paths[0] : paths[paths.length - 1];
  if (!path) return [];
  if (!rule) {
    if (!COPIES.has(command) || paths.length < 2) return [];
    const dest = where(inv, path, 'low');
    const reason = `rclone ${command} copies into ${dest.target}`;
    return [
      effect({ operation: 'create', risk: 'low', target: dest.target, reason, place: dest.place }),
      // Onto this machine it writes as curl -o does (downloads.ts): `rclone copy remote:jobs /etc/cron.d`.
      ...(dest.place.local ? downloadWrites(inv, path) : []),
    ];
  }
  const { target, risk, place } = where(inv, path, rule.risk);
  const reason = `rclone ${command} ${rule.does} ${target}`;
  return [effect({ operation: rule.operation, risk, target, reason, place })];
}
