import type { Invocation } from '../analyzer.js';
import { resolvePath } from '../paths.js';

// The text of a manifest `-f` names: a static here-document or pipe for `-f -`, or a file of this machine
// read through the edge's `readScript` (`kubectl apply -f job.yaml` ran a Job that deletes data, unseen:
// only here-documents were read). A URL, a directory, a computed path or a file that cannot be read as
// text has no text here, and stays judged by its name.

export function manifestText(inv: Invocation, file: string): string | undefined {
  if (file === '-' || file === '')
    return inv.stdinText && !inv.stdinText.dynamic ? inv.stdinText.value : undefined;
  const read = inv.facts.readScript;
  if (!read || inv.remote || /^[a-z][a-z0-9+.-]*:\/\//i.test(file) || /[$`*?[]/.test(file)) return undefined;
  const script = read(resolvePath(file, inv.facts.cwd, inv.facts.home));
  return script.kind === 'text' ? script.text : undefined;
}
