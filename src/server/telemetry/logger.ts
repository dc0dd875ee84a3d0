import { pino, type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';
import { GatheredLines } from './gathered-lines.js';

// The server's structured log: one JSON object per line on stderr. Whatever an agent sends (commands,
// bodies, tokens) never reaches it; the redact list is the backstop should a header object ever be logged.

export const LogLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
  error: 'a log level is one of trace, debug, info, warn, error, fatal, silent',
});
export type LogLevel = z.infer<typeof LogLevel>;

// Fixed paths only: a wildcard (`*.authorization`) made each line cost twice as much (measured, pino 10).
const REDACT = [
  'authorization',
  'cookie',
  'token',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

export type { Logger };

/**
 * Where the server's lines go (stderr; the bench: /dev/null): written asynchronously, so a line never waits
 * for the disk, and gathered until 4 KiB or 100 ms have passed, so a busy server makes one write for a few
 * dozen requests instead of one per event-loop turn (~6% of its CPU at maximum load, issue 17), gathered in
 * an array (see GatheredLines). A graceful stop flushes (`logger.flush()`); a killed process may lose its
 * last 100 ms of lines, never an audit entry.
 */
export function logDestination(dest: number | string): DestinationStream {
  const out = pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: 100 });
  return new GatheredLines(out, 4096, 100);
}

/** A JSON logger at `level`, to stderr by default (see logDestination). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const out = destination ?? logDestination(2);
  return pino(
    {
      level,
      base: { service: 'interlock-server' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    out,
  );
}

/** A logger that writes nothing (library use and tests that do not look at logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** `--log-level`, else INTERLOCK_LOG_LEVEL, else info (`--quiet`: silent); or what was wrong with the one given. */
export function logLevelOf(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  quiet = false,
): { level: LogLevel } | { problem: string } {
  const given = option ?? env.INTERLOCK_LOG_LEVEL;
  if (given === undefined || given === '') return { level: quiet ? 'silent' : 'info' };
  const parsed = LogLevel.safeParse(given.toLowerCase());
  if (parsed.success) return { level: parsed.data };
  const from = option !== undefined ? '--log-level' : 'INTERLOCK_LOG_LEVEL';
  return {
    problem: `${from} ${JSON.stringify(given)} is not a log level: use one of ${LogLevel.options.join(', ')}`,
  };
}
