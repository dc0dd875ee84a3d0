import type { Outcome } from '../core/types.js';
import { InputError } from '../core/errors.js';

/** A policy file as loaded: where it came from (for `policy list` and error messages) and its text. */
export interface PolicySource {
  /** File path, or `pack:<name>` for a built-in pack. */
  origin: string;
  text: string;
  /** A user or project tier's policy: it may make a verdict stricter, never let through what the others do not. */
  tightenOnly?: boolean;
}

/** One policy, with the annotations that turn Cedar's permit/forbid into Interlock's outcomes. */
export interface CompiledPolicy {
  id: string;
  origin: string;
  line: number;
  effect: 'permit' | 'forbid';
  outcome: Outcome;
  approvals: number;
  group?: string;
  allowOwnTeam: boolean;
  message?: string;
  text: string;
  tightenOnly?: boolean;
}

/** A policy that cannot be used; `origin` and `line` say where. */
export class PolicyError extends InputError {
  constructor(
    message: string,
    readonly origin: string,
    readonly line?: number,
  ) {
    super(line ? `${origin}:${line}: ${message}` : `${origin}: ${message}`);
  }
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
