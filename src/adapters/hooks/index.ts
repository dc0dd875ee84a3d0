import { claudeCode } from './claude-code.js';
import { codex } from './codex.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import type { AgentId, HookAdapter } from './types.js';

/** One adapter per agent: its payload parser and output renderer. */
export const ADAPTERS: Record<AgentId, HookAdapter> = {
  'claude-code': claudeCode,
  cursor,
  gemini,
  codex,
};

export type { AgentId, HookAdapter } from './types.js';
