import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createChecker, loadParsers } from '../app/checker.js';
import { loadRuntime } from '../app/runtime.js';
import { assessShell } from '../assess/shell.js';
import { DEFAULT_PLACEMENT } from '../core/place.js';
import type { CedarPolicyEvaluator } from '../policy/engine.js';
import type { ActionFacts } from '../core/types.js';
import { BENCH_COMMANDS } from './commands.js';
import { manyEffectLines } from './many-effects.js';
import { fuzzMixLines } from './fuzz/shell-target.js';
import { fmt, summary, timeMicros } from './stats.js';

const FACTS: ActionFacts = { cwd: '/home/dev/project', home: '/home/dev', env: {}, pathExists: () => true };
const AGENT = { type: 'Agent' as const, id: 'bench', actsFor: 'dev' };

/** Issue 2: p50/p99 of assess+decide for one command in process, and batch throughput. */
export async function benchShell(): Promise<Record<string, unknown>> {
  const await0 = { parsers: await loadParsers({ eagerSql: true }) };
  const rt = await loadRuntime({
    sources: undefined,
    eagerSql: true,
    cwd: '/nonexistent-bench-dir',
    env: { HOME: '/nonexistent-bench-home' },
  });
  const n = 20_000;
  const all = timeMicros(n, 2_000, (i) =>
    rt.checker.checkShell(BENCH_COMMANDS[i % BENCH_COMMANDS.length]!, FACTS, AGENT),
  );
  const harmless = timeMicros(5_000, 500, (i) =>
    rt.checker.checkShell(['ls -la', 'git status', 'npm test'][i % 3]!, FACTS, AGENT),
  );
  const mixed = summary(all);
  const easy = summary(harmless);
  // Cold: every command is new to the policy memo (a unique comment changes nothing but defeats no cache,
  // so instead the evaluator's memo is bypassed): parse + assess + one Cedar call per effect.
  const coldChecker = createChecker({
    ...await0.parsers,
    evaluator: { evaluate: (r) => (rt.evaluator as CedarPolicyEvaluator).evaluateUncached(r) },
  });
  const cold = summary(
    timeMicros(5_000, 500, (i) =>
      coldChecker.checkShell(BENCH_COMMANDS[i % BENCH_COMMANDS.length]!, FACTS, AGENT),
    ),
  );
  const parseOnly = summary(
    timeMicros(5_000, 500, (i) =>
      assessShell(BENCH_COMMANDS[i % BENCH_COMMANDS.length]!, FACTS, {
        ...await0.parsers,
        placement: DEFAULT_PLACEMENT,
      }),
    ),
  );
  console.log(
    `assess+decide, in process, mixed (${BENCH_COMMANDS.length} commands, ${n} runs): p50 ${fmt(mixed.p50)}, p99 ${fmt(mixed.p99)}, mean ${fmt(mixed.mean)}`,
  );
  console.log(`assess+decide, harmless one-liners: p50 ${fmt(easy.p50)}, p99 ${fmt(easy.p99)}`);
  console.log(
    `assess+decide with every Cedar call uncached (worst case): p50 ${fmt(cold.p50)}, p99 ${fmt(cold.p99)}`,
  );
  console.log(
    `assess only (parse, peel, analyze, place): p50 ${fmt(parseOnly.p50)}, p99 ${fmt(parseOnly.p99)}`,
  );

  // Issue 17: an action with many effects (long rm/kubectl delete lists, `;`-joined sequences), each line
  // new, against the ordinary mix: the policy side should add little per effect (one Cedar call per
  // distinct request the policies can tell apart); what remains is parsing and assessing every command.
  // CPU time (user+sys), not wall-clock: the machine is shared. The two mixes alternate in rounds, each
  // round with new generated lines, so that load from elsewhere falls on both alike.
  const cpuMicros = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const timed = (lines: readonly string[]) => {
    const t0 = cpuMicros();
    for (const line of lines) rt.checker.checkShell(line, FACTS, AGENT);
    return cpuMicros() - t0;
  };
  timed(manyEffectLines(200, 99));
  const ordinaryLines = Array.from({ length: 1_000 }, (_, i) => BENCH_COMMANDS[i % BENCH_COMMANDS.length]!);
  timed(fuzzMixLines(500, 1));
  let ordinaryCpu = 0;
  let manyCpu = 0;
  let manyLines = 0;
  let fuzzCpu = 0;
  let fuzzLines = 0;
  for (let round = 0; round < 4; round++) {
    ordinaryCpu += timed(ordinaryLines);
    const many = manyEffectLines(500, 17 + round);
    manyCpu += timed(many);
    manyLines += many.length;
    // Issue 17's own yardstick: the shell fuzzer's random lines (wrappers, substitutions, mangled words).
    const fuzz = fuzzMixLines(2_000, 100 + round);
    fuzzCpu += timed(fuzz);
    fuzzLines += fuzz.length;
  }
  const ordinaryMean = ordinaryCpu / (4 * ordinaryLines.length);
  const manyMean = manyCpu / manyLines;
  const fuzzMean = fuzzCpu / fuzzLines;
  console.log(
    `many effects (${manyLines} generated lines, 20–80 effects each): ${fmt(manyMean)} CPU per line = ${(manyMean / ordinaryMean).toFixed(1)}× the ordinary mix (${fmt(ordinaryMean)} CPU per line)`,
  );
  console.log(
    `fuzz mix (${fuzzLines} lines of the shell fuzzer's generator): ${fmt(fuzzMean)} CPU per line = ${(fuzzMean / ordinaryMean).toFixed(1)}× the ordinary mix`,
  );

  const lines = 10_000;
  const input = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({ command: `${BENCH_COMMANDS[i % BENCH_COMMANDS.length]} # ${i}` }),
  ).join('\n');
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'check', '--batch'], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - t) / 1000;
  const answered = r.stdout.trim().split('\n').length;
  console.log(
    `batch mode: ${answered} commands in ${seconds.toFixed(2)} s wall (process start included) = ${Math.round(answered / seconds)} commands/s`,
  );
  return {
    inProcess: mixed,
    harmless: easy,
    uncached: cold,
    assessOnly: parseOnly,
    manyEffects: { meanMicros: manyMean, ordinaryMeanMicros: ordinaryMean, ratio: manyMean / ordinaryMean },
    batch: { commands: answered, seconds, perSecond: answered / seconds },
  };
}
