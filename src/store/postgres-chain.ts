import { auditBodyParts } from './audit.js';
import type { AuditInput } from './types.js';

// The audit chain on PostgreSQL, appended at the END of a transaction: one server-side function takes the
// head lock, checks that the freezes the transaction decided on still hold, numbers and hashes the entries
// and moves the head. Sent with COMMIT in one message, so the lock is held for that message only, never
// across a wake-up of a replica. The hash is sha256(prev_hash || body) over UTF-8, the bytes
// src/audit/verify.ts recomputes; the body is joined from the parts src/store/audit.ts makes.
//
// Nor is the lock held through the disk's flush: that COMMIT is asynchronous (it releases the lock once
// its WAL is written to memory). The same message then runs one more transaction of its own (implicit,
// after the COMMIT) that writes one small WAL record (a logical message, which any role may emit and which
// changes no table) and commits with the session's own synchronous_commit: that waits until the WAL is
// flushed up to its commit record, past the batch's, and only then does the reply come and the batch is
// acknowledged. (PostgreSQL shares one disk flush among the backends waiting at once.) A replica sends its
// next batch on another connection meanwhile. Another replica's batch chained on this one commits later in the same WAL,
// so no crash keeps it and loses this one: the chain that survives is always a prefix. (A transaction that
// only takes an xid writes no WAL and commits without any flush; test/store/postgres-chain.test.ts holds
// every acknowledgement to the flush.)

/** Every freeze as one JSON text: what a transaction read, compared under the lock with what holds then. */
export const FREEZES_JSON = `(SELECT coalesce(json_agg(f ORDER BY f.scope)::text, '[]') FROM freezes f)`;

/**
 * The SQLSTATE (a class of our own) of an append refused because a caller's token was revoked before the
 * head lock was granted; its DETAIL is the revoked identities' ids as a JSON array.
 */
export const CALLER_REVOKED = 'IL401';

/** The revoked callers' ids an append refused (CALLER_REVOKED), or undefined for any other error. */
export function revokedCallers(error: unknown): string[] | undefined {
  const { code, detail } = error as { code?: string; detail?: string };
  return code === CALLER_REVOKED ? (JSON.parse(detail ?? '[]') as string[]) : undefined;
}

/** Which of these identities are revoked: the same test as the append's, for a transaction with nothing to append. */
export const REVOKED_OF = 'SELECT i.id FROM identities i WHERE i.id = ANY($1) AND i.revoked_at IS NOT NULL';

/**
 * Created (or replaced) by every replica's migrate(), under the migration lock; PostgreSQL only. `callers`:
 * identities whose tokens the transaction's decisions took as live from the replica's memory; any revoked
 * by the time the lock is granted refuses the whole append (revokeIdentity holds the same lock, so no
 * revocation can commit between this check and the append's commit).
 */
export const APPEND_CHAIN_FUNCTION = `
CREATE OR REPLACE FUNCTION append_chain(entries jsonb, freezes_seen text, callers text[])
RETURNS TABLE (first_seq bigint, prev_hash text, hashes text[])
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  head_seq bigint;
  head_hash text;
  e record;
  entry_body text;
  out_hashes text[] := '{}';
  revoked text;
BEGIN
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head h WHERE h.id = 1 FOR UPDATE;
  -- A new statement, so a new snapshot: it sees every freeze committed before the lock was granted.
  IF freezes_seen IS NOT NULL AND freezes_seen IS DISTINCT FROM ${FREEZES_JSON} THEN
    RAISE EXCEPTION 'a freeze changed while this transaction decided; it is retried'
      USING ERRCODE = '40001';
  END IF;
  IF callers IS NOT NULL THEN
    SELECT json_agg(r.id)::text INTO revoked FROM (${REVOKED_OF.replace('$1', 'callers')}) r;
    IF revoked IS NOT NULL THEN
      RAISE EXCEPTION 'a caller''s token was revoked while this transaction decided; it is retried'
        USING ERRCODE = '${CALLER_REVOKED}', DETAIL = revoked;
    END IF;
  END IF;
  first_seq := head_seq + 1;
  prev_hash := head_hash;
  FOR e IN SELECT * FROM jsonb_to_recordset(entries)
    AS x(before text, after text, at bigint, type text, actor text) LOOP
    head_seq := head_seq + 1;
    entry_body := e.before || head_seq::text || e.after;
    INSERT INTO audit (seq, at, type, actor, body, prev_hash, hash)
      VALUES (head_seq, e.at, e.type, e.actor, entry_body, head_hash,
              encode(sha256(convert_to(head_hash || entry_body, 'UTF8')), 'hex'))
      RETURNING audit.hash INTO head_hash;
    out_hashes := out_hashes || head_hash;
  END LOOP;
  UPDATE audit_head SET seq = head_seq, hash = head_hash WHERE id = 1;
  hashes := out_hashes;
  RETURN NEXT;
END
$fn$`;

