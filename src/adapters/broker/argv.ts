// A command line the broker can run as it stands: one simple command of literal words, the way bash would
// split it, or nothing. Anything bash would expand or treat as syntax (variables, substitutions, globs,
// `~`, pipes, lists, redirections, escapes, assignments in front) makes it not a plain command, and the
// hook then decides it as usual: the broker runs words without a shell, so only words may be routed to it.

/** Characters a word may hold unquoted. */
const PLAIN = /[A-Za-z0-9_@%+=:,./^-]/;
/** Characters that keep their meaning inside double quotes. */
const LIVE_IN_DOUBLE = /[$`\\!]/;

/** The words of a plain command line, or undefined when bash would do more than split it into words. */
export function literalArgv(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return undefined;
      const body = line.slice(i + 1, end);
      if (c === '"' && LIVE_IN_DOUBLE.test(body)) return undefined;
      word = (word ?? '') + body;
      i = end;
    } else if (PLAIN.test(c)) word = (word ?? '') + c;
    else return undefined;
  }
  if (word !== undefined) words.push(word);
  // `NAME=value cmd` sets a variable for the command: not a word the broker would pass on.
  if (!words.length || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) return undefined;
  return words;
}
