import type { Effect, Operation, Risk } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { hintsFrom, nameHintsFrom } from '../cloud/common.js';
import { hostOf } from '../services/common.js';
import { backupEffect, localTree, type Place } from './common.js';

// duplicity: `duplicity [action] [options] [args] SOURCE TARGET`, the backup location a URL
// (`boto3+s3://bucket/prefix`, `sftp://user@host/path`, `file:///srv/backups`). Its remove-* actions only
// list what they would delete unless given --force; so does cleanup.

const VALUE_OPTIONS = [
  '--name',
  '--archive-dir',
  '--encrypt-key',
  '--sign-key',
  '--hidden-encrypt-key',
  '--gpg-options',
  '--gpg-binary',
  '--exclude',
  '--include',
  '--exclude-filelist',
  '--include-filelist',
  '--exclude-regexp',
  '--include-regexp',
  '--exclude-if-present',
  '--exclude-older-than',
  '--file-to-restore',
  '--path-to-restore',
  '-r',
  '--time',
  '--restore-time',
  '-t',
  '--volsize',
  '--full-if-older-than',
  '--tempdir',
  '--log-file',
  '--log-fd',
  '--verbosity',
  '-v',
  '--num-retries',
  '--timeout',
  '--backend-retry-delay',
  '--ssh-options',
  '--rsync-options',
  '--s3-region-name',
  '--s3-endpoint-url',
  '--s3-multipart-chunk-size',
  '--max-blocksize',
  '--asynchronous-upload',
];

interface Removal {
  risk: Risk;
  operation: Operation;
  does: (n: string) => string;
}

/** The actions that delete from the backup location, each followed by its argument (a time, a count) and the URL. */
const REMOVALS: ReadonlyMap<string, Removal> = new Map([
  [
    'remove-older-than',
    { risk: 'high', operation: 'delete', does: (t: string) => `deletes the backups older than ${t}` },
  ],
  [
    'remove-all-but-n-full',
    {
      risk: 'high',
      operation: 'delete',
      does: (n: string) => `deletes every backup but the last ${n} full ones and their increments`,
    },
  ],
  [
    'remove-all-inc-of-but-n-full',
    {
      risk: 'high',
      operation: 'delete',
      does: (n: string) =>
        `deletes the incremental backups (restore points) of all but the last ${n} full ones`,
    },
  ],
]);

/** Backends named by a bucket or an account's folder, not a host: the name is a weak hint. */
const NAMED =
  /^(s3|s3\+http|boto3\+s3|gs|boto\+gs|b2|azure|swift|cf\+http|gdocs|pydrive|onedrive|dropbox|mega|box)$/;

/** Where a backup URL is: this machine (`file://`, a path), a bucket (a name only) or a host. */
function place(url: string | undefined): Place {
  if (!url) return { hints: [], local: false };
  const m = /^(?:par2\+)?([a-z0-9+]+):\/\/(.*)$/i.exec(url);
  if (!m || m[1]!.toLowerCase() === 'file')
    return { hints: nameHintsFrom('duplicity url', url), local: true };
  const scheme = m[1]!.toLowerCase();
  if (NAMED.test(scheme)) return { hints: nameHintsFrom('duplicity url', m[2]), local: false };
  const host = hostOf(m[2]!);
  const path = m[2]!.slice(m[2]!.indexOf(host) + host.length);
  return {
    hints: [...hintsFrom('duplicity url', host), ...nameHintsFrom('duplicity url', path)],
    local: false,
  };
}

export function duplicity(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '--dry-run', '-h', '--help')) return [];
  const [action = '', ...args] = parsed.positionals.map((w) => w.value);
  const force = hasOption(parsed, '--force');
  const removal = REMOVALS.get(action);
  if (removal) {
    // Without --force it lists what it would delete.
    if (!force) return [];
    const [limit = '?', url] = args;
    return [
      backupEffect('duplicity', {
        operation: removal.operation,
        risk: removal.risk,
        target: url ?? 'the backup location',
        reason: `duplicity ${action} --force ${removal.does(limit)}`,
        place: place(url),
      }),
    ];
  }
  if (action === 'cleanup' && force)
    return [
      backupEffect('duplicity', {
        operation: 'delete',
        risk: 'low',
        target: args[0] ?? 'the backup location',
        reason: 'duplicity cleanup --force deletes the leftovers of failed backups',
        place: place(args[0]),
      }),
    ];
  if (action === 'restore') return restore(inv, args, force);
  return [];
}

/** `restore URL PATH`: into a new path; --force writes over what is there. */
function restore(inv: Invocation, [url, path]: string[], force: boolean): Effect[] {
  const tree = localTree(inv, { value: path ?? '.', dynamic: false });
  const here: Place = { hints: [], local: !inv.remote };
  if (!force)
    return [
      backupEffect('duplicity', {
        operation: 'create',
        risk: 'low',
        target: tree.path,
        reason: `duplicity restore writes ${url ?? 'a backup'} into ${tree.path} (it refuses to overwrite without --force)`,
        place: here,
        category: 'file',
      }),
    ];
  return [
    backupEffect('duplicity', {
      operation: 'replace',
      risk: tree.risk === 'critical' ? 'critical' : tree.risk === 'high' ? 'high' : 'medium',
      target: tree.path,
      reason: `duplicity restore --force writes a backup over ${tree.path}${tree.why ? `: ${tree.why}` : ''}`,
      place: here,
      category: 'file',
    }),
  ];
}
