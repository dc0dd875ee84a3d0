import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, roundRobin, type Variant } from './spawn-timing.js';

// `node dist/bench/run.js cli`: what a one-shot command costs from spawn to exit, as a multiple of
// `node -e 0` measured in the same round-robin (the machine is shared: read the ratios), with warm caches
// (the bundle's V8 code cache and remembered verdicts, as after the first call), and its mean CPU time.
// COMPARE=<another build's dist/cli/main.js> runs that build's commands in the same round-robin.

const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const PLAN = fileURLToPath(
  new URL('../../test/fixtures/plans/terraform-aws-production.json', import.meta.url),
);

export function benchOneShot(options: { rounds?: number } = {}) {
  const rounds = options.rounds ?? 21;
  const home = mkdtempSync(join(tmpdir(), 'interlock-bench-cli-'));
  const cwd = join(home, 'project');
  mkdirSync(cwd);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
  };
  const commands = (main: string, label: string): Variant[] => {
    const cli = (name: string, args: string[], exitCodes: number[] = [0]): Variant => ({
      name: `${name}${label}`,
      args: [main, ...args],
      input: '',
      // Each build its own caches: a code cache belongs to one bundle.
      env: { ...env, XDG_CONFIG_HOME: join(home, `.config${label.replace(/\W/g, '')}`) },
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
  const variants: Variant[] = [
    { name: 'node -e 0', args: ['-e', '0'], input: '', env },
    ...commands(MAIN, ''),
    ...(compare ? commands(compare, ' (COMPARE)') : []),
  ];
  const cpu = new Map<string, number[]>();
  try {
    const wall = roundRobin(variants, rounds, cpu);
    const floor = median(wall.get('node -e 0')!);
    console.log(
      `one-shot commands, warm caches, median of ${rounds} runs (round-robin), Node ${process.version}`,
    );
    const results: Record<string, { ms: number; ratio: number; cpuMs: number }> = {};
    for (const [name, xs] of wall) {
      const cpuMs = cpu.get(name)!.reduce((a, b) => a + b, 0) / rounds;
      results[name] = { ms: median(xs), ratio: median(xs) / floor, cpuMs };
      console.log(
        `  ${name.padEnd(32)} ${median(xs).toFixed(1).padStart(7)} ms  ${(median(xs) / floor).toFixed(2)}×   cpu ${cpuMs.toFixed(0)} ms`,
      );
    }
    return { rounds, node: process.version, results };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url))
  benchOneShot(process.env.ROUNDS ? { rounds: Number(process.env.ROUNDS) } : {});
