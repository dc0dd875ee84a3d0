import {
  field,
  isObject,
  stringField,
  type HookAdapter,
  type HookVerdict,
  type ParseResult,
} from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// Cursor agent hooks (https://cursor.com/docs/agent/hooks). hooks.json: { version: 1, hooks: { <event>: [
// { command, timeout?, matcher?, failClosed? } ] } }. Every event gets { hook_event_name, conversation_id,
// generation_id, model, cursor_version, workspace_roots, user_email } on stdin, plus:
//   beforeShellExecution: { command, cwd }
//   beforeMCPExecution:   { tool_name, tool_input (object, or a JSON string in older versions), url | command }
// Output: { permission: "allow" | "deny" | "ask", user_message, agent_message }. Exit 2 blocks like a deny;
// any other failure lets the action through unless the entry sets failClosed: true.

export const CURSOR_EVENTS = ['beforeShellExecution', 'beforeMCPExecution'] as const;
const PERMISSION_EVENTS = new Set<string>([...CURSOR_EVENTS, 'beforeReadFile', 'preToolUse']);

function firstRoot(payload: unknown): string | undefined {
  const roots = field(payload, 'workspace_roots');
  return Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined;
}

function mcpArgs(input: unknown): unknown {
  if (typeof input !== 'string') return input ?? {};
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

export function parseCursor(payload: unknown, fallback: { cwd: string }): ParseResult {
  if (!isObject(payload))
    return { ok: false, kind: 'bad-input', message: 'the hook input is not a JSON object' };
  const event = stringField(payload, 'hook_event_name');
  if (!event) return { ok: false, kind: 'bad-input', message: 'hook_event_name is missing' };
  const cwd = stringField(payload, 'cwd') || firstRoot(payload) || fallback.cwd;
  const session = stringField(payload, 'conversation_id');
  const model = stringField(payload, 'model');
  const meta = { ...(session ? { session } : {}), ...(model ? { model } : {}) };
  if (event === 'beforeShellExecution') {
    const command = stringField(payload, 'command');
    if (command === undefined) return { ok: false, kind: 'bad-input', message: 'command is missing' };
    return {
      ok: true,
      request: { agent: 'cursor', event, toolName: 'shell', call: { kind: 'shell', command, cwd }, ...meta },
    };
  }
  if (event === 'beforeMCPExecution') {
    const tool = stringField(payload, 'tool_name');
    if (!tool) return { ok: false, kind: 'bad-input', message: 'tool_name is missing' };
    // Cursor names the server by how it is reached, not by its configured name.
    const server = stringField(payload, 'url') || stringField(payload, 'command');
    return {
      ok: true,
      request: {
        agent: 'cursor',
        event,
        toolName: tool,
        call: {
          kind: 'mcp-call',
          ...(server ? { server } : {}),
          tool,
          args: mcpArgs(field(payload, 'tool_input')),
          cwd,
        },
        ...meta,
      },
    };
  }
  return {
    ok: false,
    kind: 'not-pre-tool',
    event,
    message: `interlock hook cursor handles ${CURSOR_EVENTS.join(' and ')}, not ${event}`,
  };
}

export function cursorOutput(verdict: HookVerdict, event?: string): object {
  switch (verdict.outcome) {
    case 'pass':
      // Events without a permission answer take an empty object.
      return event && !PERMISSION_EVENTS.has(event) ? {} : { permission: 'allow' };
    case 'allow':
      return { permission: 'allow' };
    case 'ask':
    case 'deny':
      return {
        permission: verdict.outcome,
        user_message: verdict.userMessage,
        agent_message: verdict.agentMessage,
      };
  }
}

export const cursor: HookAdapter = {
  agent: 'cursor',
  canAsk: true,
  parse: parseCursor,
  render(verdict, event) {
    return { stdout: `${JSON.stringify(cursorOutput(verdict, event))}\n`, exitCode: EXIT_CODES.ok };
  },
};
