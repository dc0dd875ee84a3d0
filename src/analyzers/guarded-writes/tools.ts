import { posix } from 'node:path';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import { parseSedScript, sedRun } from '../../shell/sed-script.js';
import { word, type Word } from '../../shell/words.js';
import type { Target } from './judge.js';
import { dotContents, landings } from './landing.js';
import { modeWeakens } from './modes.js';

// What the ordinary file tools write, as targets: the words that name the files, read with each tool's
// options (GNU coreutils, sed, perl, dd, patch).

const files = (words: readonly Word[]): Target[] =>
  words.filter((w) => !w.dynamic).map((w) => ({ path: w.value, mode: 'file' }));

/** Options of cp, mv, install and ln that take a value. */
const COPY_VALUE = [
  '-t',
  '--target-directory',
  '-S',
  '--suffix',
  '-m',
  '--mode',
  '-o',
  '--owner',
  '-g',
  '--group',
];

function copies(name: string, args: readonly Word[]): Target[] {
  const parsed = parseOptions(args, { withValue: COPY_VALUE });
  if (name === 'install' && hasOption(parsed, '-d', '--directory')) return []; // only makes directories
  const into = optionValue(parsed, '-t', '--target-directory');
  const { positionals } = parsed;
  const dest = into !== undefined ? word(into) : positionals[positionals.length - 1];
  const sources = into !== undefined ? positionals : positionals.slice(0, -1);
  if (!dest || (into === undefined && positionals.length < 2)) return [];
  const contents = name === 'cp' ? dotContents : () => false;
  const landed = landings(sources, dest, contents);
  // What mv takes away is gone from where it was, as if deleted.
  const away: Target[] =
    name === 'mv' ? sources.filter((s) => !s.dynamic).map((s) => ({ path: s.value, mode: 'away' })) : [];
  return [...landed, ...away];
}

/** Whether a sed or perl option word turns on in-place editing (`-i`, `-i.bak`, `-pi`, `--in-place`). */
const inPlace = (w: Word, letters: RegExp) =>
  !w.dynamic && (/^--in-place/.test(w.value) || letters.test(w.value));

/** The files `sed -i` rewrites, and those its script writes (`w FILE`, `s///w FILE`) unless sandboxed. */
function sed(args: readonly Word[]): Target[] {
  const run = sedRun(args);
  const written = run.sandboxed
    ? []
    : run.scripts.filter((w) => !w.dynamic).flatMap((w) => parseSedScript(w.value).writes);
  const scriptWrites = written.map((path): Target => ({ path, mode: 'file' }));
  if (!args.some((w) => inPlace(w, /^-[a-hj-zA-Z]*i/))) return scriptWrites;
  const parsed = parseOptions(args, { withValue: ['-e', '--expression', '-f', '--file', '-l'] });
  const scripted = hasOption(parsed, '-e', '--expression', '-f', '--file');
  return [...files(scripted ? parsed.positionals : parsed.positionals.slice(1)), ...scriptWrites];
}

function perl(args: readonly Word[]): Target[] {
  if (!args.some((w) => inPlace(w, /^-[a-zA-Z]*i/))) return [];
  const parsed = parseOptions(args, { withValue: ['-e', '-E', '-M', '-I'] });
  const scripted = hasOption(parsed, '-e', '-E');
  return files(scripted ? parsed.positionals : parsed.positionals.slice(1));
}

function dd(args: readonly Word[]): Target[] {
  const of = args.find((w) => w.value.startsWith('of='));
  return of ? files([{ ...of, value: of.value.slice(3) }]) : [];
}

/** Options of GNU patch that take a value. */
const PATCH_VALUE = [
  '-B',
  '--prefix',
  '-d',
  '--directory',
  '-D',
  '--ifdef',
  '-F',
  '--fuzz',
  '-i',
  '--input',
  '-o',
  '--output',
  '-p',
  '--strip',
  '-r',
  '--reject-file',
  '-V',
  '--version-control',
  '-Y',
  '--basename-prefix',
  '-z',
  '--suffix',
  '-g',
  '--get',
];

/**
 * patch writes the file it is given (`patch FILE < diff`) or `-o FILE`. Without one it writes the files
 * the diff names, which only the diff knows; those are left to the diff, as everyday work.
 */
function patch(args: readonly Word[]): Target[] {
  const parsed = parseOptions(args, { withValue: PATCH_VALUE });
  if (hasOption(parsed, '--dry-run')) return [];
  const output = optionValue(parsed, '-o', '--output');
  const file = output !== undefined ? word(output) : parsed.positionals[0];
  if (!file) return [];
  const dir = optionValue(parsed, '-d', '--directory');
  return files([dir && output === undefined ? { ...file, value: posix.join(dir, file.value) } : file]);
}

/**
 * chmod, chown and chgrp: the mode or owner comes first, unless `--reference` gives it. A chmod that
 * only tightens (`chmod 600`) changes nothing anyone else could use.
 */
export function permissionTargets(name: string, args: readonly Word[]): Target[] {
  const parsed = parseOptions(args, { withValue: ['--reference', '--from'] });
  if (hasOption(parsed, '--reference')) return files(parsed.positionals);
  const [mode, ...targets] = parsed.positionals;
  if (name === 'chmod' && mode && !mode.dynamic && !modeWeakens(mode.value)) return [];
  return files(targets);
}

/** The files a command writes; [] for tools it does not know. */
export function writtenTargets(name: string, args: readonly Word[]): Target[] {
  switch (name) {
    case 'tee':
      return files(parseOptions(args).positionals);
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln':
      return copies(name, args);
    case 'sed':
      return sed(args);
    case 'perl':
      return perl(args);
    case 'dd':
      return dd(args);
    case 'truncate':
      return files(parseOptions(args, { withValue: ['-s', '--size', '-r', '--reference'] }).positionals);
    case 'patch':
      return patch(args);
    default:
      return [];
  }
}
