import type { Store } from '../store/types.js';
import { localSigner, startCheckpointJob, type CheckpointJob } from './checkpoint.js';
import type { LoadedConfig } from '../config/load.js';
import { auditLogOf } from './open.js';
import { auditSettings } from './settings.js';

// What `interlock serve` runs beside the approval service: the checkpoint job, signing the newest entry
// every N entries or M minutes with the key from `interlock keys init` (INTERLOCK_AUDIT_KEY). Without a key
// the server runs unsigned, and says so once.

export interface ServerCheckpointOptions {
  store: Store;
  /** The database the store was opened with (needed for PostgreSQL; SQLite uses the store's file). */
  database?: string;
  env?: NodeJS.ProcessEnv;
  /** The server's configuration: `audit:` in the user's config.yaml names the key and the cadence. */
  config?: LoadedConfig;
  everyEntries?: number;
  everyMs?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

export interface ServerCheckpoints {
  keyId: string;
  /** Sign what is unsigned, stop, and close the side connection. Call before the store is closed. */
  stop(): Promise<void>;
}

export async function startServerCheckpoints(
  options: ServerCheckpointOptions,
): Promise<ServerCheckpoints | undefined> {
  const env = options.env ?? process.env;
  const settings = auditSettings(options.config);
  const signer = localSigner(env, undefined, settings);
  const everyEntries = options.everyEntries ?? settings.checkpoint?.entries;
  const everyMs =
    options.everyMs ?? (settings.checkpoint?.minutes ? settings.checkpoint.minutes * 60_000 : undefined);
  if (!signer) {
    options.log?.(
      'audit: no signing key (interlock keys init): the log is hash-chained but no checkpoints are signed, so a rewrite of the whole chain would not be caught',
    );
    return undefined;
  }
  const log = await auditLogOf(options.store, options.database);
  const job: CheckpointJob = startCheckpointJob({
    log,
    signer,
    ...(everyEntries ? { everyEntries } : {}),
    ...(everyMs ? { everyMs } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    onError: (error) =>
      options.log?.(`audit: checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
    onCheckpoint: (c) => options.log?.(`audit: signed checkpoint at entry ${c.seq} with ${c.keyId}`),
  });
  return {
    keyId: signer.key.id,
    async stop() {
      await job.stop();
      await log.close();
    },
  };
}
