import { createRequire } from 'node:module';
import { join } from 'node:path';
import { userConfigDir } from '../config/discover.js';
import type { SystemMode } from '../daemon/system-trust.js';
import { requireWithCodeCache, type CachedModule } from './code-cache.js';

/**
 * Load the bundle (dist/cli/hook-bundle.cjs) with the V8 code cache kept in the user's configuration.
 * Once Interlock runs as its own user (system mode), that cache is the agent's user's to write, and
 * compiled code is never taken from a file the agent could have written: the bundle is compiled afresh.
 * `use` names the caller's own cache (the hook's by default; each one-shot command its own).
 */
export function requireBundle(
  bundle: string,
  env: NodeJS.ProcessEnv,
  system: SystemMode | undefined,
  use?: string,
): CachedModule {
  if (system) return { exports: createRequire(bundle)(bundle) as unknown, save() {} };
  return requireWithCodeCache(bundle, join(userConfigDir(env), 'cache', 'v8'), use);
}
