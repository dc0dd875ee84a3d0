import { CommanderError, type Command } from 'commander';
import { ClientError } from '../approvals/client-error.js';
import { InputError } from '../core/errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// The one place where an error becomes an exit code. main.ts's top-level handler uses it for whatever a
// command throws; commands that go on after an error (or close something first) use it too.

/**
 * Commander's own usage errors (an unknown command or option, a missing argument, a bad choice) exit 2
 * like ours, name the command, and say where its usage is; --help and --version still exit 0. Commander
 * copies these settings to a subcommand only when it is created, so they are set on every command here,
 * once all are registered.
 */
export function routeUsageErrors(command: Command, path = ''): void {
  const name = `interlock${path ? ` ${path}` : ''}`;
  command
    .exitOverride() // throw the CommanderError to main.ts's handler (exitCodeFor) instead of exiting 1
    .configureOutput({ outputError: (text, write) => write(`${name}: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError(`(\`${name} --help\` shows its usage)`);
  for (const sub of command.commands) routeUsageErrors(sub, path ? `${path} ${sub.name()}` : sub.name());
}

/** The exit code an error stands for. */
export function exitCodeFor(error: unknown): number {
  // Bad input the user can fix: a missing file, a bad value, a broken configuration or policy file.
  if (error instanceof InputError) return EXIT_CODES.usage;
  if (error instanceof CommanderError) {
    // --help, --version and `interlock help` exit 0; help shown because no subcommand was given is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_CODES.ok;
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    return EXIT_CODES.usage;
  }
  if (error instanceof ClientError && error.status !== undefined && error.status >= 400 && error.status < 500)
    // 400 (a bad value) and 404 (no such request) are the user's input; the server refused the rest (a bad or
    // revoked token, not allowed, a request no longer pending).
    return error.status === 400 || error.status === 404 ? EXIT_CODES.usage : EXIT_CODES.failed;
  // A server that cannot be reached or failed, and anything unexpected.
  return EXIT_CODES.internal;
}

/** What to print for an error: its own message when it is one we expect, else an internal error. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof InputError || error instanceof ClientError ? message : `internal error: ${message}`;
}

/**
 * Say what went wrong on stderr, as `interlock <command>: <message>`, and return the exit code.
 * Commander's own errors were printed by commander already.
 */
export function reportError(
  command: string,
  error: unknown,
  stderr: { write(text: string): unknown } = process.stderr,
): number {
  if (!(error instanceof CommanderError))
    stderr.write(`interlock${command ? ` ${command}` : ''}: ${errorMessage(error)}\n`);
  return exitCodeFor(error);
}
