import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { cloudEffect, hintsFrom, nameHintsFrom } from '../cloud/common.js';
import { classifyPath, resolvePath } from '../paths.js';
import { hostOf } from '../services/common.js';

// Shared by the backup tools: where a repository is, and the effects they report.

/** Where a repository or remote path lands: the hints that place it, and whether it is this machine. */
export interface Place {
  hints: EnvironmentHint[];
  local: boolean;
}

/** Backends named by a bucket or container (`b2:bucket:path`), not a host. */
const NAMED_BACKENDS = new Set(['b2', 'gs', 'azure', 'swift', 'rclone']);
/** Prefixes before a URL or a host (`rest:https://…`, `sftp:user@host:/path`, `s3:host/bucket`). */
const URL_BACKENDS = new Set(['rest', 'sftp', 's3']);

/**
 * A repository as restic and borg spell it: a local path (`/srv/repo`, `local:/srv/repo`), a host
 * (`ssh://user@host/path`, `user@host:path`, `sftp:…`, `rest:https://…`, `s3:host/bucket`) or a bucket
 * (`b2:bucket:path`). The host is a fact; bucket and path names are weak hints (they may only raise).
 */
export function repositoryPlace(source: string, text: string | undefined): Place {
  if (!text) return { hints: [], local: false };
  if (/^(local:)?[/.~]/.test(text) || !text.includes(':'))
    return { hints: nameHintsFrom(source, text), local: true };
  const scheme = /^([a-z0-9]+):(?!\/\/)/i.exec(text)?.[1]?.toLowerCase() ?? '';
  const rest = NAMED_BACKENDS.has(scheme) || URL_BACKENDS.has(scheme) ? text.slice(scheme.length + 1) : text;
  if (NAMED_BACKENDS.has(scheme)) return { hints: nameHintsFrom(source, rest), local: false };
  const host = hostOf(rest);
  const path = rest.slice(rest.indexOf(host) + host.length).replace(/^:\d*/, '');
  return { hints: [...hintsFrom(source, host), ...nameHintsFrom(source, path)], local: false };
}

export interface BackupSpec {
  operation: Operation;
  risk: Risk;
  target: string;
  reason: string;
  place: Place;
  category?: string;
}

export function backupEffect(tool: string, spec: BackupSpec): Effect {
  const effect = cloudEffect(tool, {
    operation: spec.operation,
    risk: spec.risk,
    target: spec.target,
    reason: spec.reason,
    category: spec.category ?? 'backup',
    hints: spec.place.hints,
  });
  if (!spec.place.local) effect.local = false;
  return effect;
}

/** A path on this machine, weighed as paths.ts weighs any tree that is written over or deleted. */
export function localTree(inv: Invocation, path: Word): { path: string; risk: Risk; why: string } {
  if (path.dynamic) return { path: path.value, risk: 'high', why: 'a path computed at run time' };
  const resolved = resolvePath(path.value, inv.facts.cwd, inv.facts.home);
  const cls = classifyPath(resolved, { cwd: inv.facts.cwd, home: inv.facts.home, recursive: true });
  return { path: resolved, risk: cls.risk, why: cls.why };
}
