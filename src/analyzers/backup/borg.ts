import type { Effect, Operation, Risk } from '../../core/types.js';
import { hasOption, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { backupEffect, repositoryPlace } from './common.js';

// borg: `borg [common options] <command> [options] REPO[::ARCHIVE] [ARCHIVE…]`; BORG_REPO when no REPO.

const VALUE_OPTIONS = [
  '--remote-path',
  '--upload-ratelimit',
  '--upload-buffer',
  '--lock-wait',
  '--debug-topic',
  '--rsh',
  '--umask',
  '-e',
  '--encryption',
  '--exclude',
  '--exclude-from',
  '--pattern',
  '--patterns-from',
  '--exclude-if-present',
  '--comment',
  '--timestamp',
  '-C',
  '--compression',
  '--recompress',
  '--chunker-params',
  '--files-cache',
  '--target',
  '--checkpoint-interval',
  '--keep-last',
  '--keep-within',
  '--keep-secondly',
  '--keep-minutely',
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
  '-a',
  '--glob-archives',
  '--match-archives',
  '-P',
  '--prefix',
  '--sort-by',
  '--first',
  '--last',
  '--repo',
];

interface Rule {
  operation: Operation;
  risk: Risk;
  does: string;
}

/** Commands that destroy or rewrite what a repository holds; every other command reads or adds. */
const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['prune', { operation: 'delete', risk: 'high', does: 'deletes the archives the keep rules do not keep' }],
  ['compact', { operation: 'delete', risk: 'medium', does: 'frees for good the space of deleted archives' }],
  ['recreate', { operation: 'replace', risk: 'high', does: 'rewrites archives without what is excluded' }],
  ['check --repair', { operation: 'modify', risk: 'high', does: 'drops from archives what it cannot read' }],
  ['rdelete', { operation: 'delete', risk: 'critical', does: 'deletes the whole repository' }],
  ['repo-delete', { operation: 'delete', risk: 'critical', does: 'deletes the whole repository' }],
]);

/** `delete REPO::ARCHIVE`, `delete REPO ARCHIVE…` or `-a GLOB` delete archives; `delete REPO` all of it. */
function deletion(parsed: ParsedOptions, repo: string, archives: string[]): Rule {
  const some = repo.includes('::') || archives.length > 0;
  if (some || hasOption(parsed, '-a', '--glob-archives', '--match-archives', '-P', '--prefix'))
    return { operation: 'delete', risk: 'high', does: 'deletes archives' };
  return { operation: 'delete', risk: 'critical', does: 'deletes the repository and every archive in it' };
}

export function borg(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-n', '--dry-run', '-h', '--help')) return [];
  const [command, repoWord, ...archives] = parsed.positionals.map((w) => w.value);
  const repo = repoWord ?? inv.env('BORG_REPO') ?? '';
  const key = command === 'check' && hasOption(parsed, '--repair') ? 'check --repair' : (command ?? '');
  const rule = command === 'delete' ? deletion(parsed, repo, archives) : RULES.get(key);
  if (!rule) return [];
  const source = repoWord ? 'borg repository' : 'env BORG_REPO';
  const target = repo || 'the repository';
  return [
    backupEffect('borg', {
      operation: rule.operation,
      risk: rule.risk,
      target: [target, ...archives].join(' '),
      reason: `borg ${key} ${rule.does}`,
      place: repositoryPlace(source, repo.split('::')[0]),
    }),
  ];
}
