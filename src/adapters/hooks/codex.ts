import { readToolEvent } from './envelope.js';
import { splitMcpName } from './names.js';
import { patchedFiles, patchInShellCommand } from './patch.js';
import { askAsDeny } from './verdict.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import {
  field,
  stringField,
  type HookAdapter,
  type HookVerdict,
  type ParseResult,
  type ToolCall,
} from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// OpenAI Codex hooks (https://developers.openai.com/codex/hooks; codex-rs/hooks). hooks.json in ~/.codex or
// <repo>/.codex, same shape as Claude Code's: { hooks: { PreToolUse: [ { matcher, hooks: [ { type:
// "command", command, timeout } ] } ] } }. PreToolUse input: { session_id, turn_id, transcript_path, cwd,
// hook_event_name, model, permission_mode, tool_name: "Bash" | "apply_patch" | "mcp__server__tool",
// tool_input: { command } (the patch text for apply_patch), tool_use_id }.
// Output: only a deny is honoured, as { hookSpecificOutput: { hookEventName: "PreToolUse",
// permissionDecision: "deny", permissionDecisionReason } } (or exit 2 with the reason on stderr).
// permissionDecision "allow" (without updatedInput) and "ask" are rejected as unsupported and the tool
// runs, as do continue/stopReason/suppressOutput. So: allow prints nothing, ask is rendered as a deny.

/** What the installed hook matches. */
export const CODEX_MATCHER = 'Bash|apply_patch|mcp__.*';

function codexToolCall(tool: string, input: unknown, cwd: string): ToolCall | string {
  const raw = field(input, 'command');
  const command =
    typeof raw === 'string'
      ? raw
      : Array.isArray(raw) && raw.every((a) => typeof a === 'string')
        ? quoteArgv(raw as string[])
        : undefined;
  if (tool === 'Bash' || tool === 'shell' || tool === 'exec_command' || tool === 'local_shell') {
    if (command === undefined) return `${tool} without tool_input.command`;
    const patch = patchInShellCommand(command);
    if (patch) return { kind: 'file-write', files: patchedFiles(patch), cwd };
    return { kind: 'shell', command, cwd };
  }
  if (tool === 'apply_patch') {
    if (command === undefined) return 'apply_patch without tool_input.command';
    return { kind: 'file-write', files: patchedFiles(command), cwd };
  }
  const mcp = splitMcpName(tool);
  if (mcp) return { kind: 'mcp-call', server: mcp.server, tool: mcp.tool, args: input ?? {}, cwd };
  return { kind: 'unknown', tool };
}

export function parseCodex(raw: unknown, fallback: { cwd: string }): ParseResult {
  const envelope = readToolEvent(raw, 'codex', 'PreToolUse', fallback);
  if ('ok' in envelope) return envelope;
  const { payload, event, tool, cwd, session } = envelope;
  const call = codexToolCall(tool, field(payload, 'tool_input'), cwd);
  if (typeof call === 'string') return { ok: false, kind: 'bad-input', message: call };
  const model = stringField(payload, 'model');
  return {
    ok: true,
    request: {
      agent: 'codex',
      event,
      toolName: tool,
      call,
      ...(session ? { session } : {}),
      ...(model ? { model } : {}),
    },
  };
}

/** The PreToolUse output; undefined (print nothing) unless the call is denied. */
export function codexOutput(verdict: HookVerdict): object | undefined {
  const v = askAsDeny(verdict, 'Codex');
  if (v.outcome !== 'deny') return undefined;
  return {
    systemMessage: v.userMessage,
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: v.agentMessage,
    },
  };
}

export const codex: HookAdapter = {
  agent: 'codex',
  canAsk: false,
  parse: parseCodex,
  render(verdict) {
    const out = codexOutput(verdict);
    return { stdout: out ? `${JSON.stringify(out)}\n` : '', exitCode: EXIT_CODES.ok };
  },
};
