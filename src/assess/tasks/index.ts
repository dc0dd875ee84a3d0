import { readJustfile } from './justfile.js';
import { readMakefile } from './makefile.js';
import { readPackageJson } from './package-json.js';
import { readTaskfile } from './taskfile.js';
import type { TaskFormat, TaskReader } from './types.js';

// Task runners whose tasks are assessed by what they run: the runner's file, read at the edge, says
// which shell commands a task runs; those commands are then assessed as if typed.

export { isTaskRunner, STDIN, taskRequest } from './request.js';
export type { Recipe, TaskRequest } from './types.js';

/** One reader per kind of file. */
export const TASK_READERS: Readonly<Record<TaskFormat, TaskReader>> = {
  make: readMakefile,
  'package-json': readPackageJson,
  just: readJustfile,
  task: readTaskfile,
};
