import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // Setup that starts a process or makes a PostgreSQL schema can take seconds on a loaded machine.
    hookTimeout: 60000,
    pool: 'forks',
    // The built CLI (dist/, see test/support/cli.ts) is loaded by Node as it is, not transformed.
    server: { deps: { external: [/\/dist\//] } },
  },
});
