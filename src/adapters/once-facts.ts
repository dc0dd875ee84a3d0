import type { ActionFacts, FileFacts } from '../core/types.js';

// `check --batch` decides the lines that arrived together (up to 256 of a piped file) one after another,
// within milliseconds: they are decided as of one moment, so each file is looked at once for all of them
// (a stat, a script read) instead of once per line. The next group looks again, so a file changed while a
// batch runs is seen from the next group on. Answers are the edge's own objects, shared, never changed.

/** Remember `ask`'s answer per key for the life of the returned function. */
function once<A extends unknown[], R>(ask: (...args: A) => R, key: (...args: A) => string) {
  const answers = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (answers.has(k)) return answers.get(k)!;
    const answer = ask(...args);
    answers.set(k, answer);
    return answer;
  };
}

/** `facts` answering each question about this machine's files at most once (saved plans are read each time). */
export function onceFacts(facts: ActionFacts): ActionFacts {
  const out: ActionFacts = { ...facts };
  const byPath = (path: string) => path;
  if (facts.pathExists) out.pathExists = once(facts.pathExists, byPath);
  if (facts.readScript) out.readScript = once(facts.readScript, byPath);
  if (facts.listArchive) out.listArchive = once(facts.listArchive, byPath);
  if (facts.files) {
    const files: FileFacts = facts.files;
    out.files = {
      // The answer depends on how many bytes may still be hashed (a file past it is bound by identity).
      fingerprint: once(
        (path: string, maxBytes?: number) => files.fingerprint(path, maxBytes),
        (path, maxBytes) => `${maxBytes ?? ''}\0${path}`,
      ),
      list: once((dir: string) => files.list(dir), byPath),
    };
  }
  return out;
}
