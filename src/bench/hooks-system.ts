import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePayload } from '../adapters/hooks/doctor.js';
import { readState } from '../daemon/state.js';
import { systemPaths } from '../daemon/system-paths.js';
import { median, p90, roundRobin, waitFor, type Variant } from './spawn-timing.js';

// `node dist/bench/hooks-system.js` (and the end of the hooks section): the Claude Code hook in system
// mode (issue 13) against today's single-user daemon, in one round-robin run. Root only: it creates a
// throwaway service user (`setup --system --root <tmp prefix> --service-user …`) and a throwaway agent
// user, and removes both, their processes and the prefix afterwards, also when a step fails.
//  (a) single-user daemon, hook run by the benchmark itself (the hooks section's daemon variant);
//  (b) system daemon running as the service user, hook run as the agent (`runuser -u AGENT -- node …`);
//  (c) the agent's own single-user daemon, hook run through the same `runuser`: (b)/(c) is what system
//      mode costs with runuser's own start-up on both sides.

const HOOK = fileURLToPath(new URL('../cli/hook-fast.cjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const PATH = '/usr/local/bin:/usr/bin:/bin';
const TOOLS = ['useradd', 'userdel', 'groupdel', 'runuser', 'setpriv', 'getent'];

const which = (tool: string) =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** Why this cannot run here, or undefined when it can. */
function cannotRun(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (creating the throwaway users needs root)';
  const missing = TOOLS.filter((t) => !which(t));
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

const uid = (name: string) => Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout);
/** Running (a zombie of our own child waits for the event loop to reap it: it counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
const pidsOf = (user: string) =>
  spawnSync('ps', ['-o', 'pid=', '-u', user], { encoding: 'utf8' })
    .stdout.split('\n')
    .map(Number)
    .filter((p) => p > 0);

/** SIGTERM, then SIGKILL after 3 s; synchronous, so that it can run from a signal handler. */
function stop(pids: readonly number[]): void {
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // gone
    }
  };
  for (const pid of pids) signal(pid, 'SIGTERM');
  for (let i = 0; i < 30 && pids.some(alive); i++) spawnSync('sleep', ['0.1']);
  for (const pid of pids.filter(alive)) signal(pid, 'SIGKILL');
}

interface Setup {
  prefix: string;
  agent: string;
  service: string;
  children: ChildProcess[];
  /** Users created here, removed by cleanup (the service user is created by setup --system). */
  users: string[];
}

function cleanup(s: Setup): void {
  const daemonPid = (file: string) => readState(file)?.pid;
  const pids = [
    ...s.children.map((c) => c.pid),
    daemonPid(systemPaths(s.prefix).stateFile),
    ...s.users.flatMap(pidsOf),
  ].filter((p): p is number => p !== undefined);
  stop(pids);
  stop(s.users.flatMap(pidsOf)); // anything they started meanwhile
  for (const user of s.users) {
    spawnSync('userdel', [user]);
    spawnSync('groupdel', [user]); // left when userdel did not take it
  }
  rmSync(s.prefix, { recursive: true, force: true });
}

async function startDaemon(
  s: Setup,
  argv: string[],
  env: NodeJS.ProcessEnv,
  stateFile: string,
): Promise<void> {
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: 'ignore' });
  let failed: Error | undefined;
  child.on('error', (error) => (failed = error));
  s.children.push(child);
  await waitFor(`a daemon announced in ${stateFile}`, () => {
    if (failed) throw failed;
    if (child.exitCode !== null) throw new Error(`${argv.join(' ')}: exit ${child.exitCode}`);
    return readState(stateFile) ? true : undefined;
  });
}

