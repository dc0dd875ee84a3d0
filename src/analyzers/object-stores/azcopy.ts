import type { Effect } from '../../core/types.js';
import { optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { nameHintsFrom } from '../cloud/common.js';
import { isLocalPath, localLocation, storeEffect, type Location } from './common.js';

// azcopy: `azcopy <command> SOURCE [DEST] [flags]`. Locations are Azure Storage URLs
// (https://ACCOUNT.blob.core.windows.net/CONTAINER/PATH?SAS), placed by the account and container names.

const VALUE_OPTIONS = [
  '--delete-destination',
  '--recursive',
  '--include-pattern',
  '--exclude-pattern',
  '--include-path',
  '--exclude-path',
  '--list-of-files',
  '--list-of-versions',
  '--include-before',
  '--include-after',
  '--log-level',
  '--from-to',
  '--cap-mbps',
  '--block-size-mb',
  '--output-type',
  '--output-level',
  '--trusted-microsoft-suffixes',
];

function location(inv: Invocation, path: Word): Location {
  if (isLocalPath(path) || !/^https?:\/\//i.test(path.value)) return localLocation(inv, path);
  const url = path.value.replace(/\?.*$/, '');
  const m = /^https?:\/\/([^./]+)\.[^/]+\/?([^/]*)\/?(.*)$/i.exec(url);
  const [, account, container = '', rest = ''] = m ?? [];
  const hints = [...nameHintsFrom('storage account', account), ...nameHintsFrom('container', container)];
  return { target: url, hints, local: false, whole: path.dynamic || rest === '' || /[*?]/.test(rest) };
}

/** azcopy's booleans are written `--recursive` or `--recursive=true|false`. */
function isOn(parsed: ParsedOptions, name: string): boolean {
  const v = optionValue(parsed, name);
  return v !== undefined && !/^false$/i.test(v);
}

export function azcopy(inv: Invocation): Effect[] {
  // --recursive is a boolean: given without `=` it must not swallow the next word.
  const words = inv.args.map((w) => (w.value === '--recursive' ? { ...w, value: '--recursive=true' } : w));
  const parsed = parseOptions(words, { withValue: VALUE_OPTIONS });
  if (isOn(parsed, '--dry-run')) return [];
  const [command, ...paths] = parsed.positionals;
  const dest = paths[paths.length - 1];
  if (!dest) return [];
  switch (command?.value ?? '') {
    case 'remove':
    case 'rm':
      return paths.map((p) => {
        const where = location(inv, p);
        const many = isOn(parsed, '--recursive') || where.whole;
        const reason = `azcopy remove deletes ${many ? 'everything under ' : ''}${where.target}`;
        return storeEffect('azcopy', 'delete', many ? 'high' : 'medium', where, reason);
      });
    case 'sync': {
      const where = location(inv, dest);
      const deletes = /^(true|prompt)$/i.test(optionValue(parsed, '--delete-destination') ?? '');
      return deletes
        ? [
            storeEffect(
              'azcopy',
              'delete',
              'high',
              where,
              `azcopy sync deletes from ${where.target} what the source lacks`,
            ),
          ]
        : [storeEffect('azcopy', 'create', 'low', where, `azcopy sync copies into ${where.target}`)];
    }
    case 'copy':
    case 'cp':
      return paths.length < 2
        ? []
        : [
            storeEffect(
              'azcopy',
              'create',
              'low',
              location(inv, dest),
              `azcopy copy writes into ${dest.value}`,
            ),
          ];
  }
  return [];
}
