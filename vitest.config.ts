import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** This project's build output, dist/ (and not any package's). */
const DIST = new RegExp(
  `^${fileURLToPath(new URL('./dist/', import.meta.url)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Deadlines for a hang, not for speed: a test that takes 2 s alone takes 20 s or more on a loaded
    // 2-core machine, and must still pass there. Setup hooks start processes and make PostgreSQL schemas.
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: 'forks',
    // WebAssembly (Cedar, tree-sitter) compiled with the baseline tier only, as the one-shot CLI does (see
    // src/cli/short-lived.ts): most test files load it and decide a few hundred times at most, and V8's
    // optimising tier-up of the modules cost each file ~2 s of CPU on a 2-core machine. Same results.
    execArgv: ['--liftoff-only'],
    // The built CLI (dist/, see test/support/cli.ts) is loaded by Node as it is, not transformed.
    server: { deps: { external: [DIST] } },
  },
});
