import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemMode } from '../daemon/system-trust.js';
import { requireBundle } from './bundle-loader.js';

// The file a `check --batch` worker thread starts (dist/cli/batch-worker.js): it runs batch-thread.ts
// from the bundle beside it when there is one (one file loads far faster than two hundred modules), with
// the code `check` compiled and cached (bundle-loader.ts), which it reads and leaves to `check` to write.

const bundle = fileURLToPath(new URL('./hook-bundle.cjs', import.meta.url));
const thread = existsSync(bundle)
  ? (requireBundle(bundle, process.env, systemMode(process.env), 'check')
      .exports as typeof import('./bundle-entry.js'))
  : await import('./batch-thread.js');
await thread.runBatchThread();
