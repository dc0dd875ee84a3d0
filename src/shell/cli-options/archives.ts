// Option tables of the archive extractors (GNU tar and bsdtar, Info-ZIP unzip), for the analyzers that
// ask where an extraction writes (guarded-writes/archives.ts).

import { word, type Word } from '../words.js';

/** tar's one-letter options that take a value (the same letters take one in the old bundled form). */
const TAR_SHORT_VALUE = ['-f', '-b', '-C', '-T', '-X', '-K', '-N', '-L', '-F', '-g', '-V', '-H', '-I'];

/** tar options that take a value (`-C dir`, `--directory=dir`, `-f archive`, `--exclude PATTERN`). */
export const TAR_VALUE = [
  ...TAR_SHORT_VALUE,
  '--file',
  '--directory',
  '--blocking-factor',
  '--files-from',
  '--exclude-from',
  '--starting-file',
  '--newer',
  '--after-date',
  '--newer-mtime',
  '--tape-length',
  '--info-script',
  '--new-volume-script',
  '--listed-incremental',
  '--label',
  '--format',
  '--use-compress-program',
  '--exclude',
  '--exclude-tag',
  '--owner',
  '--group',
  '--mode',
  '--mtime',
  '--transform',
  '--xform',
  '--strip-components',
  '--strip',
  '--checkpoint-action',
  '--index-file',
  '--rsh-command',
  '--volno-file',
  '--record-size',
  '--to-command',
  '--suffix',
];

/**
 * tar's old form bundles its letters in the first word without a dash (`tar xzf x.tgz -C dir`): each
 * letter that takes a value takes the next word, in order. Rewritten as ordinary options (`-x -z -f x.tgz`).
 */
export function tarWords(args: readonly Word[]): Word[] {
  const [first, ...rest] = args;
  if (!first || first.dynamic || !/^[A-Za-z]+$/.test(first.value) || !/[Acdrtux]/.test(first.value))
    return [...args];
  const words: Word[] = [];
  for (const letter of first.value) {
    words.push(word(`-${letter}`));
    const value = TAR_SHORT_VALUE.includes(`-${letter}`) ? rest.shift() : undefined;
    if (value) words.push(value);
  }
  return [...words, ...rest];
}

/** unzip options that take a value (`-d exdir`, `-P password`, `-O charset`). `-x` is followed by a list. */
export const UNZIP_VALUE = ['-d', '-P', '-O', '-I'];
