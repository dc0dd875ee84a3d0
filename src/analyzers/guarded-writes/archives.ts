import { posix } from 'node:path';
import { TAR_VALUE, tarWords, UNZIP_VALUE } from '../../shell/cli-options/archives.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Target } from './judge.js';

/**
 * Where an extraction writes. Only the archive knows its members' names (one can hold `.interlock/` or
 * `.claude/settings.json`), so without a list of members the whole directory it extracts into is the
 * target; with one, each member named is.
 */
function extraction(dir: string, members: readonly Word[], exact: boolean): Target[] {
  const named = exact && members.length > 0 && members.every((m) => !m.dynamic && !/[*?[]/.test(m.value));
  if (!named) return [{ path: dir, mode: 'into' }];
  // A member may be a directory (`.claude`), so what it holds counts too.
  return members.map((m) => ({ path: posix.join(dir, m.value), mode: 'into' }));
}

/** Options that make tar write to stdout or a program instead of files. */
const TAR_TO_STDOUT = ['-O', '--to-stdout', '--to-command'];

/** Options under which the names given are not the paths written (patterns, a list file, stripped names). */
const TAR_INEXACT = ['-T', '--files-from', '--wildcards', '--strip-components', '--transform', '--xform'];

export function tarTargets(args: readonly Word[]): Target[] {
  const parsed = parseOptions(tarWords(args), { withValue: TAR_VALUE });
  if (!hasOption(parsed, '-x', '--extract', '--get') || hasOption(parsed, ...TAR_TO_STDOUT)) return [];
  // Names stored as absolute paths (`-P`) are written where they say: anywhere, the system included.
  const dir = hasOption(parsed, '-P', '--absolute-names')
    ? '/'
    : (optionValue(parsed, '-C', '--directory') ?? '.');
  return extraction(dir, parsed.positionals, !hasOption(parsed, ...TAR_INEXACT));
}

/** unzip's `-x name…` lists members to leave out, up to the next option: they are not written. */
function withoutExclusions(args: readonly Word[]): Word[] {
  const kept: Word[] = [];
  let excluding = false;
  for (const w of args) {
    if (!w.dynamic && w.value === '-x') excluding = true;
    else if (excluding && !w.value.startsWith('-')) continue;
    else {
      excluding = false;
      kept.push(w);
    }
  }
  return kept;
}

/** unzip modes that list, test or print members instead of writing them. */
const UNZIP_READS = ['-l', '-v', '-t', '-z', '-Z', '-p', '-c'];

function unzipDir(parsed: ParsedOptions): string {
  // `-:` lets stored names climb out with `../`: they may land anywhere.
  return hasOption(parsed, '-:') ? '/' : (optionValue(parsed, '-d') ?? '.');
}

export function unzipTargets(args: readonly Word[]): Target[] {
  const parsed = parseOptions(withoutExclusions(args), { withValue: UNZIP_VALUE });
  if (hasOption(parsed, ...UNZIP_READS) || parsed.positionals.length === 0) return [];
  return extraction(unzipDir(parsed), parsed.positionals.slice(1), true);
}
