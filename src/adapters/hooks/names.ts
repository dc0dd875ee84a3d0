/** `mcp__<server>__<tool>` (Claude Code, Codex, Gemini CLI); undefined for any other name. */
export function splitMcpName(name: string): { server: string; tool: string } | undefined {
  const match = /^mcp__(.+?)__(.+)$/.exec(name);
  return match ? { server: match[1]!, tool: match[2]! } : undefined;
}
