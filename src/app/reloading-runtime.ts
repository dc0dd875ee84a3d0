import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { findProjectConfigDir, userConfigDir } from '../config/discover.js';
import { MANAGED_CONFIG_DIR } from '../config/managed.js';
import { loadParsers, type LoadedParsers } from './checker.js';
import { assembleRuntime, loadPolicies, type Runtime, type RuntimeOptions } from './runtime.js';

export interface ReloadingRuntime {
  /** The runtime in force now; swapped atomically when a configuration or policy file changes. */
  current(): Runtime;
  /** Re-read the files now (also what the file watcher calls). */
  reload(): Promise<Runtime>;
  close(): void;
}

/**
 * For long-running processes (server, daemon, proxy): policies are parsed once and parsed again only when
 * a file under `.interlock/`, the user configuration or the managed one changes. A bad edit swaps in the fail-closed
 * evaluator (and reports it) rather than keeping stale rules silently.
 */
export async function createReloadingRuntime(
  options: RuntimeOptions & { onReload?: (rt: Runtime) => void; debounceMs?: number } = {},
): Promise<ReloadingRuntime> {
  const parsers: LoadedParsers = await loadParsers({ eagerSql: options.eagerSql ?? true });
  const build = async (): Promise<Runtime> => assembleRuntime(parsers, await loadPolicies(options));
  let runtime = await build();
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  const reload = async () => {
    const mine = ++generation;
    const next = await build();
    if (mine === generation) {
      runtime = next;
      options.onReload?.(next);
    }
    return runtime;
  };
  const watchers: FSWatcher[] = [];
  const cwd = options.cwd ?? process.cwd();
  const dirs = [
    options.managedDir ?? MANAGED_CONFIG_DIR,
    findProjectConfigDir(cwd),
    userConfigDir(options.env),
  ].filter((d): d is string => !!d);
  for (const dir of dirs) {
    for (const target of [dir, join(dir, 'policies')]) {
      if (!existsSync(target)) continue;
      const watcher = watch(target, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), options.debounceMs ?? 100);
      });
      watcher.unref();
      watchers.push(watcher);
    }
  }
  return {
    current: () => runtime,
    reload,
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
