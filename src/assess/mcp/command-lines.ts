import { isObject } from '../../core/guards.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import { stringArg, words } from './words.js';

// Tools that run a command line (a terminal server's execute_command, Desktop Commander's start_process, the
// AWS server's call_aws, a pod's exec): the command in their arguments is what the call does, so it is
// judged as the shell command it is, by the same parser and analyzers as a command the agent runs itself.

/** Argument keys that hold a command line whatever the tool is called. */
const COMMAND_LINE_KEYS = ['cli_command', 'shell_command', 'command_line', 'commandLine', 'bash_command'];
/** Keys that hold a command line when the tool runs commands. */
const COMMAND_KEYS = ['command', 'cmd', 'script', 'commands', 'input'];
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

/** Interpreters and the option that runs code given as an argument. */
const INLINE: Record<string, string> = {
  bash: '-c',
  sh: '-c',
  zsh: '-c',
  dash: '-c',
  python: '-c',
  python3: '-c',
  node: '-e',
  ruby: '-e',
  perl: '-e',
  php: '-r',
};
const ARGV_KEYS = ['args', 'argv', 'arguments', 'params'];
const STDIN_KEYS = ['stdin', 'input', 'script', 'code', 'source'];

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

/**
 * One command split across keys: `{command: "rm", args: ["-rf", "/x"]}`, a shell given its script on stdin
 * (`{command: "bash", stdin: "rm -rf …"}`), an interpreter given code (`{interpreter: "python3", script: …}`).
 */
function splitCommand(record: Record<string, unknown>): string | undefined {
  const program = typeof record.command === 'string' ? record.command.trim() : undefined;
  const interpreter = stringArg(record, 'interpreter', 'language', 'runtime', 'shell')?.trim();
  const rest = ARGV_KEYS.map((k) => strings(record[k])).find((a) => a !== undefined);
  if (program && rest?.length) return `${program} ${quoteArgv(rest)}`;
  const runner = interpreter ?? program;
  const code = STDIN_KEYS.map((k) => record[k]).find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const flag = runner ? INLINE[runner.split('/').pop()!] : undefined;
  if (runner && flag && code) return quoteArgv([runner, flag, code]);
  return undefined;
}

/** The command lines a tool call runs: none when its tool is not one that runs commands. */
export function commandLines(tool: string, args: unknown): CommandLine[] {
  if (!isObject(args)) return [];
  const record = args;
  const runs = words(tool).some((w) => RUNS.has(w));
  const cwd = stringArg(args, ...CWD_KEYS);
  const where = cwd?.startsWith('/') ? { cwd } : {};
  const split = runs ? splitCommand(record) : undefined;
  if (split) return [{ command: split, ...where }];
  const keys = runs ? [...COMMAND_LINE_KEYS, ...COMMAND_KEYS] : COMMAND_LINE_KEYS;
  const lines: CommandLine[] = [];
  for (const key of keys) {
    const text = commandText(record[key]);
    if (text) lines.push({ command: text, ...where });
  }
  return lines;
}
