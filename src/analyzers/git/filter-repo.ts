import { hasOption, parseOptions } from '../../shell/options.js';
import type { Args } from './common.js';

/** git filter-repo's options that take a value (the next word, or `--opt=value`). */
const FILTER_REPO_VALUES = [
  '--path',
  '--path-glob',
  '--path-regex',
  '--path-rename',
  '--paths-from-file',
  '--subdirectory-filter',
  '--to-subdirectory-filter',
  '--strip-blobs-bigger-than',
  '--strip-blobs-with-ids',
  '--replace-text',
  '--replace-message',
  '--mailmap',
  '--tag-rename',
  '--refs',
  '--source',
  '--target',
  '--replace-refs',
  '--prune-empty',
  '--prune-degenerate',
  '--filename-callback',
  '--message-callback',
  '--name-callback',
  '--email-callback',
  '--refname-callback',
  '--blob-callback',
  '--commit-callback',
  '--tag-callback',
  '--reset-callback',
  '--report-dir',
];

/**
 * `--analyze` only writes a report under .git/filter-repo/analysis, `--dry-run` only the fast-export streams
 * to compare: neither rewrites a commit. Written whole only, so an abbreviation never hides a rewrite.
 */
const REWRITES_NOTHING = ['--analyze', '--dry-run', '--help', '-h', '--version'];

/** Whether a git filter-repo (or bfg) run only reports, leaving the history as it is. */
export function rewritesNothing(args: Args): boolean {
  return hasOption(parseOptions(args, { withValue: FILTER_REPO_VALUES }), ...REWRITES_NOTHING);
}
