import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { hintsFrom, nameHintsFrom } from '../cloud/common.js';
import { s3Location, storeEffect } from './common.js';

// s3cmd: `s3cmd [-c CONFIG] [--host HOST] <command> [options] s3://bucket/key…`. --host (an S3-compatible
// endpoint) is a fact; the config file and the bucket are names. `sync --delete-removed` deletes from the
// destination what the source lacks, as `aws s3 sync --delete` does; -n/--dry-run only lists.

const VALUE_OPTIONS = [
  '-c',
  '--config',
  '--access_key',
  '--secret_key',
  '--access_token',
  '--host',
  '--host-bucket',
  '--region',
  '--bucket-location',
  '--exclude',
  '--include',
  '--rexclude',
  '--rinclude',
  '--exclude-from',
  '--include-from',
  '--storage-class',
  '--mime-type',
  '--add-header',
  '--remove-header',
  '--encoding',
  '--cache-file',
  '--max-delete',
  '--limit-rate',
  '--multipart-chunk-size-mb',
  '--expiry-days',
  '--expiry-date',
  '--expiry-prefix',
  '-e',
];

function placement(host: string | undefined, config: string | undefined): EnvironmentHint[] {
  return [...hintsFrom('flag --host', host), ...nameHintsFrom('flag --config', config)];
}

export function s3cmd(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '-n', '--dry-run', '-h', '--help')) return [];
  const hints = placement(optionValue(parsed, '--host'), optionValue(parsed, '-c', '--config'));
  const recursive = hasOption(parsed, '-r', '--recursive', '--force');
  const [command, ...paths] = parsed.positionals;
  const dest = paths[paths.length - 1];
  const at = (p: Word) => s3Location(inv, p, hints, recursive);
  switch (command?.value ?? '') {
    case 'del':
    case 'rm':
      return paths.map((p) => {
        const where = at(p);
        return storeEffect(
          's3cmd',
          'delete',
          where.whole ? 'high' : 'medium',
          where,
          `s3cmd del deletes ${p.value}`,
        );
      });
    case 'rb':
      return paths.map((p) =>
        storeEffect(
          's3cmd',
          'delete',
          recursive ? 'critical' : 'high',
          at(p),
          `s3cmd rb deletes the bucket ${p.value}${recursive ? ' and every object in it' : ''}`,
        ),
      );
    case 'sync':
      if (!dest || paths.length < 2) return [];
      return hasOption(parsed, '--delete-removed')
        ? [
            storeEffect(
              's3cmd',
              'delete',
              'high',
              at(dest),
              `s3cmd sync --delete-removed deletes from ${dest.value} what the source lacks`,
            ),
          ]
        : [storeEffect('s3cmd', 'create', 'low', at(dest), `s3cmd sync copies into ${dest.value}`)];
    case 'mv':
      return paths
        .slice(0, -1)
        .map((p) =>
          storeEffect('s3cmd', 'delete', 'medium', at(p), `s3cmd mv removes ${p.value} once copied`),
        );
    case 'expire':
      return paths.map((p) =>
        storeEffect(
          's3cmd',
          'delete',
          'high',
          at(p),
          `s3cmd expire sets a rule that deletes the objects of ${p.value}`,
        ),
      );
    case 'ls':
    case 'la':
    case 'du':
    case 'info':
      return [];
  }
  // Any other command (get, put, cp, setpolicy…) is judged as an unrecognised program is: a download
  // over /etc/cron.d on a production host is not seen into here.
  return [
    {
      operation: 'execute-unverifiable',
      tool: 's3cmd',
      target: inv.text,
      reversible: false,
      risk: 'high',
      reason: `s3cmd ${command?.value ?? ''} is not one of its commands judged here`,
      unrecognised: true,
      ...(hints.length ? { hints } : {}),
    },
  ];
}
