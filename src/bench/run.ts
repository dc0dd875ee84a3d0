import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchPolicies } from './policy.js';
import { benchShell } from './shell.js';

/** `npm run bench`: every benchmark, printed and saved to bench-results/latest.json. */
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
console.log('# shell commands (issue 2)');
results.shell = await benchShell();
console.log('\n# policy overhead (issue 3)');
results.policies = await benchPolicies();
// Benchmarks of other parts register here when their modules exist (plans, hooks, server).
for (const [name, file, fn] of [
  ['plans', './plan.js', 'benchPlans'],
  ['hooks', './hooks.js', 'benchHooks'],
  ['server', './server.js', 'benchServer'],
] as const) {
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) continue;
  const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
  if (typeof mod[fn] !== 'function') continue;
  console.log(`\n# ${name}`);
  results[name] = await mod[fn]!();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
