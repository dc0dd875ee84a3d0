import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The newest installed PostgreSQL's programs (Debian's /usr/lib/postgresql/<version>/bin), for tests that
 * start a cluster of their own; INTERLOCK_TEST_PG_BIN overrides. Undefined when none is installed.
 */
export const POSTGRES_BIN: string | undefined = (() => {
  if (process.env.INTERLOCK_TEST_PG_BIN) return process.env.INTERLOCK_TEST_PG_BIN;
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join('/usr/lib/postgresql', versions[0], 'bin') : undefined;
})();
