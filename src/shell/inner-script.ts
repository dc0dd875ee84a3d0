import type { Inner } from './wrappers.js';
import type { Word } from './words.js';

function joinStatic(words: readonly Word[]): string | undefined {
  return words.some((w) => w.dynamic) ? undefined : words.map((w) => w.value).join(' ');
}

/** Words a program hands to a shell as one command line: a script to parse, or, built at run time, unseen. */
export function scriptOrUnverifiable(
  words: readonly Word[],
  via: string,
  extra: Partial<Extract<Inner, { kind: 'script' }>> = {},
): Inner {
  const text = joinStatic(words);
  if (text === undefined) {
    return {
      kind: 'unverifiable',
      reason: `${via} runs a command built at run time`,
      target: words.map((w) => w.value).join(' '),
    };
  }
  return { kind: 'script', text, via, ...extra };
}
