import { readToolEvent } from './envelope.js';
import { splitMcpName } from './names.js';
import {
  field,
  stringField,
  type FileChange,
  type HookAdapter,
  type HookVerdict,
  type ParseResult,
  type ToolCall,
} from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// Claude Code, PreToolUse (https://code.claude.com/docs/en/hooks, "PreToolUse input" and
// "PreToolUse decision control"). Input on stdin (or as an HTTP hook's POST body):
//   { session_id, transcript_path, cwd, permission_mode, hook_event_name: "PreToolUse",
//     tool_name, tool_input, tool_use_id }
// Output, exit 0: { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: allow|deny|ask,
//   permissionDecisionReason, additionalContext } }. The reason of allow/ask is shown to the user, the reason
// of a deny to Claude; additionalContext reaches Claude. Exit 0 with no output: no decision (normal flow).
// `updatedInput` with an allow replaces the tool's input: the broker's rewrite of a production command.

/** Tools that only read: let through without an opinion. */
const READ_ONLY = new Set([
  'Read',
  'Grep',
  'Glob',
  'LS',
  'NotebookRead',
  'TodoRead',
  'WebSearch',
  'BashOutput',
  'TaskOutput',
  'ListMcpResourcesTool',
  'ReadMcpResourceTool',
]);
/** Tools that change nothing Interlock guards (the agent's own rules apply). */
const NOT_ASSESSED = new Set([
  'WebFetch',
  'Task',
  'Agent',
  'TodoWrite',
  'AskUserQuestion',
  'ExitPlanMode',
  'EnterPlanMode',
  'KillShell',
  'KillBash',
  'SlashCommand',
  'Skill',
  'ToolSearch',
  'TaskCreate',
  'TaskUpdate',
]);

/** What the installed hook matches (a regular expression, since it has anchors). */
export const CLAUDE_MATCHER = '^(Bash|Write|Edit|MultiEdit|NotebookEdit)$|^mcp__';

function fileChanges(tool: string, input: unknown): FileChange[] | string {
  const path = stringField(input, tool === 'NotebookEdit' ? 'notebook_path' : 'file_path');
  if (!path) return `${tool} without tool_input.${tool === 'NotebookEdit' ? 'notebook_path' : 'file_path'}`;
  return [{ path, change: tool === 'Write' ? 'write' : 'edit' }];
}

export function claudeToolCall(tool: string, input: unknown, cwd: string): ToolCall | string {
  if (tool === 'Bash') {
    const command = stringField(input, 'command');
    return command === undefined ? 'Bash without tool_input.command' : { kind: 'shell', command, cwd };
  }
  if (tool === 'Write' || tool === 'Edit' || tool === 'MultiEdit' || tool === 'NotebookEdit') {
    const files = fileChanges(tool, input);
    return typeof files === 'string' ? files : { kind: 'file-write', files, cwd };
  }
  const mcp = splitMcpName(tool);
  if (mcp) return { kind: 'mcp-call', server: mcp.server, tool: mcp.tool, args: input ?? {}, cwd };
  if (READ_ONLY.has(tool)) return { kind: 'read-only', tool };
  if (NOT_ASSESSED.has(tool)) return { kind: 'not-assessed', tool };
  return { kind: 'unknown', tool };
}

export function parseClaudeCode(raw: unknown, fallback: { cwd: string }): ParseResult {
  const envelope = readToolEvent(raw, 'claude-code', 'PreToolUse', fallback);
  if ('ok' in envelope) return envelope;
  const { payload, event, tool, cwd, session } = envelope;
  const input = field(payload, 'tool_input');
  const call = claudeToolCall(tool, input, cwd);
  if (typeof call === 'string')
    return { ok: false, kind: 'bad-input', message: call, readOnly: READ_ONLY.has(tool) };
  return {
    ok: true,
    request: { agent: 'claude-code', event, toolName: tool, call, ...(session ? { session } : {}) },
  };
}

/** The PreToolUse output for a verdict; no output at all for `pass`. */
export function claudeOutput(verdict: HookVerdict): object | undefined {
  const specific = (extra: object) => ({
    hookSpecificOutput: { hookEventName: 'PreToolUse', ...extra },
  });
  switch (verdict.outcome) {
    case 'pass':
      return undefined;
    case 'allow':
      return specific({
        permissionDecision: 'allow',
        permissionDecisionReason: verdict.userMessage,
        // Claude Code runs this input instead of the model's (PreToolUse "updatedInput").
        ...(verdict.updatedCommand ? { updatedInput: { command: verdict.updatedCommand } } : {}),
      });
    case 'ask':
      return specific({
        permissionDecision: 'ask',
        permissionDecisionReason: verdict.userMessage,
        additionalContext: verdict.agentMessage,
      });
    case 'deny':
      return {
        systemMessage: verdict.userMessage,
        ...specific({ permissionDecision: 'deny', permissionDecisionReason: verdict.agentMessage }),
      };
  }
}

export const claudeCode: HookAdapter = {
  agent: 'claude-code',
  canAsk: true,
  canRewrite: true,
  parse: parseClaudeCode,
  render(verdict) {
    const out = claudeOutput(verdict);
    return { stdout: out ? `${JSON.stringify(out)}\n` : '', exitCode: EXIT_CODES.ok };
  },
};
