import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readState } from '../daemon/state-file.js';
import { median, roundRobin, waitFor, type Variant } from './spawn-timing.js';

// `node dist/bench/run.js cli`: what a one-shot command costs from spawn to exit, as a multiple of
// `node -e 0` measured in the same round-robin (the machine is shared: read the ratios), with warm caches
// (the bundle's V8 code cache and remembered verdicts, as after the first call), and its mean CPU time.
// COMPARE=<another build's bin, e.g. dist/cli/main.js> runs that build's commands in the same round-robin.
// Each build is measured twice: with no daemon, and with its own daemon running for the commands' HOME
// (check, explain, plan check and policy list then ask it).

// The installed `interlock` (package.json's bin; main.js before the fourth session of issue 17).
const MAIN = fileURLToPath(new URL('../cli/main.cjs', import.meta.url));
const PLAN = fileURLToPath(
  new URL('../../test/fixtures/plans/terraform-aws-production.json', import.meta.url),
);

/** CPU time (user + system, ms) a running process has used; Linux only, else 0. */
function processCpuMs(pid: number): number {
  try {
    // After the command name in parentheses: field 14 is utime, 15 stime (clock ticks, 100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** `main`'s daemon for `env`, as a user runs it; resolves once its state file names it. */
export async function startDaemon(main: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const file = join(env.XDG_CONFIG_HOME!, 'interlock', 'daemon.json');
  mkdirSync(join(env.XDG_CONFIG_HOME!, 'interlock'), { recursive: true });
  const child = spawn(process.execPath, [main, 'daemon', 'start', '--port', '0', '--quiet'], {
    env,
    stdio: 'ignore',
  });
  await waitFor('the daemon', () => (readState(file)?.pid === child.pid ? true : undefined));
  return child;
}

export async function benchOneShot(options: { rounds?: number } = {}) {
  const rounds = options.rounds ?? 21;
  const home = mkdtempSync(join(tmpdir(), 'interlock-bench-cli-'));
  const cwd = join(home, 'project');
  mkdirSync(cwd);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
  };
  // Each build its own caches (a code cache belongs to one bundle), and its own HOME for its daemon.
  const envOf = (label: string): NodeJS.ProcessEnv => ({
    ...env,
    XDG_CONFIG_HOME: join(home, `.config${label.replace(/\W/g, '')}`),
  });
  const commands = (main: string, label: string): Variant[] => {
    const cli = (name: string, args: string[], exitCodes: number[] = [0]): Variant => ({
      name: `${name}${label}`,
      args: [main, ...args],
      input: '',
      env: envOf(label),
      exitCodes,
    });
    return [
      cli('check -- ls', ['check', '--cwd', cwd, '--', 'ls']),
      cli('check --json -- rm -rf /', ['check', '--json', '--cwd', cwd, '--', 'rm', '-rf', '/'], [3, 4, 5]),
      cli(
        'explain -- terraform destroy',
        ['explain', '--cwd', cwd, '--', 'terraform', 'destroy'],
        [0, 3, 4, 5],
      ),
      cli('plan check (aws production)', ['plan', 'check', PLAN], [0, 3, 4, 5]),
      cli('policy list', ['policy', 'list', '--cwd', cwd]),
    ];
  };
  const compare = process.env.COMPARE;
  const builds = [{ main: MAIN, label: '' }, ...(compare ? [{ main: compare, label: ' (COMPARE)' }] : [])];
  const variants: Variant[] = [
    { name: 'node -e 0', args: ['-e', '0'], input: '', env },
    ...builds.flatMap(({ main, label }) => [...commands(main, label), ...commands(main, `${label} daemon`)]),
  ];
  const cpu = new Map<string, number[]>();
  const daemons: ChildProcess[] = [];
  try {
    for (const { main, label } of builds) daemons.push(await startDaemon(main, envOf(`${label} daemon`)));
    const daemonCpu = daemons.map((d) => processCpuMs(d.pid!));
    const wall = roundRobin(variants, rounds, cpu);
    // The daemons' own CPU is not the callers' (they are not waited for): per call they answered or saw.
    const perCall = (i: number) => (processCpuMs(daemons[i]!.pid!) - daemonCpu[i]!) / (5 * (rounds + 1));
    const floor = median(wall.get('node -e 0')!);
    console.log(
      `one-shot commands, warm caches, median of ${rounds} runs (round-robin), Node ${process.version}`,
    );
    const results: Record<string, { ms: number; ratio: number; cpuMs: number }> = {};
    for (const [name, xs] of wall) {
      const cpuMs = cpu.get(name)!.reduce((a, b) => a + b, 0) / rounds;
      results[name] = { ms: median(xs), ratio: median(xs) / floor, cpuMs };
      console.log(
        `  ${name.padEnd(44)} ${median(xs).toFixed(1).padStart(7)} ms  ${(median(xs) / floor).toFixed(2)}×   cpu ${cpuMs.toFixed(0)} ms`,
      );
    }
    const daemonCpuMs = builds.map((_, i) => perCall(i));
    builds.forEach(({ label }, i) =>
      console.log(`  daemon${label}: cpu ${daemonCpuMs[i]!.toFixed(1)} ms per call (mean)`),
    );
    return { rounds, node: process.version, results, daemonCpuMs };
  } finally {
    for (const child of daemons) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url))
  await benchOneShot(process.env.ROUNDS ? { rounds: Number(process.env.ROUNDS) } : {});
