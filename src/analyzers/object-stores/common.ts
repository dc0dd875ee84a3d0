import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { localTree } from '../backup/common.js';
import { bucketHints, bucketUrl, cloudEffect } from '../cloud/common.js';

// Shared by the object-store CLIs: a location is a bucket (remote, placed by its names and endpoint) or a
// path on this machine (a mirror or sync that deletes locally).

export interface Location {
  /** How the location reads in a target: `alias/bucket/prefix`, `s3://bucket/key`, a URL or a path. */
  target: string;
  hints: EnvironmentHint[];
  local: boolean;
  /** It names a whole bucket or container, or everything under a prefix (a wildcard, a trailing `/`). */
  whole: boolean;
  /** A local path's own risk, as paths.ts weighs it. */
  localRisk?: Risk;
}

/** A path on this machine as a location (mirrors and syncs that land here). */
export function localLocation(inv: Invocation, path: Word): Location {
  const tree = localTree(inv, path);
  return { target: tree.path, hints: [], local: true, whole: true, localRisk: tree.risk };
}

export function isLocalPath(path: Word): boolean {
  return /^(\/|\.\.?(\/|$)|~)/.test(path.value);
}

/**
 * An `s3://bucket/key` operand (or a local path) of the S3 CLIs (s3cmd, s5cmd), placed by `hints` and its
 * bucket. `recursive`: the command's own flag makes any prefix mean everything under it.
 */
export function s3Location(
  inv: Invocation,
  path: Word,
  hints: EnvironmentHint[],
  recursive = false,
): Location {
  const url = bucketUrl(path);
  if (!url || isLocalPath(path)) return localLocation(inv, path);
  const whole = recursive || url.whole || path.value.endsWith('/') || /[*?]/.test(url.key) || !!url.dynamic;
  return { target: path.value, hints: [...hints, ...bucketHints([url])], local: false, whole };
}

/** A deletion's effect; on a local path the risk is the path's own (a scratch directory is routine). */
export function storeEffect(
  tool: string,
  operation: Operation,
  risk: Risk,
  where: Location,
  reason: string,
  category = 'bucket',
): Effect {
  const localRisk = where.localRisk === 'none' ? 'low' : where.localRisk;
  const effect = cloudEffect(tool, {
    operation,
    risk: where.local && localRisk ? localRisk : risk,
    target: where.target,
    reason,
    category: where.local ? 'file' : category,
    hints: where.hints,
  });
  if (!where.local) effect.local = false;
  return effect;
}
