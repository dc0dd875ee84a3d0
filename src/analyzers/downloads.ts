import type { Effect, EnvironmentHint } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Invocation } from './analyzer.js';
import { downloadWrite } from './power-writes.js';

// A download from a bucket writes the file or directory it names, as `curl -o` does: `aws s3 cp s3://b/job
// /etc/cron.d/job` installs a cron job, and was allowed (only the bucket side was judged). Its local
// destination is judged as a write there (power-writes.ts): a system path, access settings or git's hooks
// are high; the project, /tmp or a file in the home directory are nothing to say. It lands where the command
// runs (an ssh host places it); the account's hints go with it, since holding a production profile's
// credentials is acting in production, as the unrecognised programs' rule has it.

/**
 * The write of a download onto `dest`, a path on the machine the command runs on. `dest` may be a directory
 * that a recursive copy or a sync fills with files named by the objects' keys, which only the run tells:
 * the ordinary write says so, for a later command of the line that runs one of them (assess/shell.ts).
 */
export function downloadWrites(
  inv: Invocation,
  dest: Word | undefined,
  hints: readonly EnvironmentHint[] = [],
): Effect[] {
  if (!dest) return [];
  const writes = downloadWrite(inv, dest).map((e): Effect =>
    e.risk === 'none' ? { ...e, namesAtRunTime: true } : e,
  );
  return hints.length ? writes.map((e) => ({ ...e, hints: [...hints] })) : writes;
}
