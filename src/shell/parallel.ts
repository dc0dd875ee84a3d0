import type { EnvironmentHint } from '../core/types.js';
import type { SimpleCommand } from './extract.js';
import { ARGUMENT_SEPARATORS, FILE_SEPARATORS, PARALLEL_VALUE } from './cli-options/parallel.js';
import { optionValues, parseOptions, type ParsedOptions } from './options.js';
import { quoteWord, type Word } from './words.js';
import type { Inner, Peeled } from './wrappers.js';

// GNU parallel joins its command words with spaces, puts each argument in (quoted) at a replacement string
// or at the end, and has a shell run the line: `parallel rm -rf ::: /` runs `rm -rf /`. With no command,
// each argument is itself a command line.

/** At most this many argument combinations are assessed: the others run the same command on more inputs. */
const MAX_COMBINATIONS = 16;

/** Replacement strings an argument goes into: {} {.} {/} {//} {/.} and {1}, {2}… for several sources. */
const REPLACEMENT = /\{(?:\.|\/|\/\/|\/\.|\d+)?\}/g;

/** An argument only the run knows (read from stdin or a file): the script reads it as a dynamic word. */
const UNKNOWN_ARGUMENT = '"$parallel_argument"';

interface Sources {
  command: Word[];
  sources: Word[][];
  /** Some arguments come from files (`::::`), which are not read here. */
  fromFiles: boolean;
}

function splitSources(words: readonly Word[]): Sources {
  const split: Sources = { command: [], sources: [], fromFiles: false };
  for (const w of words) {
    const separator = !w.dynamic && (ARGUMENT_SEPARATORS.has(w.value) || FILE_SEPARATORS.has(w.value));
    if (separator) {
      split.fromFiles ||= FILE_SEPARATORS.has(w.value);
      split.sources.push([]);
      continue;
    }
    const current = split.sources[split.sources.length - 1];
    if (current) current.push(w);
    else split.command.push(w);
  }
  return split;
}

/** Every combination of one argument per source (linked `:::+` sources too: a superset is safe). */
function combinations(sources: readonly Word[][]): Word[][] {
  let combos: Word[][] = [[]];
  for (const source of sources)
    combos = combos.flatMap((c) => source.map((w) => [...c, w])).slice(0, MAX_COMBINATIONS);
  return combos;
}

/** The line parallel hands to the shell for one set of arguments. */
function commandLine(command: readonly string[], args: readonly string[]): string {
  let replaced = false;
  const filled = command.join(' ').replace(REPLACEMENT, (m) => {
    replaced = true;
    const position = /^\{(\d+)\}$/.exec(m)?.[1];
    return position ? (args[Number(position) - 1] ?? '') : args.join(' ');
  });
  return replaced ? filled : [filled, ...args].join(' ');
}

/** `-S host` (`--sshlogin`, `2/user@host`, `:` for this machine): the commands run on those hosts. */
function sshLogins(parsed: ParsedOptions): { hints?: EnvironmentHint[]; remote?: boolean } {
  const hosts = optionValues(parsed, '-S', '--sshlogin')
    .flatMap((v) => v.split(','))
    .map((login) => login.replace(/^\d+\//, '').replace(/^[^@]*@/, ''))
    .filter((host) => host !== '' && host !== ':');
  return hosts.length ? { remote: true, hints: hosts.map((value) => ({ source: 'ssh host', value })) } : {};
}

export function peelParallel(cmd: SimpleCommand): Peeled {
  const parsed = parseOptions(cmd.argv.slice(1), { withValue: PARALLEL_VALUE, stopAtFirstPositional: true });
  const { command, sources, fromFiles } = splitSources(parsed.positionals);
  const argFile = parsed.options.has('-a') || parsed.options.has('--arg-file');
  const known = sources.length > 0 && !fromFiles && !argFile;
  if (!known && command.length === 0) {
    const reason = 'parallel runs command lines it reads from its input';
    return { inner: [{ kind: 'unverifiable', reason, target: cmd.text }], analyzeSelf: false };
  }
  // With a command, arguments are quoted into it; without one, each argument is a command line.
  const argumentText = command.length ? quoteWord : (w: Word) => w.value;
  const argumentSets = known
    ? combinations(sources).map((combo) => combo.map(argumentText))
    : [[UNKNOWN_ARGUMENT]];
  const quoted = parsed.options.has('-q') || parsed.options.has('--quote');
  const words = command.map((w) => (quoted ? quoteWord(w) : w.value));
  const where = sshLogins(parsed);
  const inner = argumentSets.map((args): Inner => ({
    kind: 'script',
    text: commandLine(words, args),
    via: 'parallel',
    ...where,
  }));
  return { inner, analyzeSelf: false };
}
