import { posix } from 'node:path';
import type { Invocation } from '../analyzer.js';

// `chown -R dev:dev ~/project`, `sudo chown -R $(whoami) ~/.npm`: giving the user's own files back to the
// user (after a `sudo npm install` left root's files behind) takes nothing from anyone. Knowing who the
// user is takes the environment's USER, or the name of the home directory (/home/dev, /Users/dev).

/** Spellings that expand to the user running the command (expanded before sudo runs). */
const SELF_WORDS =
  /^(\$\{?(USER|LOGNAME)\}?|\$\((whoami|logname|id -u|id -un|id -nu|id -g|id -gn|id -ng)\)|`(whoami|logname|id -un?|id -gn?)`|\$\{?UID\}?)$/;

/** The user's login name, when the facts say it. */
function userName(inv: Invocation): string | undefined {
  const fromEnv = inv.env('USER') ?? inv.env('LOGNAME');
  if (fromEnv) return fromEnv;
  const home = inv.facts.home.replace(/\/+$/, '');
  return /^\/(home|Users)\/[^/]+$/.test(home) ? posix.basename(home) : undefined;
}

/** Whether one name of a `USER:GROUP` pair is the user (or the user's own group, named like the user). */
function isSelf(name: string, user: string | undefined): boolean {
  return SELF_WORDS.test(name) || (user !== undefined && name === user);
}

/**
 * Whether `owner` (chown's `USER[:GROUP]`, chgrp's `GROUP`) gives the files to the user: every name it
 * gives is the user's, and it gives at least one.
 */
export function ownedBySelf(inv: Invocation, owner: string): boolean {
  const user = userName(inv);
  if (isSelf(owner, user)) return true;
  // `dev:dev`, `dev:`, `:dev`, and the old `dev.dev`.
  const names = owner.split(owner.includes(':') ? ':' : '.').filter((n) => n !== '');
  return names.length > 0 && names.every((n) => isSelf(n, user));
}
