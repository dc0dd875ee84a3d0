import { GENESIS_HASH } from './audit.js';

// Schema migrations, run in order on start by both stores (`Store.migrate`). The SQL is portable between
// SQLite and PostgreSQL: TEXT, BIGINT milliseconds, INTEGER flags, JSON kept as TEXT (the audit body must
// keep its exact bytes), partial unique indexes. Add a migration; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'identities, requests, approvals, freezes, activity, audit',
    statements: [
      `CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('agent', 'human')),
        name TEXT NOT NULL,
        groups_json TEXT NOT NULL,
        acts_for TEXT,
        token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT
      )`,
      `CREATE INDEX identities_by_name ON identities (name)`,
      `CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'expired', 'cancelled', 'consumed')),
        requester_kind TEXT NOT NULL,
        requester TEXT NOT NULL,
        acts_for TEXT,
        approvals_required INTEGER NOT NULL CHECK (approvals_required >= 1),
        approver_group TEXT,
        action_json TEXT NOT NULL,
        assessment_json TEXT NOT NULL,
        decision_json TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        approved_at BIGINT,
        decided_at BIGINT,
        decided_by TEXT,
        reason TEXT,
        consumed_at BIGINT
      )`,
      // At most one open (pending or approved) request per requester and action: a second one cannot exist.
      `CREATE UNIQUE INDEX requests_one_open ON requests (requester, digest) WHERE state IN ('pending', 'approved')`,
      `CREATE INDEX requests_by_action ON requests (requester, digest, created_at)`,
      `CREATE INDEX requests_by_state ON requests (state, expires_at)`,
      `CREATE INDEX requests_by_created ON requests (created_at)`,
      `CREATE TABLE approvals (
        request_id TEXT NOT NULL REFERENCES requests (id),
        approver TEXT NOT NULL,
        token_id TEXT NOT NULL,
        groups_json TEXT NOT NULL,
        comment TEXT,
        at BIGINT NOT NULL,
        PRIMARY KEY (request_id, approver)
      )`,
      `CREATE TABLE freezes (
        scope TEXT PRIMARY KEY,
        frozen INTEGER NOT NULL,
        at BIGINT NOT NULL,
        set_by TEXT NOT NULL,
        reason TEXT NOT NULL
      )`,
      `CREATE TABLE activity (
        agent TEXT NOT NULL,
        at BIGINT NOT NULL,
        digest TEXT NOT NULL
      )`,
      `CREATE INDEX activity_by_agent ON activity (agent, at)`,
      `CREATE TABLE audit (
        seq BIGINT PRIMARY KEY,
        at BIGINT NOT NULL,
        type TEXT NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      // The head of the chain, one row: a transaction that appends locks it, so the chain stays a line.
      `CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL
      )`,
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}')`,
    ],
  },
  {
    version: 2,
    name: 'requests belong to the token that made them',
    statements: [
      // The principal of a request is the token (its identity id), not its name: two tokens named claude
      // acting for different people must not share requests or grants. Earlier rows have no token and
      // are never found by one (they expire).
      `ALTER TABLE requests ADD COLUMN requester_token TEXT`,
      `DROP INDEX requests_one_open`,
      `CREATE UNIQUE INDEX requests_one_open_per_token ON requests (requester_token, digest) WHERE state IN ('pending', 'approved')`,
      `CREATE INDEX requests_by_token ON requests (requester_token, digest, created_at)`,
    ],
  },
  {
    version: 3,
    name: "checkpoints of the agents' own audit logs, witnessed by the server",
    statements: [
      // An outside witness for the logs kept on agents' machines: the latest signed checkpoints each token
      // sent for each of its logs. Rows are only ever added; the server refuses one that goes backwards.
      `CREATE TABLE witnessed_checkpoints (
        token_id TEXT NOT NULL,
        log_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL,
        at BIGINT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (token_id, log_id, seq)
      )`,
    ],
  },
  {
    version: 4,
    name: 'Slack users mapped to human identities',
    statements: [
      // A Slack user id acts as the human identity (token) it was given to, and only while that token is
      // live: revoking the token ends the mapping. One live identity per Slack user, so a click is one person.
      `ALTER TABLE identities ADD COLUMN slack_user TEXT`,
      `CREATE UNIQUE INDEX identities_one_per_slack_user ON identities (slack_user) WHERE slack_user IS NOT NULL AND revoked_at IS NULL`,
    ],
  },
];
