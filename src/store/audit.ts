import { canonicalJson, sha256Hex } from './canonical.js';
import type { AuditEntry, AuditInput } from './types.js';

// The audit log is a hash chain: each entry's hash covers its canonical body and the previous entry's hash,
// so removing, reordering or editing any entry breaks every hash after it. Both stores build entries here.

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical body of an entry around its seq: `before + seq + after` is exactly
 * canonicalJson({seq, at, type, actor, data}) (keys sort as actor, at, data, seq, type). PostgreSQL learns
 * the seq only under the head lock, so it joins these parts and hashes them there, with the same bytes.
 */
export function auditBodyParts(input: AuditInput): { before: string; after: string } {
  // Written member by member, in that order: no object to build and sort for every entry.
  const { actor, at, data, type } = input;
  return {
    before: `{"actor":${canonicalJson(actor)},"at":${canonicalJson(at)},"data":${canonicalJson(data)},"seq":`,
    after: `,"type":${canonicalJson(type)}}`,
  };
}

export function buildAuditEntry(input: AuditInput, seq: number, prevHash: string): AuditEntry {
  const { before, after } = auditBodyParts(input);
  const body = `${before}${seq}${after}`;
  return {
    seq,
    at: input.at,
    type: input.type,
    actor: input.actor,
    body,
    prevHash,
    hash: sha256Hex(`${prevHash}${body}`),
  };
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** The first entry that does not fit the chain, and why. */
  problem?: { seq: number; message: string };
  lastHash: string;
}

/** Check a run of entries (from seq 1, or continuing from `prevHash`): sequence, links and hashes. */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH },
): AuditVerdict {
  let prev = start.prevHash;
  let expected = start.seq;
  for (const e of entries) {
    const fail = (message: string): AuditVerdict => ({
      ok: false,
      entries: entries.length,
      problem: { seq: e.seq, message },
      lastHash: prev,
    });
    if (e.seq !== expected) return fail(`expected entry ${expected}, found ${e.seq} (an entry is missing)`);
    if (e.prevHash !== prev) return fail('its previous-hash does not match the entry before it');
    if (sha256Hex(`${prev}${e.body}`) !== e.hash) return fail('its hash does not match its body');
    let parsed: { seq?: unknown; type?: unknown; at?: unknown; actor?: unknown };
    try {
      parsed = JSON.parse(e.body) as typeof parsed;
    } catch {
      return fail('its body is not JSON');
    }
    if (parsed.seq !== e.seq || parsed.type !== e.type || parsed.at !== e.at || parsed.actor !== e.actor)
      return fail('its columns differ from its hashed body');
    prev = e.hash;
    expected++;
  }
  return { ok: true, entries: entries.length, lastHash: prev };
}
