import { GLOBAL_VALUE } from '../shell/cli-options/docker.js';
import { parseOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';

/**
 * The context `docker [GLOBAL OPTIONS] context use NAME` selects (docker's args, after its name): docker keeps
 * it in its configuration, so every later docker call of the line acts there.
 */
export function dockerContextUsed(args: readonly Word[]): Word | undefined {
  const { positionals } = parseOptions(args, { withValue: GLOBAL_VALUE, stopAtFirstPositional: true });
  const [group, verb, name] = positionals;
  if (group?.value !== 'context' || verb?.value !== 'use' || group.dynamic || verb.dynamic) return undefined;
  return name;
}
