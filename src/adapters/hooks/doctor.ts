import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { delimiter, join } from 'node:path';
import { findHooks, isPostToolHandler, readSettings, settingsFile, type Scope } from './install.js';
import { AGENTS, isObject, type AgentId } from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// `interlock doctor`: for every agent on this machine, is the hook installed, and does it answer? The
// self-test feeds the installed command (or the http hook's URL) the agent's own payload for a
// destructive command and for a harmless one, and checks the answers block and pass.

const AGENT_NAMES: Record<AgentId, string> = {
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  gemini: 'Gemini CLI',
  codex: 'Codex',
};

const CONFIG_DIRS: Record<AgentId, string> = {
  'claude-code': '.claude',
  cursor: '.cursor',
  gemini: '.gemini',
  codex: '.codex',
};
const BINARIES: Record<AgentId, string[]> = {
  'claude-code': ['claude'],
  cursor: ['cursor', 'cursor-agent'],
  gemini: ['gemini'],
  codex: ['codex'],
};

/** The payload each agent sends for a shell command (from its hook documentation). */
export function samplePayload(agent: AgentId, command: string, cwd: string): object {
  switch (agent) {
    case 'claude-code':
      return {
        session_id: 'interlock-doctor',
        transcript_path: '',
        cwd,
        permission_mode: 'default',
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command, description: 'interlock doctor self-test' },
        tool_use_id: 'toolu_interlock_doctor',
      };
    case 'cursor':
      return {
        hook_event_name: 'beforeShellExecution',
        conversation_id: 'interlock-doctor',
        generation_id: 'interlock-doctor',
        workspace_roots: [cwd],
        command,
        cwd,
      };
    case 'gemini':
      return {
        session_id: 'interlock-doctor',
        transcript_path: '',
        cwd,
        hook_event_name: 'BeforeTool',
        timestamp: new Date(0).toISOString(),
        tool_name: 'run_shell_command',
        tool_input: { command },
      };
    case 'codex':
      return {
        session_id: 'interlock-doctor',
        turn_id: 'interlock-doctor',
        transcript_path: null,
        cwd,
        hook_event_name: 'PreToolUse',
        model: 'interlock-doctor',
        permission_mode: 'default',
        tool_name: 'Bash',
        tool_input: { command },
        tool_use_id: 'interlock-doctor',
      };
  }
}

/** What an agent would do with the hook's output: block the call, or let it go on. */
function agentReading(agent: AgentId, stdout: string, exitCode: number): 'block' | 'proceed' | 'invalid' {
  if (exitCode === EXIT_CODES['hook-block']) return 'block';
  if (exitCode !== EXIT_CODES.ok) return 'invalid';
  const text = stdout.trim();
  if (text === '') return agent === 'cursor' ? 'invalid' : 'proceed';
  let out: unknown;
  try {
    out = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  if (!isObject(out)) return 'invalid';
  switch (agent) {
    case 'claude-code':
    case 'codex': {
      const d = isObject(out.hookSpecificOutput) ? out.hookSpecificOutput.permissionDecision : undefined;
      return d === 'deny' || d === 'ask' ? 'block' : 'proceed';
    }
    case 'cursor':
      return out.permission === 'deny' || out.permission === 'ask' ? 'block' : 'proceed';
    case 'gemini':
      return out.decision === 'deny' || out.decision === 'block' ? 'block' : 'proceed';
  }
}

function runShell(
  command: string,
  input: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: `${stderr}${e.message}`, code: -1 });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

function postJson(url: string, body: string, timeoutMs: number): Promise<{ stdout: string; code: number }> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' }, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({
            stdout: text,
            code: res.statusCode === 200 ? EXIT_CODES.ok : EXIT_CODES.internal,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve({ stdout: e.message, code: -1 }));
    req.end(body);
  });
}

const SELF_TEST_DESTRUCTIVE = 'rm -rf /';
const SELF_TEST_HARMLESS = 'ls';

interface SelfTest {
  ok: boolean;
  detail: string;
}

