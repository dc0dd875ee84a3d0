import { writeFileSync } from 'node:fs';
import { TARGETS } from './targets.js';
import { watchdog } from './watchdog.js';

// One worker process of `npm run bench fuzz`: `node child.js <target> <runs> <seed> <result-file>
// <last-input-file>`. It runs one stretch of one target and writes its result; the parent starts a fresh
// process for the next stretch, so what builds up in a long-running process (a V8 abort) is contained.

/** No answer at all for this long (an infinite loop): the watchdog reports the input and kills the process. */
const STALL_MS = 60_000;

const [name, runs, seed, out, last] = process.argv.slice(2);
const open = name ? TARGETS[name] : undefined;
if (!open || !out)
  throw new Error(
    `usage: child.js <${Object.keys(TARGETS).join('|')}> <runs> <seed> <result-file> [last-input-file]`,
  );
const dog = watchdog(STALL_MS);
const target = await open();
try {
  const result = await target.run({ runs: Number(runs), seed: Number(seed), dog, lastInputFile: last });
  writeFileSync(out, JSON.stringify(result));
} finally {
  await target.close();
  await dog.stop();
}
