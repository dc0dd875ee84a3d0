import { randomBytes } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { sha256Hex } from '../store/canonical.js';
import { canonicalName } from '../store/names.js';
import { SlackUserTakenError } from '../store/conflicts.js';
import type { Identity, IdentityKind, Store } from '../store/types.js';
import { newId } from './ids.js';
import { reopenIfShort } from './service.js';

// Tokens are 256 random bits; only their sha256 is stored, so a copy of the database grants nothing.
// (A slow hash adds nothing for secrets this long: there is nothing to guess.)

function generateToken(kind: IdentityKind): string {
  return `ilk_${kind === 'agent' ? 'a' : 'h'}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

export interface NewTokenInput {
  kind: IdentityKind;
  name: string;
  groups?: string[];
  actsFor?: string;
  /** A Slack user id whose Approve/Deny clicks act as this human (humans only; one live identity each). */
  slackUser?: string;
  /** Who created it, for the audit log (the OS user running `interlock token create`). */
  createdBy: string;
  now?: number;
}

/**
 * Create an identity and its token; the token is returned once and never stored. Names, the human an agent
 * acts for and groups are stored in their canonical (lower-case) form.
 */
export async function createToken(
  store: Store,
  input: NewTokenInput,
): Promise<{ token: string; identity: Identity }> {
  if (input.kind === 'agent' && !input.actsFor)
    throw new Error(
      `an agent token needs --acts-for HUMAN, the person the agent works for (they can never approve its requests): interlock token create --agent ${input.name} --acts-for HUMAN`,
    );
  if (input.slackUser) await assertSlackUserFree(store, input);
  const token = generateToken(input.kind);
  const at = input.now ?? Date.now();
  const identity: Identity = {
    id: newId('tok', 8),
    kind: input.kind,
    name: canonicalName(input.name),
    groups: input.kind === 'human' ? [...new Set((input.groups ?? []).map(canonicalName))].sort() : [],
    createdAt: at,
  };
  if (input.kind === 'agent' && input.actsFor) identity.actsFor = canonicalName(input.actsFor);
  if (input.slackUser) identity.slackUser = input.slackUser;
  const created = store.transact(async (tx) => {
    await tx.insertIdentity({ ...identity, tokenHash: hashToken(token) });
    await tx.appendAudit({
      type: 'token.created',
      actor: input.createdBy,
      at,
      data: {
        id: identity.id,
        kind: identity.kind,
        name: identity.name,
        groups: identity.groups,
        actsFor: identity.actsFor,
        slackUser: identity.slackUser,
      },
    });
  });
  await created.catch((error: unknown) => explainTaken(store, input, error));
  return { token, identity };
}

/**
 * A Slack user taken meanwhile (a concurrent create won the unique index) gets the same message as one
 * taken before: read once the winner has committed, so it names the token that holds it.
 */
async function explainTaken(store: Store, input: NewTokenInput, error: unknown): Promise<never> {
  if (!(error instanceof SlackUserTakenError)) throw error;
  await assertSlackUserFree(store, input);
  throw new InputError(error.message);
}

/** A Slack user acts as one person: refuse a second live mapping, naming the token that holds it. */
async function assertSlackUserFree(store: Store, input: NewTokenInput): Promise<void> {
  if (input.kind !== 'human')
    throw new InputError('--slack-user is for --human: only people approve or deny, in Slack or elsewhere');
  const holder = await store.identityBySlackUser(input.slackUser!);
  if (holder)
    throw new InputError(
      `Slack user ${input.slackUser} already acts as ${holder.name} (token ${holder.id}); a Slack user maps to one person. Revoke that token first (interlock token revoke ${holder.id}) if the mapping is wrong.`,
    );
}

/**
 * Revoke every live token with this id, or every live token of this name (in any case). Their approvals
 * stop counting: an approved request they carried, not yet used, goes back to pending in the same
 * transaction.
 */
export async function revokeToken(
  store: Store,
  idOrName: string,
  revokedBy: string,
  now = Date.now(),
): Promise<Identity[]> {
  return store.transact(async (tx) => {
    const revoked = await tx.revokeIdentity(idOrName, now);
    if (!revoked.length) return revoked;
    const ids = revoked.map((r) => r.id);
    await tx.appendAudit({ type: 'token.revoked', actor: revokedBy, at: now, data: { ids, name: idOrName } });
    for (const request of await tx.listApprovedBy(ids)) await reopenIfShort(tx, request, now, revokedBy);
    return revoked;
  });
}

/** The identity a bearer token belongs to, or undefined (unknown or revoked; see Store.identityByTokenHash). */
export async function authenticate(
  store: Store,
  token: string,
  confirmedInTransaction = false,
): Promise<Identity | undefined> {
  if (!/^ilk_[ah]_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return store.identityByTokenHash(hashToken(token), confirmedInTransaction);
}