/** Feed the installed hook a destructive and a harmless command; it must block the first and pass the second. */
async function selfTest(
  agent: AgentId,
  handler: Record<string, unknown>,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<SelfTest> {
  const run = async (command: string) => {
    const input = JSON.stringify(samplePayload(agent, command, cwd));
    if (typeof handler.url === 'string') {
      const res = await postJson(handler.url, input, 30_000);
      if (res.code === -1) return { reading: 'unreachable' as const, note: res.stdout };
      // An http hook answers with the same JSON a command hook prints.
      return { reading: agentReading(agent, res.stdout, res.code), note: '' };
    }
    // A self-test does not start a daemon (the installed hook would, with --autostart).
    const res = await runShell(
      String(handler.command),
      input,
      { ...env, INTERLOCK_DAEMON_AUTOSTART: '0' },
      30_000,
    );
    return {
      reading: agentReading(agent, res.stdout, res.code),
      note: res.stderr.trim().split('\n')[0] ?? '',
    };
  };
  const started = Date.now();
  const bad = await run(SELF_TEST_DESTRUCTIVE);
  const good = await run(SELF_TEST_HARMLESS);
  const ms = Date.now() - started;
  if (bad.reading === 'unreachable')
    return {
      ok: false,
      detail: `the daemon at ${String(handler.url)} does not answer (${bad.note}); start it: interlock daemon start --background`,
    };
  const ok = bad.reading === 'block' && good.reading === 'proceed';
  const detail = `\`${SELF_TEST_DESTRUCTIVE}\` → ${bad.reading}, \`${SELF_TEST_HARMLESS}\` → ${good.reading} (${ms} ms)`;
  const note = !ok && (bad.note || good.note) ? `; hook said: ${bad.note || good.note}` : '';
  return { ok, detail: `${detail}${note}` };
}

function onPath(name: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      const st = statSync(file);
      if (st.isFile() && st.mode & 0o111) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Settings that switch every hook off, whatever is installed. */
function disabledBy(agent: AgentId, file: string, settings: Record<string, unknown>, home: string): string[] {
  const problems: string[] = [];
  if (agent === 'claude-code' && settings.disableAllHooks === true)
    problems.push(`${file} sets disableAllHooks: true`);
  if (agent === 'gemini') {
    const tools = settings.tools;
    if (isObject(tools) && tools.enableHooks === false)
      problems.push(`${file} sets tools.enableHooks: false`);
    const hooks = settings.hooks;
    if (isObject(hooks) && hooks.enabled === false) problems.push(`${file} sets hooks.enabled: false`);
    if (isObject(hooks) && Array.isArray(hooks.disabled) && hooks.disabled.includes('interlock'))
      problems.push(`${file} lists "interlock" in hooks.disabled`);
    const cfg = settings.hooksConfig;
    if (isObject(cfg) && cfg.enabled === false) problems.push(`${file} sets hooksConfig.enabled: false`);
  }
  if (agent === 'codex') {
    const toml = join(home, '.codex', 'config.toml');
    try {
      if (/^\s*(codex_)?hooks\s*=\s*false/m.test(readFileSync(toml, 'utf8')))
        problems.push(`${toml} turns hooks off ([features] hooks = false)`);
    } catch {
      // no config.toml
    }
  }
  return problems;
}

interface InstalledHook {
  scope: Scope;
  file: string;
  kind: 'command' | 'http';
  target: string;
  handler: Record<string, unknown>;
}

export interface AgentReport {
  agent: AgentId;
  name: string;
  found: string[];
  installed: InstalledHook[];
  /** The post-tool hooks that record what ran (not self-tested: they answer nothing). */
  postTool: { scope: Scope; file: string; event: string }[];
  problems: string[];
  selfTests: { file: string; test: SelfTest }[];
}

export interface DoctorOptions {
  home: string;
  project: string;
  env: NodeJS.ProcessEnv;
  /** Skip running the hooks (report only what is installed). */
  noSelfTest?: boolean;
  /** Scratch directory the self-test commands pretend to run in. */
  scratch: string;
}

async function inspectAgent(agent: AgentId, options: DoctorOptions): Promise<AgentReport> {
  const found: string[] = [];
  const dir = join(options.home, CONFIG_DIRS[agent]);
  if (existsSync(dir)) found.push(`~/${CONFIG_DIRS[agent]}`);
  for (const bin of BINARIES[agent]) if (onPath(bin, options.env.PATH)) found.push(`${bin} on PATH`);
  const report: AgentReport = {
    agent,
    name: AGENT_NAMES[agent],
    found,
    installed: [],
    postTool: [],
    problems: [],
    selfTests: [],
  };
  const scopes: Scope[] = options.project === options.home ? ['user'] : ['user', 'project'];
  for (const scope of scopes) {
    const file = settingsFile(agent, scope, { home: options.home, project: options.project });
    let settings: Record<string, unknown>;
    try {
      settings = readSettings(file);
    } catch (error) {
      report.problems.push((error as Error).message);
      continue;
    }
    report.problems.push(...disabledBy(agent, file, settings, options.home));
    for (const { event, handler } of findHooks(agent, settings)) {
      if (isPostToolHandler(handler)) {
        report.postTool.push({ scope, file, event });
        continue;
      }
      const kind = typeof handler.url === 'string' ? 'http' : 'command';
      report.installed.push({
        scope,
        file,
        kind,
        target: String(kind === 'http' ? handler.url : handler.command),
        handler,
      });
    }
  }
  if (!options.noSelfTest) {
    for (const hook of report.installed) {
      report.selfTests.push({
        file: hook.file,
        test: await selfTest(agent, hook.handler, options.scratch, options.env),
      });
    }
  }
  return report;
}

export async function doctor(options: DoctorOptions): Promise<AgentReport[]> {
  const reports: AgentReport[] = [];
  for (const agent of AGENTS) reports.push(await inspectAgent(agent, options));
  return reports;
}

/** Whether the report shows a problem: an agent on the machine without a working hook. */
export function unhealthy(report: AgentReport): boolean {
  if (report.found.length === 0 && report.installed.length === 0) return false;
  return (
    report.installed.length === 0 || report.problems.length > 0 || report.selfTests.some((t) => !t.test.ok)
  );
}
