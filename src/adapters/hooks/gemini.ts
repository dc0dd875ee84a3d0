import { readToolEvent } from './envelope.js';
import { splitMcpName } from './names.js';
import { posix } from 'node:path';
import { askAsDeny } from './verdict.js';
import {
  field,
  isObject,
  stringField,
  type HookAdapter,
  type HookVerdict,
  type ParseResult,
  type ToolCall,
} from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// Gemini CLI, BeforeTool (https://geminicli.com/docs/hooks/reference). settings.json: { hooks: { BeforeTool:
// [ { matcher, hooks: [ { type: "command", command, name, timeout (ms) } ] } ] } }. Input on stdin:
//   { session_id, transcript_path, cwd, hook_event_name: "BeforeTool", timestamp, tool_name, tool_input,
//     mcp_context? }
// Output, exit 0: { decision: "allow" | "deny", reason (sent to the agent), systemMessage (shown to the
// user) }. Exit 2 blocks with stderr as the reason; other exit codes only warn. BeforeTool has no "ask":
// any decision other than deny/block lets the tool run, so Interlock's ask is rendered as a deny.

const READ_ONLY = new Set([
  'read_file',
  'read_many_files',
  'glob',
  'search_file_content',
  'grep_search',
  'list_directory',
  'google_web_search',
  'web_fetch',
  'get_internal_docs',
]);
const NOT_ASSESSED = new Set([
  'save_memory',
  'write_todos',
  'delegate_to_agent',
  'activate_skill',
  'ask_user',
  'enter_plan_mode',
  'exit_plan_mode',
]);

/** What the installed hook matches (a regular expression). */
export const GEMINI_MATCHER = '^(run_shell_command|write_file|replace)$|^mcp__';

function geminiToolCall(tool: string, input: unknown, cwd: string, mcpContext: unknown): ToolCall | string {
  if (tool === 'run_shell_command') {
    const command = stringField(input, 'command');
    if (command === undefined) return 'run_shell_command without tool_input.command';
    const dir = stringField(input, 'dir_path') ?? stringField(input, 'directory');
    return { kind: 'shell', command, cwd: dir ? posix.resolve(cwd, dir) : cwd };
  }
  if (tool === 'write_file' || tool === 'replace') {
    const path = stringField(input, 'file_path') ?? stringField(input, 'absolute_path');
    if (!path) return `${tool} without tool_input.file_path`;
    return { kind: 'file-write', files: [{ path, change: tool === 'write_file' ? 'write' : 'edit' }], cwd };
  }
  const named = splitMcpName(tool);
  const server = stringField(mcpContext, 'server_name') ?? named?.server;
  if (named || isObject(mcpContext)) {
    return {
      kind: 'mcp-call',
      ...(server ? { server } : {}),
      tool: stringField(mcpContext, 'tool_name') ?? named?.tool ?? tool,
      args: input ?? {},
      cwd,
    };
  }
  if (READ_ONLY.has(tool)) return { kind: 'read-only', tool };
  if (NOT_ASSESSED.has(tool)) return { kind: 'not-assessed', tool };
  return { kind: 'unknown', tool };
}

export function parseGemini(raw: unknown, fallback: { cwd: string }): ParseResult {
  const envelope = readToolEvent(raw, 'gemini', 'BeforeTool', fallback);
  if ('ok' in envelope) return envelope;
  const { payload, event, tool, cwd, session } = envelope;
  const call = geminiToolCall(tool, field(payload, 'tool_input'), cwd, field(payload, 'mcp_context'));
  if (typeof call === 'string')
    return { ok: false, kind: 'bad-input', message: call, readOnly: READ_ONLY.has(tool) };
  return {
    ok: true,
    request: { agent: 'gemini', event, toolName: tool, call, ...(session ? { session } : {}) },
  };
}

export function geminiOutput(verdict: HookVerdict): object {
  const v = askAsDeny(verdict, 'Gemini CLI');
  switch (v.outcome) {
    case 'pass':
      return {};
    case 'allow':
      return { decision: 'allow' };
    case 'ask': // askAsDeny made it a deny
    case 'deny':
      return { decision: 'deny', reason: v.agentMessage, systemMessage: v.userMessage };
  }
}

export const gemini: HookAdapter = {
  agent: 'gemini',
  canAsk: false,
  parse: parseGemini,
  render(verdict) {
    return { stdout: `${JSON.stringify(geminiOutput(verdict))}\n`, exitCode: EXIT_CODES.ok };
  },
};
