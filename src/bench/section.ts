import { writeFileSync } from 'node:fs';

// Runs one benchmark section in its own process: `node section.js <module> <function> <result-file>`.
// A section that crashes V8 or leaks load into the next one cannot spoil the others.
const [file, fn, out] = process.argv.slice(2);
if (!file || !fn || !out) throw new Error('usage: section.js <module> <function> <result-file>');
const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
const run = mod[fn];
if (typeof run !== 'function') throw new Error(`${file} has no function ${fn}`);
writeFileSync(out, JSON.stringify((await run()) ?? null));
