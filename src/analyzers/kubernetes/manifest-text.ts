import { posix } from 'node:path';
import type { Invocation } from '../analyzer.js';
import { readProgramFile } from '../program-files.js';

// The text of a manifest `-f` names: a static here-document or pipe for `-f -`, or a file of this machine
// read through the edge's `readScript` (`kubectl apply -f job.yaml` ran a Job that deletes data, unseen:
// only here-documents were read). A URL, a directory, a computed path or a file that cannot be read as
// text has no text here; a URL, a download piped in and an unreadable file are said to be unread.

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export function manifestText(inv: Invocation, file: string): string | undefined {
  // tree-sitter-bash drops a `-` written right before `<<EOF`, leaving `-f` without a value.
  const name = file === '' ? '-' : file;
  if (URL.test(name)) return undefined;
  const read = readProgramFile(inv, { value: name, dynamic: /[$`*?[]/.test(name) });
  return read.kind === 'text' ? read.text : undefined;
}

/** Programs whose output piped to `-f -` is what they download. */
const DOWNLOADERS = new Set(['curl', 'wget', 'http', 'https', 'xh', 'xhs']);

/**
 * Why nobody here has read the manifest `-f` names, when that is so: fetched from a URL as it runs, piped
 * in from a download, or a file of this machine that cannot be read. Undefined for one that was read, and
 * for one with nothing to read here (a directory, a computed path, a pipe from a program that downloads
 * nothing).
 */
export function unreadManifest(inv: Invocation, file: string): string | undefined {
  if (URL.test(file)) return 'is fetched from the network as it runs';
  if (file === '-' || file === '') {
    const from = inv.stdinFrom?.argv[0];
    const program = from && !from.dynamic ? posix.basename(from.value) : undefined;
    return program && DOWNLOADERS.has(program) ? `is downloaded by ${program} as it runs` : undefined;
  }
  const read = readProgramFile(inv, { value: file, dynamic: /[$`*?[]/.test(file) });
  // A binary file, one that cannot be read, `-f <(curl …)`: the file reader says why not.
  return read.kind === 'unverifiable' && !read.effect.unrecognised ? 'cannot be read here' : undefined;
}
