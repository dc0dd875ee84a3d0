import { quoteArgv } from '../../shell/quote-argv.js';
import { stringArg, words } from './words.js';

// Tools that run a command line (a terminal server's execute_command, Desktop Commander's start_process, the
// AWS server's call_aws, a pod's exec): the command in their arguments is what the call does, so it is
// judged as the shell command it is, by the same parser and analyzers as a command the agent runs itself.

/** Argument keys that hold a command line whatever the tool is called. */
const COMMAND_LINE_KEYS = ['cli_command', 'shell_command', 'command_line', 'commandLine', 'bash_command'];
/** Keys that hold a command line when the tool runs commands. */
const COMMAND_KEYS = ['command', 'cmd', 'script', 'commands', 'input', 'shell'];
/** Words in a tool's name that say it runs what it is given. */
const RUNS = new Set([
  'exec',
  'execute',
  'run',
  'shell',
  'bash',
  'sh',
  'terminal',
  'process',
  'command',
  'cmd',
  'cli',
  'spawn',
  'console',
]);

/** Where a command runs, when the arguments say (an absolute directory only). */
const CWD_KEYS = ['cwd', 'workdir', 'working_directory', 'workingDirectory', 'directory', 'dir'];

export interface CommandLine {
  command: string;
  cwd?: string;
}

function commandText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string'))
    return quoteArgv(value as string[]);
  return undefined;
}

/** The command lines a tool call runs: none when its tool is not one that runs commands. */
export function commandLines(tool: string, args: unknown): CommandLine[] {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [];
  const record = args as Record<string, unknown>;
  const runs = words(tool).some((w) => RUNS.has(w));
  const keys = runs ? [...COMMAND_LINE_KEYS, ...COMMAND_KEYS] : COMMAND_LINE_KEYS;
  const cwd = stringArg(args, ...CWD_KEYS);
  const lines: CommandLine[] = [];
  for (const key of keys) {
    const text = commandText(record[key]);
    if (text) lines.push({ command: text, ...(cwd?.startsWith('/') ? { cwd } : {}) });
  }
  return lines;
}
