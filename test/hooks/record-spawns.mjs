// Test helper: `node --import ./record-spawns.mjs …` appends the command line of every process this process
// starts (child_process.spawn) to the file named by INTERLOCK_TEST_SPAWN_LOG, one JSON array a line: what a
// hook started, known as soon as it exits, without waiting to see whether something appears.
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.INTERLOCK_TEST_SPAWN_LOG;
const spawn = childProcess.spawn;
childProcess.spawn = function (command, args, ...rest) {
  if (log) appendFileSync(log, `${JSON.stringify([command, ...(Array.isArray(args) ? args : [])])}\n`);
  return spawn.call(this, command, args, ...rest);
};
syncBuiltinESMExports();
