import { isObject, stringField, type ParseResult } from './types.js';

/** The fields every pre-tool payload carries, whatever the agent. */
export interface ToolEvent {
  payload: Record<string, unknown>;
  event: string;
  tool: string;
  cwd: string;
  session?: string;
}

/**
 * Read the common envelope of a pre-tool hook payload (Claude Code, Codex, Gemini CLI share it):
 * an object with `hook_event_name` (default: the agent's pre-tool event), `tool_name`, `cwd`, `session_id`.
 * A payload that is not that yields the ParseResult the hook answers with.
 */
export function readToolEvent(
  payload: unknown,
  agent: string,
  preToolEvent: string,
  fallback: { cwd: string },
): ToolEvent | Extract<ParseResult, { ok: false }> {
  if (!isObject(payload))
    return { ok: false, kind: 'bad-input', message: 'the hook input is not a JSON object' };
  const event = stringField(payload, 'hook_event_name') ?? preToolEvent;
  if (event !== preToolEvent) {
    return {
      ok: false,
      kind: 'not-pre-tool',
      event,
      message: `interlock hook ${agent} handles ${preToolEvent}, not ${event}`,
    };
  }
  const tool = stringField(payload, 'tool_name');
  if (!tool) return { ok: false, kind: 'bad-input', message: 'tool_name is missing' };
  const session = stringField(payload, 'session_id');
  return {
    payload,
    event,
    tool,
    cwd: stringField(payload, 'cwd') || fallback.cwd,
    ...(session ? { session } : {}),
  };
}
