import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { AgentId } from '../../adapters/hooks/types.js';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

export interface InitOptions {
  agent?: string;
  project?: boolean;
  user?: boolean;
  http?: boolean;
  port?: string;
  command?: string;
  dir?: string;
  autostart?: boolean;
}

/** The command the agent runs: this Node and this copy of Interlock, by absolute path (agents do not share
 * the shell's PATH), through the entry point that skips the command-line parser. */
function defaultHookCommand(agent: AgentId, options: { autostart?: boolean } = {}): string {
  const entry = fileURLToPath(new URL('../hook-fast.cjs', import.meta.url));
  const quote = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const flags = options.autostart === false ? '' : ' --autostart';
  return `${quote(process.execPath)} ${quote(entry)}${flags} ${agent}`;
}

const NOTES: Record<AgentId, string> = {
  'claude-code':
    'Claude Code reads it at the next session start (or /hooks). onFailure "block" needs Claude Code 2.1.295 or later; older versions let a failing hook pass.',
  cursor: 'Cursor reloads hooks.json on save; failClosed makes a crashed hook block.',
  gemini:
    'Gemini CLI must have its hooks system enabled (/settings → "Enable Hooks System", or tools.enableHooks: true in older versions); restart it.',
  codex:
    'Codex runs hooks by default; older versions need `[features] codex_hooks = true` in ~/.codex/config.toml. A project .codex/ is read only in trusted projects.',
};

/** `init --agent`, also `setup --user --agent` (single-user mode: Interlock runs as the agent's user). */
export async function initAgent(agentArg: string, options: InitOptions): Promise<number> {
  const { isAgentId, AGENTS } = await import('../../adapters/hooks/types.js');
  if (!isAgentId(agentArg)) {
    process.stderr.write(
      `interlock init: unknown agent "${agentArg}"; expected one of ${AGENTS.join(', ')}\n`,
    );
    return EXIT_CODES.usage;
  }
  const agent = agentArg;
  if (options.project && options.user) {
    process.stderr.write('interlock init: choose --project or --user, not both\n');
    return EXIT_CODES.usage;
  }
  if (options.http && agent !== 'claude-code') {
    process.stderr.write('interlock init: --http is for Claude Code only (the other agents run commands)\n');
    return EXIT_CODES.usage;
  }
  const { install, settingsFile } = await import('../../adapters/hooks/install.js');
  const { DEFAULT_PORT } = await import('../../daemon/state.js');
  const scope = options.project ? 'project' : 'user';
  const file = settingsFile(agent, scope, {
    home: process.env.HOME || homedir(),
    project: options.dir ?? process.cwd(),
  });
  const port = options.port ? Number(options.port) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    process.stderr.write(`interlock init: --port ${options.port} is not a port number\n`);
    return EXIT_CODES.usage;
  }
  const hook = {
    command: options.command ?? defaultHookCommand(agent, { autostart: options.autostart !== false }),
    ...(options.http ? { httpUrl: `http://127.0.0.1:${port}/hooks/claude-code` } : {}),
  };
  // A settings file that is not plain JSON is an InputError (exit 2), reported by main.ts.
  const result = install(agent, file, hook);
  process.stdout.write(
    result.changed
      ? `Installed the Interlock hook for ${agent} in ${file}${result.backup ? ` (previous file kept as ${result.backup})` : ''}.\n`
      : `The Interlock hook for ${agent} is already installed in ${file}; nothing changed.\n`,
  );
  process.stdout.write(`${NOTES[agent]}\n`);
  if (options.http)
    process.stdout.write(
      `The hook posts to ${hook.httpUrl}: keep the daemon running (interlock daemon start --background --port ${port}). While it is down, Claude Code blocks every matched tool call (onFailure "block"); versions before 2.1.295 let them pass.\n`,
    );
  process.stdout.write('Check it with: interlock doctor\n');
  return EXIT_CODES.ok;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'Write a starter .interlock/ configuration, or with --agent install the hook into an agent (claude-code, cursor, gemini, codex)',
    )
    .option('--agent <agent>', 'install the hook for claude-code | cursor | gemini | codex')
    .option('--user', "the agent's user settings (default)")
    .option('--project', "the project's settings (this directory, or --dir)")
    .option('--http', 'Claude Code only: an http hook to `interlock daemon` instead of a command')
    .option('--port <port>', 'the daemon port for --http')
    .option('--command <command>', 'the hook command to install (default: this Node and this Interlock)')
    .option('--dir <dir>', 'project directory (default: current)', existingDirectory)
    .option(
      '--no-autostart',
      'the installed hook does not start `interlock daemon` in the background when none is running',
    )
    .action(async (options: InitOptions) => {
      if (options.agent) {
        process.exitCode = await initAgent(options.agent, options);
        return;
      }
      const { writeStarterConfig } = await import('../../config/starter.js');
      const written = writeStarterConfig(options.dir ?? process.cwd());
      process.stdout.write(
        written.length
          ? `Wrote ${written.join(', ')}\n`
          : 'The starter configuration is already there; nothing written.\n',
      );
    });
}
