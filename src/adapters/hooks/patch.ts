import type { FileChange } from './types.js';

// Codex sends its file edits as an apply_patch envelope:
//   *** Begin Patch
//   *** Add File: path | *** Update File: path [*** Move to: path] | *** Delete File: path
//   *** End Patch
// Every file named there is a file the patch changes.

const HEADER = /^\*\*\* (Add|Update|Delete) File: (.+?)\s*$/;
const MOVE = /^\*\*\* Move to: (.+?)\s*$/;

export function patchedFiles(patch: string): FileChange[] {
  const files: FileChange[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const header = HEADER.exec(line);
    if (header) {
      const kind = header[1];
      files.push({
        path: header[2]!,
        change: kind === 'Delete' ? 'delete' : kind === 'Add' ? 'write' : 'edit',
      });
      continue;
    }
    const move = MOVE.exec(line);
    if (move) files.push({ path: move[1]!, change: 'write' });
  }
  return files;
}

/** `apply_patch <<'EOF' … EOF` run through the shell tool: the patch inside, when the command is one. */
export function patchInShellCommand(command: string): string | undefined {
  if (!/(^|[\s/])apply_patch\b/.test(command) || !command.includes('*** Begin Patch')) return undefined;
  return command.slice(command.indexOf('*** Begin Patch'));
}
