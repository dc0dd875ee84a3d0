import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePayload } from '../adapters/hooks/doctor.js';
import { readState } from '../daemon/state.js';
import { benchHooksSystem } from './hooks-system.js';
import { ms, median, roundRobin, waitFor, type Variant } from './spawn-timing.js';
import { percentile } from './stats.js';

// `node dist/bench/hooks.js`: what a hook costs per tool call, against the floor of starting Node.
//  - wall time of one hook process (spawn to exit), median of N runs, interleaved round-robin so that
//    load from other processes hits every variant alike: `node -e 0`; the hook deciding in-process
//    (read-only tool, harmless and destructive commands; warm caches, and cold: no V8 code cache and no
//    remembered verdicts); the same through `interlock hook` (main.js); the hook forwarding to a running
//    daemon over its socket;
//  - the daemon's Claude Code http endpoint: p50/p99 of loopback round trips (what an http hook costs);
//  - cc-safety-net's Claude Code hook, for comparison, when it is installed in /tmp/ccsn (or $CCSN_BIN);
//  - system mode against the single-user daemon (hooks-system.ts; root only, skipped otherwise).
// COMPARE=<another build's dist/cli/main.js> adds that build's hook, through a daemon of that build (its own
// HOME), to the daemon round-robin, with the mean CPU time of each call.

