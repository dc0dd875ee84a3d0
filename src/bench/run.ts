import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `npm run bench`: every benchmark, each in its own process, printed and saved to bench-results/latest.json. */
const SECTIONS = [
  ['shell commands (issue 2)', 'shell', './shell.js', 'benchShell'],
  ['policy overhead (issue 3)', 'policies', './policy.js', 'benchPolicies'],
  ['plans (issue 6)', 'plans', './plan.js', 'benchPlans'],
  ['approval server (issue 4)', 'server', './server.js', 'benchServer'],
  ['web console: new request to open page (issue 16)', 'console', './console.js', 'benchConsole'],
  [
    'approval server, two PostgreSQL replicas (issue 17)',
    'replicas',
    './server-replicas.js',
    'benchReplicas',
  ],
  [
    'audit chain on PostgreSQL, two replicas: round trips and head-lock hold per batch (issue 17)',
    'pg-chain',
    './pg-chain.js',
    'benchPgChain',
  ],
  ['audit log (issue 5)', 'audit', './audit.js', 'benchAudit'],
  ['agent hooks (issue 7)', 'hooks', './hooks.js', 'benchHooks'],
  ['MCP proxy: connect, first call, each call', 'mcp', './mcp-proxy.js', 'benchMcpProxy'],
  ['one-shot commands: start-up (issue 17)', 'cli', './one-shot.js', 'benchOneShot'],
  [
    'instructions per process: hook and one-shot check against their floors (issue 17; valgrind)',
    'instructions',
    './instructions.js',
    'benchInstructions',
  ],
  ['soak: two PostgreSQL replicas, kill -9 every minute (issue 17)', 'soak', './soak.js', 'benchSoak'],
  ['fuzzing, a million inputs per target (issue 17)', 'fuzz', './fuzz.js', 'benchFuzz'],
] as const;

/** Sections that run only when named (`npm run bench fuzz`): a million inputs per target takes hours, a soak ten
 * minutes; instruction counts need valgrind and a few minutes. */
const NAMED_ONLY = new Set(['fuzz', 'soak', 'instructions']);

const only = process.argv.slice(2);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const section = fileURLToPath(new URL('./section.js', import.meta.url));
let failed = 0;
for (const [title, key, file, fn] of SECTIONS) {
  if (only.length ? !only.includes(key) : NAMED_ONLY.has(key)) continue;
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) continue;
  console.log(`\n# ${title}`);
  const out = join(tmpdir(), `interlock-bench-${process.pid}-${key}.json`);
  const run = spawnSync(process.execPath, [section, path, fn, out], { stdio: 'inherit' });
  if (run.status === 0 && existsSync(out)) {
    results[key] = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(out);
  } else {
    failed++;
    results[key] = { error: `exit ${run.status ?? run.signal}` };
    console.log(`(${key} failed: exit ${run.status ?? run.signal})`);
  }
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
