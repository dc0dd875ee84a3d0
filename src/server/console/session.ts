import { randomBytes } from 'node:crypto';

// Console sessions live in this process's memory, keyed by 256-bit random ids: the cookie holds only the
// id, the session holds the sha256 of the human's token (never the token). Every page looks the identity
// up again by that hash, so a revoked token ends its sessions at once. A restart signs everybody out, and
// each replica has its own sessions (a load balancer needs sticky sessions until they move to the store).
// A visitor who has not signed in gets an anonymous session too: it carries the sign-in form's CSRF token.

/**
 * Under TLS the cookie is `__Host-` prefixed: browsers then keep it only if it is Secure, for path / and
 * without a Domain, so no sibling subdomain or plain-HTTP page can plant or shadow it.
 */
export const sessionCookie = (tls: boolean) => (tls ? '__Host-interlock_console' : 'interlock_console');

/** Signed in sessions end after 8 idle hours, and after 12 hours whatever happens. */
const IDLE_MS = 8 * 60 * 60 * 1000;
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Anonymous sessions are cheap to make: the oldest are forgotten past this many. */
const MAX_SESSIONS = 10_000;

export interface Session {
  id: string;
  /** The synchronizer token every form of this session carries. */
  csrf: string;
  /** sha256 of the human's token, once signed in. */
  tokenHash?: string;
  createdAt: number;
  seenAt: number;
  /** What the last form did, shown once on the page it leads to (post, redirect, get). */
  flash?: { kind: 'ok' | 'error'; text: string };
}

const randomId = () => randomBytes(32).toString('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh anonymous session. */
  create(): Session {
    const at = this.now();
    const session: Session = { id: randomId(), csrf: randomId(), createdAt: at, seenAt: at };
    if (this.sessions.size >= MAX_SESSIONS) this.evictOldest();
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, or undefined (unknown, idle too long, or too old). */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const at = this.now();
    if (at - session.seenAt > IDLE_MS || at - session.createdAt > ABSOLUTE_MS) {
      this.sessions.delete(id);
      return undefined;
    }
    session.seenAt = at;
    return session;
  }

  /** Signing in replaces the session (new id, new CSRF token): an id planted before sign-in is worth nothing. */
  signIn(previous: Session | undefined, tokenHash: string): Session {
    if (previous) this.sessions.delete(previous.id);
    const session = this.create();
    session.tokenHash = tokenHash;
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  private evictOldest(): void {
    const oldest = this.sessions.keys().next().value;
    if (oldest !== undefined) this.sessions.delete(oldest);
  }
}
