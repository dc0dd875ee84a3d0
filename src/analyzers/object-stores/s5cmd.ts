import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { hintsFrom } from '../cloud/common.js';
import { downloadWrites } from '../downloads.js';
import { hostOf } from '../services/common.js';
import { s3Location, storeEffect } from './common.js';

// s5cmd: `s5cmd [--endpoint-url URL] [--profile P] <command> [flags] s3://bucket/key…`. The endpoint and
// the profile are facts (as for `aws s3`); the bucket is a name.

const VALUE_OPTIONS = [
  '--endpoint-url',
  '--profile',
  '--credentials-file',
  '--numworkers',
  '-r',
  '--retry-count',
  '--log',
  '--request-payer',
  '--exclude',
  '--include',
  '--storage-class',
  '--concurrency',
  '-c',
  '--part-size',
  '-p',
  '--cache-control',
  '--expires',
  '--content-type',
  '--content-encoding',
  '--content-disposition',
  '--metadata',
  '--sse',
  '--sse-kms-key-id',
  '--acl',
];

function placement(
  inv: Invocation,
  endpoint: string | undefined,
  profile: string | undefined,
): EnvironmentHint[] {
  const url = endpoint ?? inv.env('S3_ENDPOINT_URL');
  return [
    ...hintsFrom(endpoint ? 'flag --endpoint-url' : 'env S3_ENDPOINT_URL', url ? hostOf(url) : undefined),
    ...hintsFrom(profile ? 'flag --profile' : 'env AWS_PROFILE', profile ?? inv.env('AWS_PROFILE')),
  ];
}

export function s5cmd(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '--dry-run', '-h', '--help')) return [];
  const hints = placement(inv, optionValue(parsed, '--endpoint-url'), optionValue(parsed, '--profile'));
  const [command, ...paths] = parsed.positionals;
  const dest = paths[paths.length - 1];
  const at = (p: Word) => s3Location(inv, p, hints);
  // cp, sync and mv from a bucket onto this machine write there as curl -o does (downloads.ts).
  const download = () =>
    dest && paths.length >= 2 && at(dest).local && paths.slice(0, -1).some((p) => !at(p).local)
      ? downloadWrites(inv, dest, hints)
      : [];
  switch (command?.value ?? '') {
    case 'rm':
      return paths.map((p) => {
        const where = at(p);
        return storeEffect(
          's5cmd',
          'delete',
          where.whole ? 'high' : 'medium',
          where,
          `s5cmd rm deletes ${p.value}`,
        );
      });
    case 'rb':
      return paths.map((p) =>
        storeEffect('s5cmd', 'delete', 'high', at(p), `s5cmd rb deletes the bucket ${p.value}`),
      );
    case 'sync':
      if (!dest || paths.length < 2) return [];
      return hasOption(parsed, '--delete')
        ? [
            storeEffect(
              's5cmd',
              'delete',
              'high',
              at(dest),
              `s5cmd sync --delete deletes from ${dest.value} what the source lacks`,
            ),
          ]
        : [
            storeEffect('s5cmd', 'create', 'low', at(dest), `s5cmd sync copies into ${dest.value}`),
            ...download(),
          ];
    case 'mv':
      return [
        ...paths
          .slice(0, -1)
          .map((p) =>
            storeEffect('s5cmd', 'delete', 'medium', at(p), `s5cmd mv removes ${p.value} once copied`),
          ),
        ...download(),
      ];
    case 'cp':
      return download();
  }
  return [];
}
