import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { openAuditLog, type AuditLog } from '../audit/open.js';
import { defaultLocalDatabase, keyPaths } from '../audit/paths.js';
import { readKeyringIfAny, type Keyring } from '../audit/keys.js';
import { auditSettings, type AuditConfig } from '../audit/settings.js';
import { readWitness, type Witness } from '../audit/witness.js';
import { serveSettings } from '../server/config.js';
import { defaultDatabasePath, isPostgresUrl } from '../store/open.js';
import { configFor } from './server-connection.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { InputError } from '../core/errors.js';

// Which log an `interlock audit …` command reads: --database, or --server (the approval server's database
// on this host, as `interlock serve` opens it), or by default this machine's local decision log.

export interface StoreOptions {
  database?: string;
  server?: boolean;
  keyring?: string;
  key?: string;
}

/** `audit:` of the user's config.yaml (a broken one is an InputError that names the file). */
export function configuredAudit(env: NodeJS.ProcessEnv = process.env): AuditConfig {
  try {
    return auditSettings(configFor(process.cwd(), env));
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

function auditDatabase(options: StoreOptions, env: NodeJS.ProcessEnv = process.env): string {
  if (options.database) return options.database;
  if (options.server)
    return serveSettings(configFor(process.cwd(), env), env).database ?? defaultDatabasePath(env);
  return defaultLocalDatabase(env, configuredAudit(env).database);
}

/** Open the log, refusing to create an empty one where none exists (a typo would otherwise "verify"). */
export async function openForReading(
  options: StoreOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AuditLog> {
  const database = auditDatabase(options, env);
  if (!isPostgresUrl(database)) {
    const path = database.replace(/^sqlite:(\/\/)?/i, '');
    if (!existsSync(path))
      throw new InputError(
        `there is no audit log at ${path}${
          options.database
            ? ''
            : options.server
              ? ' (the server database: pass --database if `interlock serve` uses another)'
              : " yet: local decisions are recorded there once `interlock check` or an agent hook has run (--server reads the approval server's log on this host, --database any other)"
        }`,
      );
    // Opening migrates: SQLite would turn a short or empty file that is not a database into one.
    const why = notSqlite(path);
    if (why)
      throw new InputError(
        `${path} is not an SQLite database (${why}): pass the audit log's file, or a postgres:// URL`,
      );
  }
  return openAuditLog(database, env);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Why `path` is not an SQLite database file, or undefined when it starts like one. */
function notSqlite(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'it is empty';
    return head.subarray(0, read).equals(SQLITE_HEADER) ? undefined : 'it does not start like one';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EISDIR' ? 'it is a directory' : `it cannot be read: ${code ?? (error as Error).message}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface Trust {
  keyring?: Keyring;
  keyringFile: string;
  witness?: Witness | Error;
}

/** The public keys and the witness file this machine holds for a log. */
export function trustFor(log: AuditLog, options: StoreOptions, env: NodeJS.ProcessEnv = process.env): Trust {
  const paths = keyPaths(
    env,
    {
      ...(options.key ? { key: options.key } : {}),
      ...(options.keyring ? { keyring: options.keyring } : {}),
    },
    configuredAudit(env),
  );
  const keyring = readKeyringIfAny(paths.keyring);
  if (options.keyring && !keyring)
    throw new InputError(
      `no keyring at ${paths.keyring}: pass a copy of the keyring that \`interlock keys show --print-keyring\` prints where the server runs`,
    );
  const witness = readWitness(paths.witnessDir, log.location);
  return { ...(keyring ? { keyring } : {}), keyringFile: paths.keyring, ...(witness ? { witness } : {}) };
}

/** Output piped into `head` or a closed SIEM shipper: stop quietly instead of crashing on EPIPE. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CODES.ok);
    throw error;
  });
}
