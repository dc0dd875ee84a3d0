import type { Invocation } from '../analyzer.js';
import { readProgramFile } from '../program-files.js';

// The text of a manifest `-f` names: a static here-document or pipe for `-f -`, or a file of this machine
// read through the edge's `readScript` (`kubectl apply -f job.yaml` ran a Job that deletes data, unseen:
// only here-documents were read). A URL, a directory, a computed path or a file that cannot be read as
// text has no text here, and stays judged by its name.

export function manifestText(inv: Invocation, file: string): string | undefined {
  // tree-sitter-bash drops a `-` written right before `<<EOF`, leaving `-f` without a value.
  const name = file === '' ? '-' : file;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return undefined;
  const read = readProgramFile(inv, { value: name, dynamic: /[$`*?[]/.test(name) });
  return read.kind === 'text' ? read.text : undefined;
}