async function prepare(s: Setup): Promise<Variant[]> {
  const { prefix, agent, service } = s;
  const runuser = which('runuser')!; // by its path: the hook's PATH has no sbin
  chmodSync(prefix, 0o755); // the agent and the service user reach into it, as they reach /etc
  const project = join(prefix, 'project');
  const rootHome = join(prefix, 'root-home');
  const agentHome = join(prefix, 'home', agent);
  for (const dir of [project, rootHome, agentHome]) mkdirSync(dir, { recursive: true });
  s.users.push(agent);
  const add = spawnSync('useradd', [
    '--no-create-home',
    '--home-dir',
    agentHome,
    '--shell',
    '/bin/sh',
    agent,
  ]);
  if (add.status !== 0) throw new Error(`useradd ${agent}: exit ${add.status}`);
  chownSync(agentHome, uid(agent), uid(agent));
  s.users.push(service); // before setup: a failed setup may have created it already
  const setup = spawnSync(
    process.execPath,
    [MAIN, 'setup', '--system', '--root', prefix, '--service-user', service],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (setup.status !== 0) throw new Error(`setup --system: exit ${setup.status}: ${setup.stderr}`);

  // (a) today's single-user daemon, as the hooks section starts it; (c) the same, as the agent's user.
  const rootEnv = {
    PATH,
    HOME: rootHome,
    XDG_CONFIG_HOME: join(rootHome, '.config'),
    INTERLOCK_DAEMON_STATE: join(rootHome, 'daemon.json'),
  };
  // A state file only (c) names: were INTERLOCK_SYSTEM_ROOT lost on the way, (b) would find no daemon.
  const agentEnv = {
    PATH,
    HOME: agentHome,
    XDG_CONFIG_HOME: join(agentHome, '.config'),
    INTERLOCK_DAEMON_AUTOSTART: '0',
  };
  const singleEnv = { ...agentEnv, INTERLOCK_DAEMON_STATE: join(agentHome, 'single-daemon.json') };
  const systemEnv = { ...agentEnv, INTERLOCK_SYSTEM_ROOT: prefix };
  const daemonArgs = [process.execPath, MAIN, 'daemon', 'start', '--port', '0', '--quiet'];
  await startDaemon(s, daemonArgs, rootEnv, rootEnv.INTERLOCK_DAEMON_STATE);
  await startDaemon(
    s,
    [runuser, '-u', agent, '--', ...daemonArgs],
    singleEnv,
    singleEnv.INTERLOCK_DAEMON_STATE,
  );

  const payload = (command: string) => JSON.stringify(samplePayload('claude-code', command, project));
  const asAgent = ['-u', agent, '--', process.execPath, HOOK, 'claude-code'];
  const variants: Variant[] = [
    { name: 'node -e 0', args: ['-e', '0'], input: '', env: rootEnv },
    {
      name: 'runuser -u AGENT -- node -e 0',
      bin: runuser,
      args: ['-u', agent, '--', process.execPath, '-e', '0'],
      input: '',
      env: singleEnv,
    },
  ];
  for (const [label, command] of [
    ['`ls -la`', 'ls -la'],
    ['`rm -rf /`', 'rm -rf /'],
  ] as const) {
    const input = payload(command);
    variants.push(
      { name: `(a) single-user daemon, ${label}`, args: [HOOK, 'claude-code'], input, env: rootEnv },
      {
        name: `(c) single-user daemon, runuser, ${label}`,
        bin: runuser,
        args: asAgent,
        input,
        env: singleEnv,
      },
      { name: `(b) system mode, runuser, ${label}`, bin: runuser, args: asAgent, input, env: systemEnv },
    );
  }
  return variants;
}

/** Each hook variant once with INTERLOCK_DEBUG: a daemon must have answered, and all give one answer. */
function checkAnswers(variants: readonly Variant[]): void {
  const answers = new Map<string, Set<string>>();
  for (const v of variants.filter((x) => x.name.includes('daemon') || x.name.includes('system'))) {
    const r = spawnSync(v.bin ?? process.execPath, v.args, {
      input: v.input,
      env: { ...v.env, INTERLOCK_DEBUG: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0 || r.stderr) throw new Error(`${v.name}: exit ${r.status}: ${r.stderr}`);
    const command = v.name.slice(v.name.lastIndexOf('`', v.name.length - 2));
    answers.set(command, (answers.get(command) ?? new Set()).add(r.stdout.trim()));
  }
  for (const [command, seen] of answers)
    if (seen.size !== 1)
      throw new Error(`the variants answer ${command} differently: ${[...seen].join(' | ')}`);
}

function report(times: Map<string, number[]>, rounds: number) {
  const floor = median(times.get('node -e 0')!);
  const rows: Record<string, { p50: number; p90: number }> = {};
  console.log(`\nsystem mode (issue 13): hook wall time, ${rounds} round-robin runs, p50 / p90`);
  for (const [name, xs] of times) {
    rows[name] = { p50: median(xs), p90: p90(xs) };
    console.log(
      `  ${name.padEnd(44)} ${median(xs).toFixed(1).padStart(7)} ms ${p90(xs).toFixed(1).padStart(7)} ms   ${(median(xs) / floor).toFixed(2)}× node -e 0`,
    );
  }
  const ratios: Record<string, { bOverC: number; bOverA: number }> = {};
  for (const label of ['`ls -la`', '`rm -rf /`']) {
    const p50 = (v: string) => rows[`${v}, ${label}`]!.p50;
    ratios[label] = {
      bOverC: p50('(b) system mode, runuser') / p50('(c) single-user daemon, runuser'),
      bOverA: p50('(b) system mode, runuser') / p50('(a) single-user daemon'),
    };
    console.log(
      `  ${label}: (b)/(c) ${ratios[label].bOverC.toFixed(2)}   (b)/(a) ${ratios[label].bOverA.toFixed(2)}   (p50)`,
    );
  }
  return { rounds, wallMs: rows, ratios };
}

export async function benchHooksSystem(options: { rounds?: number } = {}) {
  const why = cannotRun();
  if (why) {
    console.log(`\nsystem mode (issue 13): skipped: ${why}; run the benchmark as root to measure it`);
    return { skipped: why };
  }
  const rounds = options.rounds ?? 41; // cheaper than the hooks section's variants: more rounds
  const tag = randomBytes(4).toString('hex');
  const s: Setup = {
    prefix: mkdtempSync(join(tmpdir(), 'ilk-bench-system-')),
    agent: `ilk-bagent-${tag}`,
    service: `ilk-bsys-${tag}`,
    children: [],
    users: [],
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup(s);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const variants = await prepare(s);
    checkAnswers(variants);
    return report(roundRobin(variants, rounds), rounds);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    cleanup(s);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchHooksSystem(process.env.ROUNDS ? { rounds: Number(process.env.ROUNDS) } : {});
}
