import { word, type Word } from './words.js';

/**
 * The `VAR=value` words that start a command line given to a wrapper (`env A=1 cmd`, `sudo A=1 cmd`,
 * `cross-env NODE_ENV=production cmd`), as assignments, and the words after them.
 */
export function leadingAssignments(words: readonly Word[]): {
  assignments: Record<string, Word>;
  rest: Word[];
} {
  const assignments: Record<string, Word> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[i]!.value);
    if (!m) break;
    assignments[m[1]!] = word(m[2]!, words[i]!.dynamic);
  }
  return { assignments, rest: words.slice(i) };
}
