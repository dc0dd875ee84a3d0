import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readAll } from './read-input.js';
import { stringEnv } from '../daemon/forwardable-env.js';
import { stateFile } from '../daemon/state-file.js';
import type { SystemMode } from '../daemon/system-trust.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// The hook's fast entry (hook-fast.ts) when the daemon did not answer: read-only tools and ordinary edits
// answered at once, anything else by the full hook in this process, then the daemon started for the next
// calls; also `--post-tool` and a hook run by hand. Its own file (dist/cli/hook-local.cjs), loaded only on
// these paths, so that the fast entry Node compiles on every tool call stays small.

/** The bundled full hook, with its V8 code cache; `save` keeps what this run compiled. */
async function loadFullHook(
  system: SystemMode | undefined,
): Promise<{ hook: typeof import('./hook.js'); save: () => void }> {
  // Loaded only here: the daemon path needs neither node:v8 nor node:vm.
  const [{ preferQuickStart }, { requireBundle }] = await Promise.all([
    import('./short-lived.js'),
    import('./bundle-loader.js'),
  ]);
  preferQuickStart();
  const bundle = bundledFullHook();
  if (!bundle) return { hook: await import('./hook.js'), save: () => {} };
  const loaded = requireBundle(bundle, process.env, system);
  return { hook: loaded.exports as typeof import('./hook.js'), save: loaded.save };
}

/** No agent named, or input from a terminal: the full hook says what it needs. */
export async function runFullHook(
  agent: string | undefined,
  options: { daemon: boolean; system: SystemMode | undefined },
): Promise<number> {
  const { hook } = await loadFullHook(options.system);
  return hook.runHook(agent, { daemon: options.daemon, ...(options.system ? { system: true } : {}) });
}

/**
 * Decide `raw` in this process: read-only tools, ordinary edits and unreadable input without loading the
 * full hook, the rest with it. Then, with `startDaemon`, start the daemon in the background (stopping
 * `replace`, an autostarted daemon of another build, first).
 */
export async function decideHere(
  agent: string,
  raw: string,
  options: { system: SystemMode | undefined; askOverHttp: boolean; startDaemon: boolean; replace?: number },
): Promise<number> {
  const { system } = options;
  const { answerAtOnce } = await import('./hook-preflight.js');
  const quick = await answerAtOnce(agent, raw, { env: stringEnv(process.env), cwd: process.cwd() });
  let code: number;
  if (quick) {
    if (quick.stderr) process.stderr.write(quick.stderr);
    process.stdout.write(quick.stdout);
    code = quick.exitCode;
  } else {
    const { hook, save } = await loadFullHook(system);
    code = await hook.runHookOn(agent, raw, {
      daemon: options.askOverHttp && !system,
      preflighted: true,
      ...(system ? { system: true } : {}),
    });
    save();
  }
  const main = options.startDaemon ? mainScript() : undefined;
  if (main) {
    const { startDaemonInBackground } = await import('../daemon/autostart.js');
    if (options.replace !== undefined) stopDaemon(options.replace);
    startDaemonInBackground(main, stateFile(process.env), process.env);
  }
  return code;
}

/**
 * `--post-tool`: the agent's post-tool event, recorded as an execution. The command already ran, so this
 * never blocks: whatever goes wrong, exit 0 with no opinion.
 */
export async function postTool(agent: string | undefined, system: SystemMode | undefined): Promise<number> {
  if (process.stdin.isTTY) return EXIT_CODES.ok;
  try {
    const raw = await readAll(process.stdin);
    const { hook } = await loadFullHook(system);
    return await hook.runPostToolHookOn(agent, raw, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (error) {
    if (process.env.INTERLOCK_DEBUG)
      process.stderr.write(
        `interlock hook --post-tool: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    return EXIT_CODES.ok;
  }
}

/** Stop an autostarted daemon of an older build (ours to replace: it was started to leave when idle). */
function stopDaemon(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** dist/cli/main.js, beside the bundled entry (the daemon is started through the full command line). */
function mainScript(): string | undefined {
  if (typeof __filename === 'undefined') return undefined;
  const main = join(dirname(__filename), 'main.js');
  return existsSync(main) ? main : undefined;
}

/** dist/cli/hook-bundle.cjs, when this code runs as the bundled dist/cli/hook-local.cjs beside it. */
function bundledFullHook(): string | undefined {
  if (typeof __filename === 'undefined' || !__filename.endsWith('.cjs')) return undefined;
  const bundle = join(dirname(__filename), 'hook-bundle.cjs');
  return existsSync(bundle) ? bundle : undefined;
}
