import { changedFile, userInterlockDir } from '../../analyzers/sensitive-files.js';
import type { Placement } from '../../core/place.js';
import type { ActionFacts, PlacedEffect } from '../../core/types.js';
import { fileWriteEffects } from '../file-write.js';
import { flagArg, stringArg, words } from './words.js';

// A filesystem server's write or edit (write_file, edit_file, edit_block) is what the agent's own Write and
// Edit tools are to its hooks: an ordinary file is the agent's work, a sensitive one (credentials, keys,
// shell startup files, system configuration, Terraform state, Interlock's own configuration) is judged as
// a change to that file. A forge's file tools (a repository's path, with owner and repo) are not this.

const WRITES = new Set(['write', 'edit', 'create', 'append', 'overwrite', 'save', 'replace', 'patch']);
const FILES = new Set(['file', 'files', 'block', 'text', 'content']);
const PATH_KEYS = [
  'path',
  'file_path',
  'filePath',
  'file',
  'filename',
  'file_name',
  'fileName',
  'relative_path',
  'relativePath',
  'target_file',
  'targetFile',
  'target',
];
/** Arguments that name a repository elsewhere: the path is in it, not on this machine. */
const REMOTE_KEYS = ['owner', 'repo', 'repository', 'project_id', 'projectId'];

/** Undefined when the call is not a local file write; else its effects (none for an ordinary file). */
export function fileWriteCall(
  tool: string,
  args: unknown,
  facts: ActionFacts,
  placement: Placement,
  declares: readonly string[] = [],
): PlacedEffect[] | undefined {
  const ws = words(tool);
  const verb = ws.find((w) => WRITES.has(w));
  if (!verb || !ws.some((w) => FILES.has(w))) return undefined;
  if (REMOTE_KEYS.some((k) => stringArg(args, k) !== undefined)) return undefined;
  // A rehearsal (edit_file's dryRun) shows the diff and writes nothing: only where the tool's schema has it.
  const rehearsal = ['dryRun', 'dry_run'].filter((k) => declares.includes(k));
  if (rehearsal.length && flagArg(args, ...rehearsal)) return [];
  const path = stringArg(args, ...PATH_KEYS);
  if (!path) return undefined;
  const { cwd, home } = facts;
  const file = changedFile(path, { cwd, home, userConfigDir: userInterlockDir(facts.env, home) });
  if (!file) return [];
  const append = /append/i.test(stringArg(args, 'mode') ?? '') || verb === 'append';
  const change =
    verb === 'write' || verb === 'create' || verb === 'overwrite' || verb === 'save' ? 'write' : 'edit';
  return fileWriteEffects(`mcp:${tool}`, [{ file, change: append ? 'edit' : change }], facts, placement);
}
