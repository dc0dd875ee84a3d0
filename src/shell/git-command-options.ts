import { GIT_GLOBAL_VALUES } from './git-submodule.js';
import { scriptOrUnverifiable } from './inner-script.js';
import { parseOptions } from './options.js';
import type { Inner } from './wrappers.js';
import type { Word } from './words.js';

/**
 * Options of git subcommands whose value is a command git hands to the shell: `rebase --exec|-x CMD` (after
 * each commit), `difftool --extcmd|-x CMD`, and the program run for the other side of a transfer (`clone
 * -u|--upload-pack CMD`, `fetch|pull|ls-remote --upload-pack`, `push --receive-pack|--exec`, `archive
 * --exec`), which runs on this machine for a local repository.
 */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  rebase: ['--exec', '-x'],
  difftool: ['--extcmd', '-x'],
  clone: ['--upload-pack', '-u'],
  fetch: ['--upload-pack'],
  pull: ['--upload-pack'],
  'ls-remote': ['--upload-pack'],
  push: ['--receive-pack', '--exec'],
  archive: ['--exec'],
};

/** What `git SUBCOMMAND …` runs through the shell (see COMMAND_OPTIONS), and `git bisect run CMD ARGS…`. */
export function gitCommandOptions(args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, { withValue: GIT_GLOBAL_VALUES, stopAtFirstPositional: true });
  const [sub, ...rest] = parsed.positionals;
  if (!sub || sub.dynamic) return [];
  if (sub.value === 'bisect')
    return rest[0]?.value === 'run' && rest.length > 1 ? [{ kind: 'argv', argv: rest.slice(1) }] : [];
  const names = COMMAND_OPTIONS[sub.value];
  if (!names) return [];
  const via = (name: string) => `git ${sub.value} ${name}`;
  return rest.flatMap((w, i): Inner[] => {
    const next = rest[i + 1];
    if (names.includes(w.value) && next) return [scriptOrUnverifiable([next], via(w.value))];
    const joined = /^(--[\w-]+)=(.*)$/s.exec(w.value);
    if (joined && names.includes(joined[1]!))
      return [scriptOrUnverifiable([{ ...w, value: joined[2]! }], via(joined[1]!))];
    // `-xCMD`, `-uCMD`: the short option with its value joined.
    const short = /^(-[xu])(.+)$/s.exec(w.value);
    return short && names.includes(short[1]!)
      ? [scriptOrUnverifiable([{ ...w, value: short[2]! }], via(short[1]!))]
      : [];
  });
}
