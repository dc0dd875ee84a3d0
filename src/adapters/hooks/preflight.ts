import { homedir } from 'node:os';
import { userConfigDir } from '../../config/discover.js';
import { changedFile, type SensitiveFile } from '../../analyzers/sensitive-files.js';
import {
  inputErrorVerdict,
  PASS_VERDICT,
  READ_ONLY_VERDICT,
  type FileChange,
  type HookAdapter,
  type HookRequest,
  type HookResponse,
  type HookVerdict,
} from './types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';

// The part of the hook that needs neither parsers nor policies: read the payload, answer read-only tools,
// ordinary file edits, unknown tools and unreadable input at once, and hand on what needs a decision.
// Kept to a handful of small modules: the hook process loads it on every tool call.

export interface HookContext {
  env: Record<string, string>;
  /** Where the hook runs, for payloads without a cwd. */
  cwd: string;
  /** The OS user the agent acts for. */
  user?: string;
}

export function respondWith(
  adapter: HookAdapter,
  verdict: HookVerdict,
  event?: string,
  stderr?: string,
): HookResponse {
  const out = adapter.render(verdict, event);
  return { ...out, verdict, ...(stderr ? { stderr } : {}) };
}

/** A response that blocks through the exit code (2 blocks in all four agents), for unreadable input. */
function blockByExitCode(message: string): HookResponse {
  const text = `interlock hook: ${message}; blocking this tool call to be safe.\n`;
  return {
    stdout: '',
    exitCode: EXIT_CODES['hook-block'],
    stderr: text,
    verdict: inputErrorVerdict(message),
  };
}

/** The sensitive files among those a tool would change. */
export function sensitiveChanges(
  files: readonly FileChange[],
  cwd: string,
  env: Record<string, string>,
): { file: SensitiveFile; change: FileChange }[] {
  const ctx = { cwd, home: env.HOME || homedir(), userConfigDir: userConfigDir(env) };
  return files.flatMap((change) => {
    const file = changedFile(change.path, ctx);
    return file ? [{ file, change }] : [];
  });
}

/** Everything that can be answered without parsers or policies, or the request that needs them. */
export function preflight(
  adapter: HookAdapter,
  raw: string,
  ctx: HookContext,
): { response: HookResponse } | { request: HookRequest } {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch (error) {
    const reason =
      raw.trim() === '' ? 'no input on stdin' : `the input is not JSON (${(error as Error).message})`;
    return { response: blockByExitCode(reason) };
  }
  const parsed = adapter.parse(payload, { cwd: ctx.cwd });
  if (!parsed.ok) {
    if (parsed.kind === 'not-pre-tool')
      return {
        response: respondWith(
          adapter,
          PASS_VERDICT(parsed.message),
          parsed.event,
          `interlock hook: ${parsed.message}\n`,
        ),
      };
    if (parsed.readOnly)
      return {
        response: respondWith(
          adapter,
          PASS_VERDICT('read-only tool'),
          undefined,
          `interlock hook: ${parsed.message}\n`,
        ),
      };
    return { response: blockByExitCode(parsed.message) };
  }
  const { request } = parsed;
  const { call } = request;
  switch (call.kind) {
    case 'read-only':
      return { response: respondWith(adapter, READ_ONLY_VERDICT(call.tool), request.event) };
    case 'not-assessed':
      return {
        response: respondWith(
          adapter,
          PASS_VERDICT(`Interlock does not assess ${call.tool}; the agent's own permissions apply.`),
          request.event,
        ),
      };
    case 'unknown': {
      const message = `Interlock does not know the tool ${call.tool}, so it cannot tell what it changes.`;
      const verdict: HookVerdict = {
        outcome: 'ask',
        detail: message,
        userMessage: `${message} Confirm it only if you know it is safe.`,
        agentMessage: `${message} The user was asked to confirm it.`,
      };
      return {
        response: respondWith(adapter, verdict, request.event, `interlock hook: unknown tool ${call.tool}\n`),
      };
    }
    case 'file-write':
      if (sensitiveChanges(call.files, call.cwd, ctx.env).length === 0)
        return {
          response: respondWith(
            adapter,
            PASS_VERDICT("Interlock: an ordinary file edit; the agent's own permissions apply."),
            request.event,
          ),
        };
      return { request };
    case 'shell':
    case 'mcp-call':
      return { request };
  }
}
