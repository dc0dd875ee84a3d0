import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { downloadWrites } from '../downloads.js';
import { bucketUrl, cloudEffect, has, type CloudArgs } from './common.js';

/** `gcloud storage rm|rsync|mv|cp`: paths are gs:// URLs. */
export function storageCommand(
  inv: Invocation,
  verb: string,
  words: Word[],
  args: CloudArgs,
  hints: EnvironmentHint[],
): Effect[] | undefined {
  const recursive = has(args, '-r', '-R', '--recursive');
  const urls = words.map((w) => bucketUrl(w));
  const names = words.map((w) => w.value);
  const make = (operation: Operation, target: string, risk: Risk, reason: string) =>
    cloudEffect('gcloud', { operation, target, risk, reason, category: 'bucket', hints });
  // cp, rsync and mv from a bucket onto this machine write there as curl -o does (downloads.ts).
  const download = () =>
    words.length >= 2 && !urls[urls.length - 1] && urls.slice(0, -1).some(Boolean)
      ? downloadWrites(inv, words[words.length - 1], hints)
      : [];
  switch (verb) {
    case 'rm':
      return urls.flatMap((u, i) => {
        if (!u) return [];
        const whole = (u.whole && recursive) || /^\*\*$/.test(u.key);
        return [
          make(
            'delete',
            names[i]!,
            whole ? 'critical' : 'high',
            whole
              ? `gcloud storage rm deletes every object in the bucket ${u.bucket}`
              : `gcloud storage rm deletes ${recursive ? 'everything under ' : ''}${names[i]}`,
          ),
        ];
      });
    case 'rsync': {
      const destWord = words[words.length - 1];
      const dest = destWord?.value;
      if (!destWord || !dest || !bucketUrl(destWord)) return download();
      if (!has(args, '--delete-unmatched-destination-objects'))
        return [make('create', dest, 'low', `gcloud storage rsync uploads into ${dest}`)];
      return [
        make(
          'delete',
          dest,
          'high',
          `gcloud storage rsync --delete-unmatched-destination-objects deletes objects in ${dest} that the source lacks`,
        ),
      ];
    }
    case 'mv': {
      const src = urls[0];
      if (!src) return [];
      return [
        make(
          'modify',
          names[0]!,
          recursive || src.whole ? 'medium' : 'low',
          `gcloud storage mv moves ${names[0]} away`,
        ),
        ...download(),
      ];
    }
    case 'cp': {
      const destWord = words[words.length - 1];
      const dest = destWord?.value;
      return destWord && dest && bucketUrl(destWord)
        ? [make('create', dest, 'low', `gcloud storage cp writes into ${dest}`)]
        : download();
    }
    default:
      return undefined;
  }
}
