import { homedir } from 'node:os';
import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

interface UninstallOptions {
  agent: string;
  project?: boolean;
  user?: boolean;
  dir?: string;
}

export function registerUninstall(program: Command): void {
  program
    .command('uninstall')
    .description("Remove the Interlock hook from an agent's settings (only the entries interlock init added)")
    .requiredOption('--agent <agent>', 'claude-code | cursor | gemini | codex')
    .option('--user', "only the agent's user settings")
    .option('--project', "only the project's settings (this directory, or --dir)")
    .option('--dir <dir>', 'project directory (default: current)', existingDirectory)
    .action(async (options: UninstallOptions) => {
      const { isAgentId, AGENTS } = await import('../../adapters/hooks/types.js');
      if (!isAgentId(options.agent)) {
        process.stderr.write(
          `interlock uninstall: unknown agent "${options.agent}"; expected one of ${AGENTS.join(', ')}\n`,
        );
        process.exitCode = EXIT_CODES.usage;
        return;
      }
      const agent = options.agent;
      const { uninstall, settingsFile } = await import('../../adapters/hooks/install.js');
      const scopes =
        options.user && !options.project
          ? (['user'] as const)
          : options.project && !options.user
            ? (['project'] as const)
            : (['user', 'project'] as const);
      const where = { home: process.env.HOME || homedir(), project: options.dir ?? process.cwd() };
      let removed = 0;
      // A settings file that is not plain JSON is an InputError (exit 2), reported by main.ts.
      for (const scope of scopes) {
        const result = uninstall(agent, settingsFile(agent, scope, where));
        removed += result.removed;
        if (result.changed)
          process.stdout.write(
            `Removed ${result.removed} Interlock hook entr${result.removed === 1 ? 'y' : 'ies'} from ${result.file}${result.deleted ? ' (left empty, so deleted)' : ''}${result.backup ? `; previous file kept as ${result.backup}` : ''}.\n`,
          );
      }
      if (removed === 0)
        process.stdout.write(`No Interlock hook for ${agent} was installed; nothing changed.\n`);
    });
}
