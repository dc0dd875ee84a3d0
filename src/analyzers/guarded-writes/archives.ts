import { posix } from 'node:path';
import { TAR_VALUE, tarWords, UNZIP_VALUE } from '../../shell/cli-options/archives.js';
import { hasOption, optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { ArchiveSource, Target } from './judge.js';

/**
 * A member's name as written under the target directory: no leading `/` or `./`, `strip` components fewer.
 * A backslash separates too: unzip writes `.claude\settings.json` from a zip made on Windows as a path.
 */
export function landingName(name: string, strip: number): string | undefined {
  const parts = name.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
  return parts.length > strip ? parts.slice(strip).join('/') : undefined;
}

/**
 * Where an extraction writes. Only the archive knows its members' names (one can hold `.interlock/` or
 * `.claude/settings.json`), so without a list of members the directory it extracts into is the target,
 * carrying the archive so the members it lists can decide (guarded-writes/members.ts); with one, each
 * member named is.
 */
function extraction(dir: string, members: readonly Word[], archive: ArchiveSource): Target[] {
  if (members.length === 0) return [{ path: dir, mode: 'into', archive }];
  const named = members.every((m) => !m.dynamic && !/[*?[]/.test(m.value));
  if (!named) return [{ path: dir, mode: 'into' }];
  // A member may be a directory (`.claude`), so what it holds counts too.
  return members.flatMap((m) => {
    const name = landingName(m.value, archive.strip);
    return name === undefined ? [] : [{ path: posix.join(dir, name), mode: 'into' as const }];
  });
}

/** The archive a command reads, unless it is stdin (`-`, or tar without `-f`) or a word we cannot read. */
function archivePath(value: string | undefined, args: readonly Word[]): string[] {
  if (value === undefined || value === '-' || args.some((w) => w.dynamic)) return [];
  return /[*?[]/.test(value) ? [] : [value];
}

/** Options that make tar write to stdout or a program instead of files. */
const TAR_TO_STDOUT = ['-O', '--to-stdout', '--to-command'];

/** Options under which the names given are not the paths written (patterns, a list file, renamed names). */
const TAR_INEXACT = ['-T', '--files-from', '--wildcards', '--transform', '--xform'];

/** `--strip-components=N` (or GNU's `--strip`); NaN when it is not a number we can read. */
function stripCount(parsed: ParsedOptions): number {
  const value = optionValue(parsed, '--strip-components', '--strip');
  return value === undefined ? 0 : /^\d+$/.test(value) ? Number(value) : NaN;
}

export function tarTargets(args: readonly Word[]): Target[] {
  const parsed = parseOptions(tarWords(args), { withValue: TAR_VALUE });
  if (!hasOption(parsed, '-x', '--extract', '--get') || hasOption(parsed, ...TAR_TO_STDOUT)) return [];
  // Names stored as absolute paths (`-P`) are written where they say: anywhere, the system included.
  const dir = hasOption(parsed, '-P', '--absolute-names')
    ? '/'
    : (optionValue(parsed, '-C', '--directory') ?? '.');
  const strip = stripCount(parsed);
  const archive = { paths: archivePath(optionValue(parsed, '-f', '--file'), args), strip };
  const exact = !hasOption(parsed, ...TAR_INEXACT) && !Number.isNaN(strip);
  return exact ? extraction(dir, parsed.positionals, archive) : [{ path: dir, mode: 'into' }];
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
  const [zip, ...members] = parsed.positionals;
  const path = zip && !zip.dynamic ? archivePath(zip.value, []) : [];
  // unzip tries NAME, then NAME.zip and NAME.ZIP.
  const paths = path.flatMap((p) => (/\.zip$/i.test(p) ? [p] : [p, `${p}.zip`, `${p}.ZIP`]));
  const archive = { paths, strip: 0 };
  return extraction(unzipDir(parsed), members, archive);
}
