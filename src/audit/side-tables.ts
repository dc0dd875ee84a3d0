// Interlock's audit tables beside the store's own `audit` chain: signed checkpoints, and the last policy
// set recorded per scope. They live in the same database (SQLite file or PostgreSQL schema) and are
// created idempotently by whoever opens them first. The store exposes no raw connection, so each
// implementation holds its own connection to the same database.

export interface Checkpoint {
  /** The entry the checkpoint vouches for, and its hash. */
  seq: number;
  hash: string;
  /** When it was signed (ms since the epoch). */
  at: number;
  keyId: string;
  /** Ed25519 over `checkpointMessage(…)`, base64. */
  signature: string;
}

export interface PolicyState {
  digest: string;
  files: { origin: string; sha256: string }[];
  at: number;
}

/** How far the approval server (the outside witness) has acknowledged this log's checkpoints. */
export interface OutsideWitnessState {
  server: string;
  /** The newest checkpoint the server acknowledged (0: none yet). */
  ackedSeq: number;
  /** The last attempt to send one, and why it failed (undefined when it was acknowledged). */
  attemptedAt?: number;
  error?: string;
}

interface ChainTip {
  seq: number;
  hash: string;
  at: number;
}

export interface SideTables {
  readonly kind: 'sqlite' | 'postgres';
  ensure(): Promise<void>;
  /** The newest entry of the chain (undefined when the log is empty). */
  lastEntry(): Promise<ChainTip | undefined>;
  /** The store's head row (where the next append links), if the store keeps one. */
  head(): Promise<{ seq: number; hash: string } | undefined>;
  /** Every checkpoint, oldest first. */
  checkpoints(): Promise<Checkpoint[]>;
  lastCheckpoint(): Promise<Checkpoint | undefined>;
  /** False when a checkpoint for that seq already exists (another replica signed it). */
  insertCheckpoint(checkpoint: Checkpoint): Promise<boolean>;
  policyState(scope: string): Promise<PolicyState | undefined>;
  setPolicyState(scope: string, state: PolicyState): Promise<void>;
  outsideWitness(logId: string): Promise<OutsideWitnessState | undefined>;
  setOutsideWitness(logId: string, state: OutsideWitnessState): Promise<void>;
  close(): Promise<void>;
}

export const SIDE_TABLES = [
  `CREATE TABLE IF NOT EXISTS audit_checkpoints (
    seq BIGINT PRIMARY KEY,
    hash TEXT NOT NULL,
    at BIGINT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS audit_policy_state (
    scope TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    files_json TEXT NOT NULL,
    at BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS audit_outside_witness (
    log_id TEXT PRIMARY KEY,
    server TEXT NOT NULL,
    acked_seq BIGINT NOT NULL,
    attempted_at BIGINT,
    error TEXT
  )`,
];

export const SET_OUTSIDE_WITNESS = (p: (n: number) => string) =>
  `INSERT INTO audit_outside_witness (log_id, server, acked_seq, attempted_at, error) VALUES (${[1, 2, 3, 4, 5].map(p).join(', ')}) ON CONFLICT (log_id) DO UPDATE SET server = excluded.server, acked_seq = excluded.acked_seq, attempted_at = excluded.attempted_at, error = excluded.error`;

export interface OutsideWitnessRow {
  server: string;
  acked_seq: number | string;
  attempted_at: number | string | null;
  error: string | null;
}

export function outsideWitnessFromRow(r: OutsideWitnessRow): OutsideWitnessState {
  return {
    server: r.server,
    ackedSeq: Number(r.acked_seq),
    ...(r.attempted_at === null ? {} : { attemptedAt: Number(r.attempted_at) }),
    ...(r.error === null ? {} : { error: r.error }),
  };
}

export const outsideWitnessValues = (logId: string, s: OutsideWitnessState) => [
  logId,
  s.server,
  s.ackedSeq,
  s.attemptedAt ?? null,
  s.error ?? null,
];

export interface CheckpointRow {
  seq: number | string;
  hash: string;
  at: number | string;
  key_id: string;
  signature: string;
}

export function checkpointFromRow(r: CheckpointRow): Checkpoint {
  return { seq: Number(r.seq), hash: r.hash, at: Number(r.at), keyId: r.key_id, signature: r.signature };
}

export function policyStateFromRow(r: {
  digest: string;
  files_json: string;
  at: number | string;
}): PolicyState {
  let files: PolicyState['files'] = [];
  try {
    const parsed = JSON.parse(r.files_json) as unknown;
    if (Array.isArray(parsed)) files = parsed as PolicyState['files'];
  } catch {
    // a damaged row only loses the file list of the previous state
  }
  return { digest: r.digest, files, at: Number(r.at) };
}
