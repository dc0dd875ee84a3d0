import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePayload } from '../adapters/hooks/doctor.js';
import { startDaemon } from './one-shot.js';
import { median } from './spawn-timing.js';

// `node dist/bench/run.js instructions`: the instructions a whole process executes (valgrind's callgrind,
// "I refs"), for the hook with a daemon, the one-shot `check`, and their floors. Wall time on 2 shared
// cores swings by ±30 % from run to run; an instruction count swings by a few per cent, so a change of a
// millisecond can be seen. It does not count the time a process waits (for the daemon, the disk), which
// the wall-time benchmarks (`hooks`, `cli`) do. Skipped when valgrind is not installed.

const HOOK = fileURLToPath(new URL('../cli/hook-fast.cjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../cli/main.cjs', import.meta.url));

// The least a hook with a daemon can do: read its input, send one line on the socket, print the answer.
// No checks at all (no secret, no build, no system mode), so it is a floor, not something to ship.
const LEAST_CLIENT = `
const st = JSON.parse(require('node:fs').readFileSync(process.env.INTERLOCK_DAEMON_STATE, 'utf8'));
let s = '';
process.stdin.on('data', (d) => (s += d)).on('end', () => {
  const c = require('node:net').createConnection(st.socket);
  let out = '';
  c.on('data', (d) => (out += d)).on('end', () => process.stdout.write(JSON.parse(JSON.parse(out).answer).stdout));
  c.end(JSON.stringify({ agent: 'claude-code', payload: s, cwd: process.cwd(), env: { PATH: process.env.PATH } }) + '\\n');
});
`;

interface Counted {
  name: string;
  args: string[];
  input: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function instructions(v: Counted): number {
  const r = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...v.args],
    { input: v.input, env: v.env, cwd: v.cwd, encoding: 'utf8' },
  );
  const refs = /refs:\s+([\d,]+)/.exec(r.stderr ?? '')?.[1];
  if (!refs) throw new Error(`${v.name}: no instruction count (exit ${r.status}): ${r.stderr.slice(-500)}`);
  return Number(refs.replaceAll(',', ''));
}

export async function benchInstructions(options: { runs?: number } = {}) {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('(valgrind not installed: `apt-get install valgrind`; skipped)');
    return { skipped: 'no valgrind' };
  }
  const runs = options.runs ?? 5;
  const home = mkdtempSync(join(tmpdir(), 'interlock-bench-instructions-'));
  const cwd = join(home, 'project');
  mkdirSync(cwd);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    INTERLOCK_DAEMON_STATE: join(home, '.config', 'interlock', 'daemon.json'),
  };
  const alone = { ...env, INTERLOCK_NO_DAEMON: '1' };
  const client = join(home, 'least-client.cjs');
  writeFileSync(client, LEAST_CLIENT);
  const payload = (command: string) => JSON.stringify(samplePayload('claude-code', command, cwd));
  const at = (name: string, args: string[], input = '', e = env): Counted => ({
    name,
    args,
    input,
    cwd,
    env: e,
  });
  const variants = [
    at('node -e 0', ['-e', '0']),
    at("node: read stdin, print it (any hook's floor)", ['-e', FLOOR], payload('ls -la')),
    at('least socket client, daemon', [client], payload('ls -la')),
    at('hook-fast Bash `ls -la`, daemon', [HOOK, 'claude-code'], payload('ls -la')),
    at('hook-fast Bash `rm -rf /`, daemon', [HOOK, 'claude-code'], payload('rm -rf /')),
    at('check -- ls, daemon', [MAIN, 'check', '--', 'ls']),
    at('check -- ls, no daemon (warm caches)', [MAIN, 'check', '--', 'ls'], '', alone),
  ];
  const daemon = await startDaemon(MAIN, env);
  const counts: Record<string, number> = {};
  try {
    // Warm the caches (code cache, remembered verdicts and assessments) outside valgrind first.
    for (const v of variants) spawnSync(process.execPath, v.args, { input: v.input, env: v.env, cwd: v.cwd });
    console.log(`instructions per process (callgrind I refs), median of ${runs}, Node ${process.version}`);
    for (const v of variants) {
      // Once more under valgrind first: V8 sees other CPU features there and rejects the code cache once.
      instructions(v);
      const xs = Array.from({ length: runs }, () => instructions(v));
      counts[v.name] = median(xs);
      const floor = counts["node: read stdin, print it (any hook's floor)"] ?? counts['node -e 0']!;
      console.log(
        `  ${v.name.padEnd(48)} ${(counts[v.name]! / 1e6).toFixed(1).padStart(7)} M   ${(counts[v.name]! / counts['node -e 0']!).toFixed(2)}× node -e 0   ${(counts[v.name]! / floor - 1).toFixed(3)}× over the hook floor   (${xs.map((x) => (x / 1e6).toFixed(1)).join(' ')})`,
      );
    }
  } finally {
    daemon.kill('SIGTERM');
    await new Promise((r) => daemon.once('exit', r));
    rmSync(home, { recursive: true, force: true });
  }
  return { runs, node: process.version, instructions: counts };
}

const FLOOR = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(s))";

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchInstructions(process.env.RUNS ? { runs: Number(process.env.RUNS) } : {});
}
