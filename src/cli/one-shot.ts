import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemMode } from '../daemon/system-trust.js';
import { requireBundle } from './bundle-loader.js';

// The one-shot commands run from the bundle (dist/cli/hook-bundle.cjs) with its V8 code cache: loading
// two hundred modules and compiling them cost a one-shot `check` about a quarter of its time. The others
// (servers, setup, daemons) load the modules as built: they run long, or find files beside their module.
// main.js requires this file's own bundle (dist/cli/one-shot.cjs, node built-ins only): one CommonJS file
// instead of the eight ES modules it imports, which Node resolves and links one by one.
const FROM_BUNDLE = new Set(['check', 'explain', 'plan', 'policy']);

export { preferQuickStart } from './short-lived.js';
export { stdioMayHoldOutput } from './stdio-writer.js';

/** Run the command line on `args`; the exit code. */
export async function runCommandLine(args: readonly string[]): Promise<number> {
  const bundle = fileURLToPath(new URL('./hook-bundle.cjs', import.meta.url));
  if (!FROM_BUNDLE.has(args[0] ?? '') || !existsSync(bundle))
    return (await import('./all-commands.js')).runProgram(args);
  const loaded = requireBundle(bundle, process.env, systemMode(process.env), args[0]);
  const code = await (loaded.exports as typeof import('./bundle-entry.js')).runOneShot(args);
  loaded.save(); // after the work, so that the cache holds what the command compiled
  return code;
}
