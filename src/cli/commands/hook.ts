import type { Command } from 'commander';

export function registerHook(program: Command): void {
  program
    .command('hook')
    .description(
      "Answer an agent's pre-tool hook: reads its JSON on stdin, prints its decision (claude-code, cursor, gemini, codex)",
    )
    .argument('<agent>', 'claude-code | cursor | gemini | codex')
    .option('--no-daemon', 'decide in this process even when `interlock daemon` is running')
    .addHelpText(
      'after',
      "\nInstalled by `interlock init --agent <agent>`; see docs/hooks.md for each agent's protocol. Exit 2 blocks the call when the input cannot be read.",
    )
    .action(async (agent: string, options: { daemon?: boolean }) => {
      const { runHook } = await import('../hook.js');
      process.exitCode = await runHook(agent, { daemon: options.daemon !== false });
    });
}