/** NUL, or a surrogate that is not half of a pair (with the u flag, a whole pair is one code point). */
const notText = (value: string) => value.includes('\u0000') || /\p{Cs}/u.test(value);

/** What the function needs of one entry: its body around the seq, and its columns. */
export function chainRow(input: AuditInput) {
  if (!Number.isSafeInteger(input.at))
    throw new Error(`audit entry time ${input.at} is not whole milliseconds; pass Date.now() or similar`);
  // The body escapes anything JSON must; the type and actor columns are PostgreSQL text, which holds
  // neither NUL nor half a surrogate pair.
  for (const [name, value] of [
    ['type', input.type],
    ['actor', input.actor],
  ] as const)
    if (notText(value))
      throw new Error(
        `audit entry ${name} ${JSON.stringify(value)} holds a NUL or a lone surrogate, which PostgreSQL text cannot store; use another name`,
      );
  return { ...auditBodyParts(input), at: input.at, type: input.type, actor: input.actor };
}

/**
 * A string as a PostgreSQL literal, the same text as pg's escapeLiteral: quotes doubled, and with any
 * backslash, an E'' string with backslashes doubled. escapeLiteral builds it one character at a time, about
 * 3× the CPU for the few kilobytes of JSON a batch of decisions sends (issue 17).
 */
export function quoteLiteral(text: string): string {
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** After an asynchronous COMMIT: a transaction that writes WAL, committed as the session says (durably). */
const FLUSH_SQL = "SELECT pg_logical_emit_message(true, 'interlock.flush', '')";

/**
 * The one message that appends and commits. node-postgres sends parameters only for a single statement and
 * cannot pipeline COMMIT behind it, so the two values go in as literals (quoteLiteral).
 * `freezesSeen` null: the transaction took the lock earlier and checked the freezes then; it commits
 * durably while it holds the lock, as before (what it wrote besides the chain is read by others at once).
 * Otherwise (it only appends) the COMMIT is asynchronous and FLUSH_SQL follows it (see the top).
 * `begin`: nothing of the transaction was sent before (its batch decided on the freezes the last batch saw).
 * `callers`: the identities to confirm live under the lock (see APPEND_CHAIN_FUNCTION).
 * If the function fails (a freeze changed, a caller was revoked), PostgreSQL skips the rest of the message:
 * nothing commits.
 */
export function appendAndCommitSql(
  rows: ReturnType<typeof chainRow>[],
  freezesSeen: string | null,
  begin = false,
  callers: readonly string[] = [],
): string {
  const seen = freezesSeen === null ? 'NULL' : quoteLiteral(freezesSeen);
  const live = callers.length ? `ARRAY[${callers.map(quoteLiteral).join(', ')}]` : 'NULL';
  const append = `SELECT * FROM append_chain(${quoteLiteral(JSON.stringify(rows))}::jsonb, ${seen}, ${live}::text[])`;
  const start = begin ? 'BEGIN; ' : '';
  if (freezesSeen === null) return `${start}${append}; COMMIT`;
  return `${start}SET LOCAL synchronous_commit TO off; ${append}; COMMIT; ${FLUSH_SQL}`;
}
