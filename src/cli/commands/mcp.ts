import type { Command } from 'commander';
import { existingDirectory } from '../options.js';

// `interlock mcp wrap|unwrap`: put `interlock mcp-proxy` in front of the stdio MCP servers an agent's
// configuration starts, and take it out again. (`interlock mcp-proxy` itself is its own command.)

export interface McpWrapOptions {
  agent: string;
  project?: boolean;
  server?: string[];
  dryRun?: boolean;
  dir?: string;
}

export function registerMcp(program: Command): void {
  const mcp = program
    .command('mcp')
    .description("Route an agent's stdio MCP servers through `interlock mcp-proxy`, or back");
  for (const action of ['wrap', 'unwrap'] as const) {
    mcp
      .command(action)
      .description(
        action === 'wrap'
          ? "Start each stdio MCP server in the agent's configuration through `interlock mcp-proxy`, which judges every tool call"
          : 'Put back the MCP servers `mcp wrap` routed through `interlock mcp-proxy`, exactly as they were',
      )
      .requiredOption('--agent <agent>', 'claude-code | cursor | gemini')
      .option('--project', "the project's configuration (this directory, or --dir) instead of the user's")
      .option('--server <name...>', 'only these servers (by their name in the configuration)')
      .option('--dry-run', 'say what would change, and change nothing')
      .option('--dir <dir>', 'project directory (default: current)', existingDirectory)
      .addHelpText(
        'after',
        `
The files: Claude Code ~/.claude.json (user servers, and this project's local ones) or .mcp.json (--project);
Cursor ~/.cursor/mcp.json or .cursor/mcp.json; Gemini CLI ~/.gemini/settings.json or .gemini/settings.json.
Remote servers (url, httpUrl, type http or sse) are left as they are: the agent starts no process for them.
The previous file is kept as <file>.interlock-backup.`,
      )
      .action(async (options: McpWrapOptions) => {
        const { runMcpWrap } = await import('../mcp-wrap.js');
        process.exitCode = runMcpWrap(action, options);
      });
  }
}
