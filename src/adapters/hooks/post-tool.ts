import { posix } from 'node:path';
import { z } from 'zod';
import { quoteArgv } from '../../shell/quote-argv.js';
import type { AgentId } from './types.js';

// The agents' post-tool events, read into one "executed" record: the shell command that ran (in the same
// words the pre-tool hook decided on, so the decision is found by them), where, and what the payload says
// of how it ended. Only shell commands are recorded; everything here is what the agent sent, so it is a
// report of what happened, never authority for anything.
//   Claude Code  PostToolUse / PostToolUseFailure: { tool_name, tool_input, tool_response } / { error, is_interrupt }
//   Codex        PostToolUse: { tool_name, tool_input, tool_response } (same envelope as its PreToolUse)
//   Gemini CLI   AfterTool: { tool_name, tool_input, tool_response: { llmContent, returnDisplay, error? } }
//   Cursor       afterShellExecution: { command, cwd, output, duration (ms) }

type ExecutionResult = 'succeeded' | 'failed' | 'interrupted' | 'unknown';

export interface Executed {
  agent: AgentId;
  event: string;
  command: string;
  cwd: string;
  exitCode?: number;
  result: ExecutionResult;
  /** When the payload says how long it ran (Cursor); else it is measured from the decision. */
  durationMs?: number;
  session?: string;
  model?: string;
}

export type PostToolParse = { ok: true; executed: Executed } | { ok: false; skip: string };

/** The post-tool event each agent's installed entry handles. */
const POST_TOOL_EVENTS: Record<AgentId, readonly string[]> = {
  'claude-code': ['PostToolUse', 'PostToolUseFailure'],
  codex: ['PostToolUse'],
  gemini: ['AfterTool'],
  cursor: ['afterShellExecution'],
};

const SHELL_TOOLS: Record<AgentId, ReadonlySet<string>> = {
  'claude-code': new Set(['Bash']),
  codex: new Set(['Bash', 'shell', 'exec_command', 'local_shell']),
  gemini: new Set(['run_shell_command']),
  cursor: new Set(),
};

const Envelope = z.object({
  hook_event_name: z.string(),
  tool_name: z.string().optional(),
  tool_input: z.unknown().optional(),
  tool_response: z.unknown().optional(),
  cwd: z.string().optional(),
  session_id: z.string().optional(),
  model: z.string().optional(),
  error: z.unknown().optional(),
  is_interrupt: z.boolean().optional(),
});

const CommandInput = z.object({
  command: z.union([z.string(), z.array(z.string())]),
  dir_path: z.string().optional(),
  directory: z.string().optional(),
});

/** The fields a tool's response may carry about how the command ended (the names vary by agent and version). */
const Response = z
  .object({
    exit_code: z.number().int().optional(),
    exitCode: z.number().int().optional(),
    interrupted: z.boolean().optional(),
    is_error: z.boolean().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();

const CursorShell = z.object({
  hook_event_name: z.literal('afterShellExecution'),
  command: z.string(),
  cwd: z.string().optional(),
  duration: z.number().nonnegative().optional(),
  conversation_id: z.string().optional(),
  model: z.string().optional(),
  workspace_roots: z.array(z.string()).optional(),
});

function outcomeOf(
  response: unknown,
  failed: boolean,
  interrupted: boolean,
): Pick<Executed, 'exitCode' | 'result'> {
  const r = Response.safeParse(response);
  const body = r.success ? r.data : {};
  const exitCode = body.exit_code ?? body.exitCode;
  if (interrupted || body.interrupted === true)
    return { result: 'interrupted', ...(exitCode !== undefined ? { exitCode } : {}) };
  if (exitCode !== undefined) return { exitCode, result: exitCode === 0 ? 'succeeded' : 'failed' };
  if (failed || body.is_error === true || (body.error !== undefined && body.error !== null))
    return { result: 'failed' };
  return { result: 'unknown' };
}

/** The broker's rewrite (`<node> <…/main.js> run -- …`, or `interlock run -- …`): `interlock run` records it itself. */
function brokered(command: string): boolean {
  return /^(?:'?[^\s']*node'?\s+'?[^\s']*main\.js'?|interlock)\s+run\s+--\s/.test(command);
}

function parseEnvelope(
  agent: Exclude<AgentId, 'cursor'>,
  payload: unknown,
  fallback: { cwd: string },
): PostToolParse {
  const env = Envelope.safeParse(payload);
  if (!env.success) return { ok: false, skip: 'not a post-tool payload (hook_event_name is missing)' };
  const e = env.data;
  if (!POST_TOOL_EVENTS[agent].includes(e.hook_event_name))
    return { ok: false, skip: `${e.hook_event_name} is not a post-tool event of ${agent}` };
  if (!e.tool_name || !SHELL_TOOLS[agent].has(e.tool_name))
    return { ok: false, skip: `${e.tool_name ?? 'no tool'} is not a shell command` };
  const input = CommandInput.safeParse(e.tool_input);
  if (!input.success) return { ok: false, skip: `${e.tool_name} without tool_input.command` };
  const { command: raw, dir_path, directory } = input.data;
  const command = typeof raw === 'string' ? raw : quoteArgv(raw);
  if (brokered(command)) return { ok: false, skip: 'run through the broker, which records it' };
  const base = e.cwd || fallback.cwd;
  const dir = agent === 'gemini' ? (dir_path ?? directory) : undefined;
  const failed = e.hook_event_name === 'PostToolUseFailure';
  return {
    ok: true,
    executed: {
      agent,
      event: e.hook_event_name,
      command,
      cwd: dir ? posix.resolve(base, dir) : base,
      ...outcomeOf(e.tool_response, failed, e.is_interrupt === true),
      ...(e.session_id ? { session: e.session_id } : {}),
      ...(e.model ? { model: e.model } : {}),
    },
  };
}

function parseCursor(payload: unknown, fallback: { cwd: string }): PostToolParse {
  const p = CursorShell.safeParse(payload);
  if (!p.success) return { ok: false, skip: 'not an afterShellExecution payload with a command' };
  const { command, cwd, duration, conversation_id, model, workspace_roots } = p.data;
  if (brokered(command)) return { ok: false, skip: 'run through the broker, which records it' };
  return {
    ok: true,
    executed: {
      agent: 'cursor',
      event: 'afterShellExecution',
      command,
      cwd: cwd || workspace_roots?.[0] || fallback.cwd,
      // Cursor reports no exit status for a shell command.
      result: 'unknown',
      ...(duration !== undefined ? { durationMs: Math.round(duration) } : {}),
      ...(conversation_id ? { session: conversation_id } : {}),
      ...(model ? { model } : {}),
    },
  };
}

/** Read an agent's post-tool payload; `skip` says why there is nothing to record. */
export function parsePostTool(agent: AgentId, payload: unknown, fallback: { cwd: string }): PostToolParse {
  return agent === 'cursor' ? parseCursor(payload, fallback) : parseEnvelope(agent, payload, fallback);
}

/** What the post-tool hook prints: no opinion, in each agent's format. */
export function postToolOutput(agent: AgentId): string {
  return agent === 'cursor' || agent === 'gemini' ? '{}\n' : '';
}
