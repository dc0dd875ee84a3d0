import type { Effect, Operation, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { downloadWrites } from '../downloads.js';
import { bucketHints, bucketUrl, cloudEffect, nameHintsFrom } from './common.js';

// `gsutil [-m] [-o k=v] [-h header] [-u project] <command> [options] <urls>`: getopt-style options.

const TOP_VALUES = ['-o', '-h', '-u', '-i'];
const COMMAND_VALUES: Record<string, string[]> = {
  rm: [],
  rb: [],
  rsync: ['-x', '-j', '-y'],
  mv: ['-j', '-z', '-a', '-L', '-s', '-p'],
  cp: ['-j', '-z', '-a', '-L', '-s'],
  mb: ['-p', '-c', '-l', '-k', '--retention', '--pap', '--placement', '--autoclass'],
};

export function gsutil(inv: Invocation): Effect[] {
  const top = parseOptions(inv.args, { withValue: TOP_VALUES, stopAtFirstPositional: true });
  const command = top.positionals[0];
  if (!command) return [];
  if (command.dynamic)
    return [
      cloudEffect('gsutil', {
        operation: 'execute-unverifiable',
        target: `gsutil ${command.value}`,
        risk: 'high',
        reason: 'the gsutil command is computed at run time, so what it does cannot be verified',
      }),
    ];
  const rest = inv.args.slice(top.restIndex + 1);
  const parsed = parseOptions(rest, { withValue: COMMAND_VALUES[command.value] ?? [] });
  const urls = parsed.positionals.map((w) => w.value);
  const parsedUrls = parsed.positionals.map((w) => bucketUrl(w));
  // -u names the project billed for the request, not where it lands: weak, like the bucket names.
  const billed = nameHintsFrom('flag -u', optionValue(top, '-u'));
  const hints = [...billed, ...bucketHints(parsedUrls)];
  const make = (operation: Operation, target: string, risk: Risk, reason: string, category = 'bucket') =>
    cloudEffect('gsutil', { operation, target, risk, reason, category, hints });
  const recursive = hasOption(parsed, '-r', '-R');
  const sub = urls[0];
  // cp, rsync and mv from a bucket onto this machine write there as curl -o does (downloads.ts).
  const destWord = parsed.positionals[parsed.positionals.length - 1];
  const download = () =>
    urls.length >= 2 && !parsedUrls[parsedUrls.length - 1] && parsedUrls.slice(0, -1).some(Boolean)
      ? downloadWrites(inv, destWord, billed)
      : [];

  switch (command.value) {
    case 'rm': {
      if (hasOption(parsed, '-I'))
        return [
          make('delete', 'URLs read from stdin', 'high', 'gsutil rm -I deletes every object named on stdin'),
        ];
      return parsedUrls.flatMap((u, i) => {
        if (!u) return [];
        const whole = (u.whole && recursive) || /^\*\*$/.test(u.key);
        return [
          make(
            'delete',
            urls[i]!,
            whole ? 'critical' : 'high',
            whole
              ? `gsutil rm deletes every object in the bucket ${u.bucket}${u.key === '' ? ' and the bucket itself' : ''}`
              : `gsutil rm deletes ${recursive ? 'everything under ' : ''}${urls[i]}`,
          ),
        ];
      });
    }
    case 'rb':
      return parsedUrls.flatMap((u, i) =>
        u
          ? [
              make(
                'delete',
                urls[i]!,
                'critical',
                `gsutil rb deletes the bucket ${u.bucket}${hasOption(parsed, '-f') ? ' (-f: continuing past errors)' : ''}`,
              ),
            ]
          : [],
      );
    case 'rsync': {
      if (hasOption(parsed, '-n')) return [];
      const dest = urls[urls.length - 1];
      const destUrl = parsedUrls[parsedUrls.length - 1];
      if (!dest || urls.length < 2) return [];
      if (!hasOption(parsed, '-d'))
        return destUrl ? [make('create', dest, 'low', `gsutil rsync uploads into ${dest}`)] : download();
      return [
        make(
          'delete',
          dest,
          'high',
          `gsutil rsync -d deletes ${destUrl ? 'objects' : 'files'} in ${dest} that the source lacks`,
          destUrl ? 'bucket' : 'file',
        ),
      ];
    }
    case 'mv': {
      const src = parsedUrls[0];
      if (!src || !sub) return [];
      return [
        make('modify', sub, src.whole || recursive ? 'medium' : 'low', `gsutil mv moves ${sub} away`),
        ...download(),
      ];
    }
    case 'cp': {
      const dest = urls[urls.length - 1];
      return dest && urls.length >= 2 && bucketUrl(dest)
        ? [make('create', dest, 'low', `gsutil cp writes into ${dest}`)]
        : download();
    }
    case 'mb':
      return sub ? [make('create', sub, 'low', `gsutil mb creates ${sub}`)] : [];
    case 'iam':
    case 'acl':
    case 'defacl': {
      if (!sub || !/^(set|ch)$/.test(sub)) return [];
      const target = urls.slice(1).find((u) => bucketUrl(u)) ?? urls[urls.length - 1] ?? '';
      return [
        make(
          'modify',
          target,
          'medium',
          `gsutil ${command.value} ${sub} changes who may access ${target}`,
          command.value === 'iam' ? 'iam' : 'bucket',
        ),
      ];
    }
    case 'lifecycle':
    case 'versioning':
    case 'retention': {
      if (!sub || sub === 'get') return [];
      const target = urls.slice(1).find((u) => bucketUrl(u)) ?? '';
      const risky =
        command.value === 'lifecycle' ||
        (command.value === 'versioning' && urls[1] === 'off') ||
        (command.value === 'retention' && /^(clear|temp|event)$/.test(sub));
      return [
        make(
          'modify',
          target,
          risky ? 'medium' : 'low',
          command.value === 'lifecycle'
            ? `gsutil lifecycle ${sub} sets rules that can delete objects in ${target}`
            : `gsutil ${command.value} ${sub} changes how ${target} keeps objects`,
        ),
      ];
    }
    case 'setmeta':
    case 'rewrite':
    case 'label':
    case 'web':
    case 'cors':
    case 'logging':
    case 'notification':
      return sub && !['get', 'list'].includes(sub)
        ? [
            make(
              'modify',
              urls[urls.length - 1] ?? '',
              'low',
              `gsutil ${command.value} changes ${urls[urls.length - 1]}`,
            ),
          ]
        : [];
    default:
      // ls, cat, du, stat, hash, version, help, signurl, config… only read.
      return [];
  }
}
