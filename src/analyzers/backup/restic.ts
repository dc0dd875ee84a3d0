import type { Effect } from '../../core/types.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { backupEffect, localTree, repositoryPlace, type Place } from './common.js';

// restic: `restic [-r REPO] <command> [options]`; the repository also comes from RESTIC_REPOSITORY.

const VALUE_OPTIONS = [
  '-r',
  '--repo',
  '--repository-file',
  '-p',
  '--password-file',
  '--password-command',
  '--cacert',
  '--tls-client-cert',
  '--cache-dir',
  '--limit-upload',
  '--limit-download',
  '-o',
  '--option',
  '--key-hint',
  '--pack-size',
  '--compression',
  '--retry-lock',
  '-l',
  '--keep-last',
  '-H',
  '--keep-hourly',
  '-d',
  '--keep-daily',
  '-w',
  '--keep-weekly',
  '-m',
  '--keep-monthly',
  '-y',
  '--keep-yearly',
  '--keep-within',
  '--keep-within-hourly',
  '--keep-within-daily',
  '--keep-within-weekly',
  '--keep-within-monthly',
  '--keep-within-yearly',
  '--keep-tag',
  '--host',
  '--tag',
  '--path',
  '-g',
  '--group-by',
  '--max-unused',
  '--max-repack-size',
  '-t',
  '--target',
  '-i',
  '--include',
  '-e',
  '--exclude',
  '--iinclude',
  '--iexclude',
  '--include-file',
  '--exclude-file',
  '--files-from',
  '--overwrite',
  '--parent',
];

function repository(inv: Invocation, parsed: ParsedOptions): Place {
  const flag = optionValue(parsed, '-r', '--repo');
  if (flag) return repositoryPlace('flag --repo', flag);
  return repositoryPlace('env RESTIC_REPOSITORY', inv.env('RESTIC_REPOSITORY'));
}

/** `restore --target DIR`: the snapshot written over DIR (with --delete, what it lacks removed). */
function restore(inv: Invocation, parsed: ParsedOptions): Effect[] {
  const target = optionValue(parsed, '-t', '--target');
  const tree = localTree(inv, { value: target ?? '.', dynamic: false });
  const here: Place = { hints: [], local: !inv.remote };
  const overwrites = tree.risk === 'high' || tree.risk === 'critical' || hasOption(parsed, '--delete');
  if (!overwrites)
    return [
      backupEffect('restic', {
        operation: 'create',
        risk: 'low',
        target: tree.path,
        reason: `restic restore writes files into ${tree.path}`,
        place: here,
        category: 'file',
      }),
    ];
  return [
    backupEffect('restic', {
      operation: 'replace',
      risk: tree.risk === 'critical' ? 'critical' : 'high',
      target: tree.path,
      reason: `restic restore writes a snapshot over ${tree.path}: ${tree.why}`,
      place: here,
      category: 'file',
    }),
  ];
}

export function restic(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-n', '--dry-run', '-h', '--help')) return [];
  const [command, sub, ...ids] = parsed.positionals.map((w) => w.value);
  const place = repository(inv, parsed);
  const repo = optionValue(parsed, '-r', '--repo') ?? inv.env('RESTIC_REPOSITORY') ?? 'the repository';
  const remove = (risk: 'medium' | 'high', target: string, reason: string, category = 'backup') => [
    backupEffect('restic', { operation: 'delete', risk, target, reason, place, category }),
  ];
  switch (command ?? '') {
    case 'forget':
      return hasOption(parsed, '--prune')
        ? remove('high', repo, 'restic forget --prune deletes snapshots and the data only they held')
        : remove('medium', repo, `restic forget deletes snapshots ${[sub, ...ids].join(' ')}`.trim());
    case 'prune':
      return remove('high', repo, 'restic prune deletes the data no snapshot references');
    case 'key':
      return sub === 'remove' || sub === 'rm'
        ? remove('high', `${repo} key ${ids[0] ?? ''}`, 'restic key remove deletes a repository key', 'iam')
        : [];
    case 'rewrite':
      return hasOption(parsed, '--forget')
        ? remove('high', repo, 'restic rewrite --forget replaces snapshots and deletes the originals')
        : [];
    case 'unlock':
      // Plain unlock removes stale locks only; --remove-all also those of a backup or prune still running,
      // which may then damage the repository.
      return hasOption(parsed, '--remove-all')
        ? remove('medium', repo, 'restic unlock --remove-all removes the locks of running operations too')
        : [];
    case 'restore':
      return restore(inv, parsed);
    case 'backup':
    case 'init':
      return [
        backupEffect('restic', {
          operation: 'create',
          risk: 'low',
          target: repo,
          reason: `restic ${command} writes to ${repo}`,
          place,
        }),
      ];
  }
  return [];
}
