import { isObject } from '../../core/guards.js';

export { isObject };
// The shared vocabulary of the agent hooks: what every agent's pre-tool payload is normalised to, and the
// verdict every agent's output is rendered from. Plain data and pure functions only.

export const AGENTS = ['claude-code', 'cursor', 'gemini', 'codex'] as const;
export type AgentId = (typeof AGENTS)[number];

export function isAgentId(value: string): value is AgentId {
  return (AGENTS as readonly string[]).includes(value);
}

/** Who makes the agent, for the principal the policies see. */
export const VENDORS: Record<AgentId, string> = {
  'claude-code': 'anthropic',
  cursor: 'anysphere',
  gemini: 'google',
  codex: 'openai',
};

/** One file a tool would change. `write` replaces the whole file; `edit` changes part of it. */
export interface FileChange {
  path: string;
  change: 'write' | 'edit' | 'delete';
}

/** What the agent wants to do, as far as Interlock is concerned. */
export type ToolCall =
  | { kind: 'shell'; command: string; cwd: string }
  | { kind: 'file-write'; files: FileChange[]; cwd: string }
  | {
      kind: 'mcp-call';
      /** The MCP server, when the agent names it (Claude, Gemini and Codex do; Cursor names its url or command). */
      server?: string;
      tool: string;
      args: unknown;
      cwd: string;
    }
  /** A tool that only reads (Read, Grep, Glob, LS…): allowed without loading parsers or policies. */
  | { kind: 'read-only'; tool: string }
  /** A tool Interlock has no opinion about (web search, todo lists, subagents): the agent's own rules apply. */
  | { kind: 'not-assessed'; tool: string }
  /** A tool nobody told Interlock about. */
  | { kind: 'unknown'; tool: string };

export interface HookRequest {
  agent: AgentId;
  /** The agent's event name (PreToolUse, beforeShellExecution, BeforeTool…). */
  event: string;
  toolName: string;
  call: ToolCall;
  session?: string;
  model?: string;
}

export type ParseResult =
  | { ok: true; request: HookRequest }
  /** Not a pre-tool event (a hook wired to the wrong event): nothing to decide. */
  | { ok: false; kind: 'not-pre-tool'; event: string; message: string }
  /** The payload is malformed or misses fields; `readOnly` when the tool is still known to only read. */
  | { ok: false; kind: 'bad-input'; message: string; readOnly?: boolean };

/**
 * What the hook answers. `pass` means no opinion: the agent's own permission rules apply (used for tools
 * Interlock does not assess). `ask` on an agent that cannot ask its user is rendered as a deny.
 */
type HookOutcome = 'allow' | 'ask' | 'deny' | 'pass';

export interface HookVerdict {
  outcome: HookOutcome;
  /** The policy outcome this came from, when policies decided (require-approval becomes ask for now). */
  decided?: 'allow' | 'ask' | 'require-approval' | 'deny';
  approvals?: number;
  approverGroup?: string;
  /** For the person at the keyboard. */
  userMessage: string;
  /** For the model: why, and what to do instead. */
  agentMessage: string;
  /** The plain explanation both messages are built from (what it would do, which policy). */
  detail?: string;
  /** With `allow`: the shell command that runs instead (the broker's `interlock run -- …`). */
  updatedCommand?: string;
}

/** What the hook process prints and how it exits. */
export interface HookResponse {
  stdout: string;
  exitCode: number;
  /** A note for stderr (the agent shows or logs it). */
  stderr?: string;
  verdict: HookVerdict;
}

/** One agent's protocol: parse its payload, render a verdict in its output format. Pure functions. */
export interface HookAdapter {
  agent: AgentId;
  /** Whether the agent can ask its user to confirm from a pre-tool hook. */
  canAsk: boolean;
  /** Whether its pre-tool hook can replace the command that runs (Claude Code's updatedInput). */
  canRewrite?: boolean;
  /** `cwd` is where the hook runs, for payloads that do not say. */
  parse(payload: unknown, fallback: { cwd: string }): ParseResult;
  render(verdict: HookVerdict, event?: string): { stdout: string; exitCode: number };
}

const MAX_MESSAGE = 1800;

export function clip(text: string, max = MAX_MESSAGE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The value under `key` when `value` is a plain object. */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function stringField(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** A verdict that blocks because the hook could not understand what it was given. */
export function inputErrorVerdict(message: string): HookVerdict {
  return {
    outcome: 'deny',
    userMessage: `Interlock could not read this tool call (${message}); it was blocked to be safe.`,
    agentMessage: `Interlock blocked this tool call because the hook input could not be read (${message}). Nothing ran.`,
  };
}

/**
 * Read-only tools are let through without an opinion (`pass`), not with an `allow`: an allow would also
 * skip the agent's own prompts (Claude Code asks before reading outside the project), and Interlock judges
 * what is destroyed, not what is read.
 */
export const READ_ONLY_VERDICT = (tool: string): HookVerdict => ({
  outcome: 'pass',
  userMessage: `Interlock: ${tool} only reads.`,
  agentMessage: `${tool} only reads.`,
});

export const PASS_VERDICT = (why: string): HookVerdict => ({
  outcome: 'pass',
  userMessage: why,
  agentMessage: why,
});
