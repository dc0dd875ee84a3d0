import { pino, type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';

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

/** A JSON logger at `level`; asynchronous writes by default, so a log line never waits for the disk. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const out = destination ?? pino.destination({ dest: 2, sync: false });
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
