import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// `interlock serve` processes on one database, as an operator runs replicas behind a load balancer: the
// server benches and the soak start, kill -9 and restart them through this.

// INTERLOCK_BENCH_CLI: another build's dist/cli/main.js, to run its replicas under the same bench (before/after).
const CLI = process.env.INTERLOCK_BENCH_CLI ?? fileURLToPath(new URL('../cli/main.js', import.meta.url));

// The load is far above any sane breaker limit; the breaker has its own tests.
const NO_BREAKER = 'server:\n  circuitBreaker:\n    maxDestructive: 0\n';

export interface Replica {
  url: string;
  child: ChildProcess;
  /** kill -9, and wait until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), and wait until it is gone. */
  stop(): Promise<void>;
}

const gone = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

const TICKS_PER_SECOND = 100; // Linux's USER_HZ, what /proc/<pid>/stat counts in

/** CPU time (user + system, ms) the replica's process has used so far; Linux only, else 0. */
export function replicaCpuMs(replica: Replica): number {
  try {
    const stat = readFileSync(`/proc/${replica.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the file (utime, stime), counted from the state, field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Start one replica with its own user configuration (no circuit breaker); resolves once it listens. */
export async function startReplica(database: string): Promise<Replica> {
  const xdg = mkdtempSync(join(tmpdir(), 'interlock-replica-'));
  mkdirSync(join(xdg, 'interlock'));
  writeFileSync(join(xdg, 'interlock', 'config.yaml'), NO_BREAKER);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--database', database, '--quiet'], {
    cwd: xdg,
    env: { PATH: process.env.PATH ?? '', HOME: xdg, XDG_CONFIG_HOME: xdg },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(xdg, { recursive: true, force: true }));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`interlock serve did not start: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
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
  return {
    url,
    child,
    kill: () => {
      child.kill('SIGKILL');
      return gone(child);
    },
    stop: () => {
      child.kill('SIGTERM');
      return gone(child);
    },
  };
}
