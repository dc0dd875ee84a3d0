import type { HookResponse } from '../adapters/hooks/types.js';

// What a hook call can be answered with before any parser or policy loads: unreadable input (blocked),
// read-only tools and ordinary file edits (no opinion). Shared by the fast entry, which then need not load
// the bundled full hook at all, and by the full hook.

/** The answer when no policy is needed; undefined when the call needs the parsers and policies. */
export async function answerAtOnce(
  agent: string,
  raw: string,
  ctx: { env: Record<string, string>; cwd: string },
): Promise<HookResponse | undefined> {
  const [{ isAgentId }, { loadAdapter }, { preflight }] = await Promise.all([
    import('../adapters/hooks/types.js'),
    import('../adapters/hooks/load.js'),
    import('../adapters/hooks/preflight.js'),
  ]);
  if (!isAgentId(agent)) return undefined;
  const first = preflight(await loadAdapter[agent](), raw, ctx);
  return 'response' in first ? first.response : undefined;
}
