import type { Identity } from './types.js';

interface Entry {
  identity: Identity;
  stamp: number;
  external: number;
}

/**
 * Identities found by their token's hash, each remembered with the stamp it was read under: an entry
 * counts only while the stamp is unchanged. The store's stamp changes with every revocation it runs and
 * with every commit another process makes to the file, so a revoked token is refused on its next request.
 * Only tokens that were found are kept (a flood of made-up tokens cannot fill it), and at most `max`.
 */
export class IdentityCache {
  private readonly entries = new Map<string, Entry>();
  /** The same entries by the identity object handed out (see current and confirm). */
  private readonly byIdentity = new WeakMap<Identity, Entry>();

  constructor(private readonly max = 10_000) {}

  get(hash: string, stamp: number, external: number): Identity | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.stamp === stamp && entry.external === external) return entry.identity;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, identity: Identity, stamp: number, external: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const entry = { identity, stamp, external };
    this.entries.set(hash, entry);
    this.byIdentity.set(identity, entry);
  }

  /** Whether `identity` is the one remembered under this stamp (it is then live as of that stamp). */
  current(identity: Identity, stamp: number, external: number): boolean {
    const entry = this.byIdentity.get(identity);
    return entry !== undefined && entry.stamp === stamp && entry.external === external;
  }

  /** `identity` was found live under this stamp: remember it so. */
  confirm(identity: Identity, stamp: number, external: number): void {
    const entry = this.byIdentity.get(identity);
    if (entry) {
      entry.stamp = stamp;
      entry.external = external;
    }
  }
}
