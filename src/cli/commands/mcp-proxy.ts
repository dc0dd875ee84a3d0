import type { Command } from 'commander';
import { existingDirectory } from '../options.js';

export function registerMcpProxy(program: Command): void {
  program
    .command('mcp-proxy')
    .description(
      'Run an MCP server (stdio) behind Interlock: every tools/call is judged before it reaches the server',
    )
    .argument('<command...>', "the server's command line, after --")
    .option('--name <name>', 'the name the agent gives this server (default: the program name)')
    .option('--cwd <dir>', 'directory to start the server in', existingDirectory)
    .addHelpText(
      'after',
      `
In the agent's MCP configuration, put \`interlock mcp-proxy --name NAME --\` before the server's command, e.g.
  "postgres-prod": { "command": "interlock", "args": ["mcp-proxy", "--name", "postgres-prod", "--",
                     "npx", "-y", "@modelcontextprotocol/server-postgres", "postgresql://db.prod/app"] }
A call the policies allow is forwarded; one that needs the user's confirmation is put to the user through
MCP elicitation when the client offers it (else blocked); anything else is answered with a tool error that
says why. Every decision is in the audit log. Messages other than tools/call pass unchanged.`,
    )
    .action(async (command: string[], options: { name?: string; cwd?: string }) => {
      const { runMcpProxy } = await import('../mcp-proxy.js');
      process.exitCode = await runMcpProxy(command, options);
    });
}
