// Deciding who a request is: a session cookie or a bearer token; logging in with the one user's password.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type AuthConfig, authRequired } from './auth-config.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { LoginLimiter } from './login-limiter.js';
import { verifyPassword } from './password.js';
import { type Session, SessionStore } from './sessions.js';
import { bearerToken, sha256, TokenSet } from './tokens.js';

export type LoginResult =
  | { readonly outcome: 'ok'; readonly session: Session } |
  { readonly outcome: 'wrong' } |
  { readonly outcome: 'rate_limited'; readonly retryAfterSec: number } |
  { readonly outcome: 'disabled' };

/** The user a bearer token stands for in /auth/session and logs. */
export const TOKEN_USER = 'token';

export class Authenticator {
  readonly required: boolean;
  readonly sessions: SessionStore;
  readonly limiter: LoginLimiter;
  private readonly tokens: TokenSet;
  private readonly userDigest: Buffer;

  constructor(
    readonly config: AuthConfig,
    loopbackOnly: boolean,
    now: () => number = Date.now,
  ) {
    this.required = authRequired(config, loopbackOnly);
    this.sessions = new SessionStore(config.sessionTtlMs, 10_000, now);
    this.limiter = new LoginLimiter(config.loginMaxFailures, config.loginWindowMs, 10_000, now);
    this.tokens = new TokenSet(config.tokenSha256);
    this.userDigest = sha256(config.user);
  }

  /** The authenticated user of a request, else undefined. A present but wrong bearer token never falls back to the cookie. */
  identify(req: IncomingMessage): string | undefined {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      return token !== undefined && this.tokens.size > 0 && this.tokens.matches(token) ? TOKEN_USER : undefined;
    }
    return this.session(req)?.user;
  }

  session(req: IncomingMessage): Session | undefined {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    return id === undefined || id.length === 0 ? undefined : this.sessions.get(id);
  }

  /**
   * Checks the limiter first (a refused address learns nothing about the password), then the name
   * and password. The password is verified even for a wrong name so both failures take as long.
   */
  async login(address: string, username: string, password: string): Promise<LoginResult> {
    const hash = this.config.passwordHash;
    if (hash === undefined) return { outcome: 'disabled' };
    const decision = this.limiter.check(address);
    if (!decision.allowed) return { outcome: 'rate_limited', retryAfterSec: decision.retryAfterSec };
    // Counted as a failure before the (slow) verification, so parallel attempts cannot all pass the check.
    this.limiter.fail(address);
    const nameOk = timingSafeEqual(sha256(username), this.userDigest);
    const passwordOk = await verifyPassword(hash, password);
    if (!nameOk || !passwordOk) return { outcome: 'wrong' };
    this.limiter.succeed(address);
    return { outcome: 'ok', session: this.sessions.create(this.config.user) };
  }

  logout(req: IncomingMessage): void {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (id !== undefined) this.sessions.delete(id);
  }
}
