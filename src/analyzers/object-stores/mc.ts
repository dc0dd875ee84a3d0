import type { Effect, Risk } from '../../core/types.js';
import { hasOption, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { hostOf } from '../services/common.js';
import { isLocalPath, localLocation, storeEffect, type Location } from './common.js';

// MinIO's mc: `mc [flags] <command> [flags] ALIAS/BUCKET/PREFIX…`. An alias names a server in mc's config;
// MC_HOST_<alias> (a URL) names it in the environment, and then its host is a fact.

const VALUE_OPTIONS = [
  '-C',
  '--config-dir',
  '-H',
  '--custom-header',
  '--limit-upload',
  '--limit-download',
  '--older-than',
  '--newer-than',
  '--rewind',
  '--version-id',
  '--vid',
  '--encrypt-key',
  '--exclude',
  '--storage-class',
  '--attr',
  '--region',
  '--tags',
];

function location(inv: Invocation, path: Word): Location {
  if (isLocalPath(path)) return localLocation(inv, path);
  const [alias = '', bucket = '', ...rest] = path.value.split('/');
  const url = inv.env(`MC_HOST_${alias}`);
  const hints = [
    ...(url ? [{ source: `env MC_HOST_${alias}`, value: hostOf(url) }] : []),
    { source: 'mc alias', value: alias, weak: true as const },
    ...(bucket ? [{ source: 'bucket', value: bucket, weak: true as const }] : []),
  ];
  const prefix = rest.filter(Boolean);
  const whole = path.dynamic || prefix.length === 0 || path.value.endsWith('/') || /[*?]/.test(path.value);
  return { target: path.value, hints, local: false, whole };
}

/** `mc rm`: one object, or everything under a prefix (--recursive), and every version (--versions). */
function rm(inv: Invocation, parsed: ParsedOptions, paths: Word[]): Effect[] {
  const recursive = hasOption(parsed, '-r', '--recursive');
  const versions = hasOption(parsed, '--versions', '--non-current');
  return paths.map((p) => {
    const where = location(inv, p);
    const risk: Risk = versions ? 'critical' : recursive || where.whole ? 'high' : 'medium';
    const what = recursive ? `every object under ${p.value}` : p.value;
    const reason = `mc rm deletes ${what}${versions ? ', every version of it (no way back)' : ''}`;
    return storeEffect('mc', 'delete', risk, where, reason);
  });
}

/** `mc admin …`: removing users, groups and policies, or stopping the server. */
function admin(inv: Invocation, words: Word[]): Effect[] {
  const values = words.map((w) => w.value);
  const verbAt = values.findIndex((v) =>
    ['remove', 'rm', 'delete', 'disable', 'detach', 'stop', 'restart'].includes(v),
  );
  if (verbAt < 0) return [];
  const [area = ''] = values;
  const verb = values[verbAt]!;
  const alias = words[verbAt + 1];
  if (!alias) return [];
  const where = location(inv, alias);
  const category = ['user', 'group', 'policy', 'idp', 'accesskey'].includes(area) ? 'iam' : 'bucket';
  const removes = ['remove', 'rm', 'delete'].includes(verb);
  const risk: Risk = verb === 'restart' ? 'medium' : removes || verb === 'stop' ? 'high' : 'medium';
  const subject = values.slice(verbAt + 2).join(' ') || alias.value;
  const reason = `mc admin ${values.slice(0, verbAt + 1).join(' ')} ${subject}`;
  return [
    storeEffect(
      'mc',
      removes ? 'delete' : 'modify',
      risk,
      { ...where, target: `${alias.value} ${subject}` },
      reason,
      category,
    ),
  ];
}

export function mc(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(parsed, '--dry-run', '-h', '--help')) return [];
  const [command, ...rest] = parsed.positionals;
  const dest = rest[rest.length - 1];
  switch (command?.value ?? '') {
    case 'rm':
      return rm(inv, parsed, rest);
    case 'rb': {
      const force = hasOption(parsed, '--force', '--dangerous');
      return rest.map((p) =>
        storeEffect(
          'mc',
          'delete',
          force ? 'critical' : 'medium',
          location(inv, p),
          `mc rb deletes the bucket ${p.value}${force ? ' and every object in it' : ''}`,
        ),
      );
    }
    case 'mirror':
      if (!dest || rest.length < 2) return [];
      return hasOption(parsed, '--remove')
        ? [
            storeEffect(
              'mc',
              'delete',
              'high',
              location(inv, dest),
              `mc mirror --remove deletes from ${dest.value} what the source lacks`,
            ),
          ]
        : [storeEffect('mc', 'create', 'low', location(inv, dest), `mc mirror copies into ${dest.value}`)];
    case 'mv':
      return rest.length < 2
        ? []
        : rest
            .slice(0, -1)
            .map((p) =>
              storeEffect('mc', 'delete', 'medium', location(inv, p), `mc mv removes ${p.value} once copied`),
            );
    case 'admin':
      return admin(inv, rest);
  }
  return [];
}
