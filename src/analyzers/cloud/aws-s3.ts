import { awsExposure } from './exposure.js';
import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { downloadWrites } from '../downloads.js';
import { classifyPath, resolvePath } from '../paths.js';
import type { Word } from '../../shell/words.js';
import {
  aggravate,
  bucketHints,
  bucketUrl,
  cloudEffect,
  has,
  showUrl,
  switchOn,
  type BucketUrl,
  type CloudArgs,
} from './common.js';

// `aws s3 …`: the high-level S3 commands, whose arguments are paths (s3://bucket/key or local paths).

/** Options of `aws s3` commands that take a value; every other option there is a switch. */
export const S3_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--exclude',
  '--include',
  '--acl',
  '--grants',
  '--storage-class',
  '--sse',
  '--sse-c',
  '--sse-c-key',
  '--sse-kms-key-id',
  '--sse-c-copy-source',
  '--sse-c-copy-source-key',
  '--website-redirect',
  '--content-type',
  '--cache-control',
  '--content-disposition',
  '--content-encoding',
  '--content-language',
  '--expires',
  '--expires-in',
  '--metadata',
  '--metadata-directive',
  '--copy-props',
  '--expected-size',
  '--page-size',
  '--request-payer',
  '--source-region',
  '--checksum-mode',
  '--checksum-algorithm',
  '--index-document',
  '--error-document',
  '--tags',
]);

function url(w: Word | undefined): BucketUrl | undefined {
  return w === undefined ? undefined : bucketUrl(w);
}

const where = showUrl;

/** What an `aws s3` command acts on, for its IAM resource: the bucket, one object, or every object under a prefix. */
function s3ResourceType(command: string, recursive: boolean): string {
  if (['rb', 'mb', 'website'].includes(command)) return 'bucket';
  return recursive || command === 'sync' ? 'objects' : 'object';
}

/** `aws s3 <command>`: rm, rb, sync --delete and mv destroy; ls, cp, presign only read or add. */
export function s3Command(
  command: string,
  args: CloudArgs,
  inv: Invocation,
  hints: EnvironmentHint[],
): Effect[] {
  const [first, second] = args.positionals;
  const src = url(first);
  const dest = url(second);
  const allHints = [...hints, ...bucketHints([src, dest])];
  const recursive = has(args, '--recursive');
  const filtered = has(args, '--exclude', '--include');
  const effect = (
    operation: Effect['operation'],
    u: BucketUrl,
    risk: Risk,
    reason: string,
    reversible?: boolean,
  ) =>
    cloudEffect('aws', {
      operation,
      target: where(u),
      risk,
      reason,
      category: 'bucket',
      hints: allHints,
      access: {
        kind: 'aws',
        service: 's3',
        // Only a sync that deletes needs s3:DeleteObject.
        operation: command === 'sync' && switchOn(args, '--delete') ? 'sync --delete' : command,
        resourceType: s3ResourceType(command, recursive),
        resource: `s3://${u.bucket}/${u.key}`,
      },
      ...(reversible === undefined ? {} : { reversible }),
    });

  switch (command) {
    case 'rm': {
      if (!src) return [];
      if (!recursive) return [effect('delete', src, 'high', `aws s3 rm deletes the object ${where(src)}`)];
      const whole = src.whole && !filtered;
      return [
        effect(
          'delete',
          src,
          whole ? 'critical' : 'high',
          whole
            ? `aws s3 rm --recursive deletes every object in the bucket ${src.bucket}`
            : `aws s3 rm --recursive deletes every object under ${where(src)}${filtered ? ' that matches the filters' : ''}`,
        ),
      ];
    }
    case 'rb': {
      if (!src) return [];
      const e = effect('delete', src, 'high', `aws s3 rb deletes the bucket ${src.bucket}`);
      if (!src.dynamic) e.target = `s3://${src.bucket}`;
      if (has(args, '--force')) aggravate(e, 'with --force every object in it is deleted first');
      return [e];
    }
    case 'sync': {
      const deleting = switchOn(args, '--delete');
      if (!second) return [];
      const local = second.value;
      if (dest) {
        const exposed = awsExposure('s3', command, args);
        if (exposed) return [effect('modify', dest, 'high', `aws s3 sync opens ${exposed}`, false)];
        if (!deleting)
          return [effect('create', dest, 'low', `aws s3 sync uploads into ${where(dest)}`, false)];
        return [
          effect(
            'delete',
            dest,
            'high',
            `aws s3 sync --delete deletes the objects under ${where(dest)} that the source lacks`,
          ),
        ];
      }
      // A sync down writes its files into the local directory (`/etc/cron.d` would install them all).
      if (!deleting) return src ? downloadWrites(inv, second, hints) : [];
      // Syncing down with --delete removes local files; classify the local directory like rsync does.
      const path = resolvePath(local, inv.facts.cwd, inv.facts.home);
      const cls = classifyPath(path, { cwd: inv.facts.cwd, home: inv.facts.home, recursive: true });
      const risk: Risk = cls.risk === 'critical' || cls.risk === 'high' ? cls.risk : 'low';
      return [
        cloudEffect('aws', {
          operation: 'delete',
          target: path,
          risk,
          reason: `aws s3 sync --delete deletes files in ${path} that the bucket lacks: ${cls.why}`,
          category: 'file',
          hints: allHints,
        }),
      ];
    }
    case 'mv': {
      if (src)
        return [
          effect(
            'modify',
            src,
            recursive ? 'medium' : 'low',
            `aws s3 mv removes ${recursive ? 'every object under ' : ''}${where(src)} from its place`,
          ),
          ...(dest ? [] : downloadWrites(inv, second, hints)),
        ];
      if (dest && awsExposure('s3', command, args))
        return [effect('modify', dest, 'high', `aws s3 mv opens ${awsExposure('s3', command, args)}`, false)];
      if (dest) return [effect('create', dest, 'low', `aws s3 mv uploads into ${where(dest)}`, false)];
      return [];
    }
    case 'cp': {
      if (!dest) return src ? downloadWrites(inv, second, hints) : [];
      const exposed = awsExposure('s3', command, args);
      return exposed
        ? [effect('modify', dest, 'high', `aws s3 cp opens ${exposed}`, false)]
        : [effect('create', dest, 'low', `aws s3 cp writes into ${where(dest)}`, false)];
    }
    case 'mb':
      return src ? [effect('create', src, 'low', `aws s3 mb creates the bucket ${src.bucket}`)] : [];
    case 'website':
      return src ? [effect('modify', src, 'low', `aws s3 website configures ${src.bucket}`)] : [];
    default:
      // ls, presign and anything new only read.
      return [];
  }
}
