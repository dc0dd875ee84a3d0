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
      // Set up as its own user, the hook asks that user's daemon over its socket, as the installed one does.
      const { systemMode } = await import('../../daemon/system-trust.js');
      if (systemMode(process.env)) {
        const { runFastHook } = await import('../hook-fast.js');
        process.exitCode = await runFastHook([agent, ...(options.daemon === false ? ['--no-daemon'] : [])]);
        return;
      }
      const { runHook } = await import('../hook.js');
      process.exitCode = await runHook(agent, { daemon: options.daemon !== false });
    });
}
