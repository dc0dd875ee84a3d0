import type { AgentId, HookAdapter } from './types.js';

/** Load only the adapter a hook call needs: the hook process pays for every module it loads. */
export const loadAdapter: Record<AgentId, () => Promise<HookAdapter>> = {
  'claude-code': async () => (await import('./claude-code.js')).claudeCode,
  cursor: async () => (await import('./cursor.js')).cursor,
  gemini: async () => (await import('./gemini.js')).gemini,
  codex: async () => (await import('./codex.js')).codex,
};
