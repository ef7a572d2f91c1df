// Login sessions in memory: a random id (the only thing the cookie holds) → user and expiry.
import { randomBytes } from 'node:crypto';

export interface Session {
  readonly id: string;
  readonly user: string;
  readonly expiresAtMs: number;
}

/**
 * 32 random bytes (256 bits) per id, base64url. Bounded: beyond `capacity` sessions the oldest
 * is forgotten; expired ones go when looked up and in a sweep on every new login.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly ttlMs: number,
    readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  create(user: string): Session {
    this.sweep();
    while (this.sessions.size >= this.capacity) this.sessions.delete(this.sessions.keys().next().value as string);
    const session = { id: randomBytes(32).toString('base64url'), user, expiresAtMs: this.now() + this.ttlMs };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, else undefined (an expired one is removed). */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAtMs <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAtMs <= now) this.sessions.delete(id);
  }
}
