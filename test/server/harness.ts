import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach } from 'vitest';
import { ApprovalClient } from '../../src/approvals/http.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/serve.js';
import { createToken } from '../../src/server/tokens.js';
import type { Store } from '../../src/store/types.js';
import { CLI } from '../support/cli.js';
import { sharedRuntime } from '../support/runtime.js';
import { SQLITE } from '../store/stores.js';
import { tempTree } from '../support/tmp.js';

export interface People {
  agent: string;
  codex: string;
  alice: string;
  bob: string;
  carol: string;
  dan: string;
  /** Five more platform approvers, for the concurrency tests. */
  platform: string[];
}

/** Tokens for an agent acting for alice, and humans in and out of the platform group. */
export async function people(store: Store): Promise<People> {
  const make = async (kind: 'agent' | 'human', name: string, groups: string[] = [], actsFor?: string) =>
    (await createToken(store, { kind, name, groups, ...(actsFor ? { actsFor } : {}), createdBy: 'test' }))
      .token;
  return {
    agent: await make('agent', 'claude', [], 'alice'),
    codex: await make('agent', 'codex', [], 'erin'),
    alice: await make('human', 'alice', ['platform']),
    bob: await make('human', 'bob', ['platform']),
    carol: await make('human', 'carol', ['platform', 'sre']),
    dan: await make('human', 'dan', ['data']),
    platform: await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map((n) => make('human', n, ['platform']))),
  };
}

export async function serverOn(store: Store, options: Partial<StartOptions> = {}): Promise<RunningServer> {
  // One runtime (parsers and the built-in policies) for every server of a test file.
  return startServer({ store, port: 0, sweepMs: 3_600_000, runtime: await sharedRuntime(), ...options });
}

/**
 * A server on a fresh SQLite store, with its people, made before each test of the calling file and closed
 * after; `database` opens the same data from another process.
 */
export function serverEachTest(): {
  readonly server: RunningServer;
  readonly who: People;
  readonly store: Store;
  readonly database: string;
} {
  const now = {} as { server: RunningServer; who: People; store: Store; database: string };
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const made = await SQLITE.create();
    ({ store: now.store, database: now.database, cleanup } = made);
    now.who = await people(made.store);
    now.server = await serverOn(made.store);
  });
  afterEach(async () => {
    await now.server.close();
    await cleanup();
  });
  return now;
}

export const clientOf = (server: { url: string }, token: string) => new ApprovalClient(server.url, token);

/** `interlock serve` in its own process, as an operator would run it; resolves once it listens. */
export async function spawnServer(
  database: string,
  options: { config?: string; env?: Record<string, string> } = {},
): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  // The user configuration (XDG_CONFIG_HOME) is the test's own: a config.yaml, or none.
  const xdg = tempTree(options.config ? { 'interlock/config.yaml': options.config } : {});
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--database', database, '--quiet'], {
    cwd: xdg,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      XDG_CONFIG_HOME: xdg,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    // Generous: a loaded machine can take many seconds to start a process.
    const timer = setTimeout(() => reject(new Error(`interlock serve did not start: ${stderr}`)), 60_000);
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`interlock serve exited with ${code}: ${stderr}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, url, stop };
}