const HOOK = fileURLToPath(new URL('../cli/hook-fast.cjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));

function postKeepAlive(agent: Agent | false, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hooks/claude-code',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(ms(process.hrtime.bigint() - t)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function httpRoundTrips(port: number, body: string, n: number, keepAlive: boolean) {
  const agent = keepAlive ? new Agent({ keepAlive: true, maxSockets: 1 }) : false;
  for (let i = 0; i < 50; i++) await postKeepAlive(agent, port, body);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await postKeepAlive(agent, port, body));
  if (agent) agent.destroy();
  const sorted = xs.sort((a, b) => a - b);
  return { n, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function ccSafetyNet(): string | undefined {
  const candidates = [process.env.CCSN_BIN, '/tmp/ccsn/node_modules/.bin/cc-safety-net'].filter(
    Boolean,
  ) as string[];
  for (const c of candidates) if (existsSync(c)) return realpathSync(c);
  return undefined;
}

export async function benchHooks(options: { rounds?: number; httpRuns?: number } = {}) {
  const rounds = options.rounds ?? 21;
  const httpRuns = options.httpRuns ?? 1000;
  const home = mkdtempSync(join(tmpdir(), 'interlock-bench-hooks-'));
  const cwd = join(home, 'project');
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    INTERLOCK_DAEMON_STATE: join(home, 'daemon.json'),
  };
  const alone = { ...base, INTERLOCK_NO_DAEMON: '1' };
  // No code cache, no remembered verdicts: the first call after an install or a policy edit.
  const coldConfig = join(home, 'cold-config');
  const cold = { ...alone, XDG_CONFIG_HOME: coldConfig };
  const emptyCaches = () => rmSync(coldConfig, { recursive: true, force: true });
  const payload = (command: string) => JSON.stringify(samplePayload('claude-code', command, cwd));
  const read = JSON.stringify({
    session_id: 'bench',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: 'Read',
    tool_input: { file_path: join(cwd, 'README.md') },
  });
  const ls = payload('ls -la');
  const rm = payload('rm -rf /');
  const prod = payload('ssh prod-web-1 "rm -rf /var/www"');

  const node0: Variant = { name: 'node -e 0', args: ['-e', '0'], input: '', env: base };
  // The floor of any command hook written for Node: read the input, print an answer, nothing else.
  const echo: Variant = {
    name: "node: read stdin, print it (any hook's floor)",
    args: ['-e', "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(s))"],
    input: ls,
    env: base,
  };
  const inProcess: Variant[] = [
    node0,
    echo,
    { name: 'hook-fast Read (read-only)', args: [HOOK, 'claude-code'], input: read, env: alone },
    {
      name: 'interlock hook Read (via main.js)',
      args: [MAIN, 'hook', 'claude-code'],
      input: read,
      env: alone,
    },
    { name: 'hook-fast Bash `ls -la`, in-process', args: [HOOK, 'claude-code'], input: ls, env: alone },
    { name: 'hook-fast Bash `rm -rf /`, in-process', args: [HOOK, 'claude-code'], input: rm, env: alone },
    {
      name: 'hook-fast Bash `rm -rf /`, in-process, cold caches',
      args: [HOOK, 'claude-code'],
      input: rm,
      env: cold,
      before: emptyCaches,
    },
    {
      name: 'interlock hook Bash `ls -la`, in-process (via main.js)',
      args: [MAIN, 'hook', 'claude-code'],
      input: ls,
      env: alone,
    },
  ];
  const ccsn = ccSafetyNet();
  if (ccsn) {
    inProcess.push(
      {
        name: 'cc-safety-net hook --claude-code, `ls -la`',
        bin: process.execPath,
        args: [ccsn, 'hook', '--claude-code'],
        input: ls,
        env: base,
      },
      {
        name: 'cc-safety-net hook --claude-code, `rm -rf /`',
        bin: process.execPath,
        args: [ccsn, 'hook', '--claude-code'],
        input: rm,
        env: base,
      },
    );
  }

  console.log(`hook wall time per call, median of ${rounds} runs (round-robin), Node ${process.version}`);
  const results: Record<string, unknown> = { rounds, node: process.version };
  const wall: Record<string, number> = {};
  const report = (times: Map<string, number[]>, cpu?: Map<string, number[]>) => {
    for (const [name, xs] of times) {
      wall[name] = median(xs);
      const cpuMs = cpu?.get(name);
      console.log(
        `  ${name.padEnd(58)} ${median(xs).toFixed(1).padStart(7)} ms   (+${(median(xs) - wall['node -e 0']!).toFixed(1)} over node -e 0)${cpuMs ? `   CPU mean ${(cpuMs.reduce((a, b) => a + b, 0) / cpuMs.length).toFixed(1)} ms` : ''}`,
      );
    }
  };
  report(roundRobin(inProcess, rounds));

  // The daemon, as its own process (as a user runs it).
  const startDaemon = (main: string, env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [main, 'daemon', 'start', '--port', '0', '--quiet'], {
      env,
      stdio: 'ignore',
    });
    const up = waitFor('the daemon', () => {
      const s = readState(env.INTERLOCK_DAEMON_STATE!);
      return s && s.pid === child.pid ? s : undefined;
    });
    return { child, up };
  };
  const compare = process.env.COMPARE;
  const compareHome = join(home, 'compare');
  const compareEnv: NodeJS.ProcessEnv = {
    ...base,
    HOME: compareHome,
    XDG_CONFIG_HOME: join(compareHome, '.config'),
    INTERLOCK_DAEMON_STATE: join(compareHome, 'daemon.json'),
  };
  mkdirSync(compareHome); // an older build listens on its socket only where the state file's directory exists
  const daemons = [startDaemon(MAIN, base), ...(compare ? [startDaemon(compare, compareEnv)] : [])];
  try {
    const state = (await Promise.all(daemons.map((d) => d.up)))[0]!;
    const compareHook = compare && join(dirname(compare), 'hook-fast.cjs');
    const viaDaemon: Variant[] = [
      node0,
      echo,
      { name: 'hook-fast Bash `ls -la`, daemon', args: [HOOK, 'claude-code'], input: ls, env: base },
      { name: 'hook-fast Bash `rm -rf /`, daemon', args: [HOOK, 'claude-code'], input: rm, env: base },
      {
        name: 'hook-fast Bash `ssh prod… rm -rf`, daemon',
        args: [HOOK, 'claude-code'],
        input: prod,
        env: base,
      },
      {
        name: 'interlock hook Bash `ls -la`, daemon (via main.js)',
        args: [MAIN, 'hook', 'claude-code'],
        input: ls,
        env: base,
      },
      ...(compareHook
        ? [
            {
              name: 'COMPARE hook-fast Bash `ls -la`, daemon',
              args: [compareHook, 'claude-code'],
              input: ls,
              env: compareEnv,
            },
            {
              name: 'COMPARE hook-fast Bash `rm -rf /`, daemon',
              args: [compareHook, 'claude-code'],
              input: rm,
              env: compareEnv,
            },
          ]
        : []),
    ];
    const cpu = new Map<string, number[]>();
    report(roundRobin(viaDaemon, rounds, cpu), cpu);
    results.wallMs = wall;

    console.log(`\nClaude Code http hook endpoint (POST /hooks/claude-code), ${httpRuns} sequential calls`);
    const http: Record<string, { n: number; p50: number; p99: number }> = {};
    for (const [name, body, keepAlive] of [
      ['`ls -la`, keep-alive', ls, true],
      ['`rm -rf /`, keep-alive', rm, true],
      ['`ls -la`, new connection each', ls, false],
    ] as const) {
      http[name] = await httpRoundTrips(state.port, body, httpRuns, keepAlive);
      console.log(
        `  ${name.padEnd(34)} p50 ${http[name].p50.toFixed(2)} ms   p99 ${http[name].p99.toFixed(2)} ms`,
      );
    }
    results.httpMs = http;
  } finally {
    for (const { child } of daemons) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(home, { recursive: true, force: true });
  }
  if (!ccsn)
    console.log(
      '\n(cc-safety-net not measured: install it with `npm install --prefix /tmp/ccsn cc-safety-net`)',
    );
  results.ccSafetyNet = ccsn ?? null;
  results.systemMode = await benchHooksSystem(options.rounds ? { rounds: options.rounds } : {});
  return results;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchHooks({
    ...(process.env.ROUNDS ? { rounds: Number(process.env.ROUNDS) } : {}),
    ...(process.env.HTTP_RUNS ? { httpRuns: Number(process.env.HTTP_RUNS) } : {}),
  });
}
