#!/usr/bin/env node

// `interlock hook <agent>` runs on every tool call an agent makes: skip loading the command-line parser.
const [subcommand, ...rest] = process.argv.slice(2);
// One-shot commands compile WebAssembly with the baseline tier only (see short-lived.ts); so does a batch,
// whose input ends: on 10,000 lines, optimising cedar-wasm and the SQL parser cost more CPU than it saved.
const longRunning = ['serve', 'daemon', 'mcp-proxy'].includes(subcommand ?? '');
/** The commands run from the bundle (one-shot.ts), which a running daemon may answer instead. */
const ONE_SHOT = ['check', 'explain', 'plan', 'policy'];
/** main.js (an ES module, as built) and main.cjs (the installed `interlock`: see scripts/bundle.mjs) run this. */
async function main(): Promise<void> {
  if (subcommand === 'hook' && rest.length > 0 && !rest.includes('--help') && !rest.includes('-h')) {
    if (!longRunning) (await import('./short-lived.js')).preferQuickStart();
    // The bundled fast entry (see hook-fast.ts): the daemon's socket first, else the bundled full hook.
    // Required, not imported: importing CommonJS from an ES module costs ~50 ms of export analysis here.
    const fast = (await requireBeside())('./hook-fast.cjs') as typeof import('./hook-fast.js');
    process.exitCode = await fast.runFastHook(rest).catch(async (error: unknown) => {
      // As in hook-bin.ts: whatever goes wrong blocks the tool call; a crash (exit 1) would let most agents go on.
      process.stderr.write(
        `interlock hook: ${error instanceof Error ? error.message : String(error)}; blocking this tool call to be safe.\n`,
      );
      return (await import('../core/exit-codes.js')).EXIT_CODES['hook-block'];
    });
  } else {
    // `check`, `explain`, `plan check` and `policy list` ask the running daemon first (see cli-fast.ts): no bundle to load
    // when it answers.
    const served = ONE_SHOT.includes(subcommand ?? '') ? await fromDaemon(process.argv.slice(2)) : undefined;
    // Nothing else is under way once the answer is out: leave without Node's teardown of an idle process.
    if (served !== undefined) process.exit(served);
    else {
      const commandLine = await oneShot();
      if (!longRunning) commandLine.preferQuickStart();
      const code = await commandLine.runCommandLine(process.argv.slice(2));
      // A one-shot command has answered, its audit entry committed and flushed before that: leave once the
      // output is out. Node's teardown would close the audit log, and SQLite checkpoints the log's WAL into
      // the database at close and deletes it (two more fsyncs, and the next command creates and syncs a new one).
      if (ONE_SHOT.includes(subcommand ?? '')) await leave(code, commandLine.stdioMayHoldOutput());
      process.exitCode = code;
    }
  }
}

void main();

/**
 * Exit with `code` once what was written to stdout and stderr is out (pipes are asynchronous on macOS, and
 * on Linux once full). `mayHold` is false when no stdio stream was made (the answer was written to the
 * descriptors): asking for the streams would make them (~3.5 ms).
 */
async function leave(code: number, mayHold: boolean): Promise<never> {
  if (!mayHold) process.exit(code);
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => stream.write('', () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** The daemon's answer, printed (dist/cli/cli-fast.cjs, built-ins only): its exit code, else undefined. */
async function fromDaemon(args: readonly string[]): Promise<number | undefined> {
  const requireHere = await requireBeside();
  try {
    const fast = requireHere('./cli-fast.cjs') as typeof import('./cli-fast.js');
    return await fast.answerFromDaemon(args);
  } catch {
    return undefined; // no bundle (running as built), or no directory to name: decided here
  }
}

/** one-shot.ts as one CommonJS file (dist/cli/one-shot.cjs), or as built when the bundles were not made. */
async function oneShot(): Promise<typeof import('./one-shot.js')> {
  const requireHere = await requireBeside();
  try {
    return requireHere('./one-shot.cjs') as typeof import('./one-shot.js');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
    return import('./one-shot.js');
  }
}

/**
 * `require` for files beside this one: CommonJS's own in main.cjs (importing node:module there would start
 * Node's ES module loader, ~2 ms), one made by node:module in main.js (an ES module, as built).
 */
async function requireBeside(): Promise<NodeJS.Require> {
  if (typeof require === 'function') return require;
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url);
}
