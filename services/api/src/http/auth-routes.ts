// Routes anyone may call: health, the session check, login and logout.
import express, { type Request, type Response, type Router } from 'express';
import type { ApiMetrics } from '../api-metrics.js';
import type { Authenticator } from '../auth/authenticator.js';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies.js';
import { loginBodyShape, type Session } from '../contract/shapes.js';
import { ApiError } from './api-error.js';
import { named } from './route-name.js';

export interface AuthRoutesOptions {
  readonly auth: Authenticator;
  readonly metrics: ApiMetrics;
  readonly version: string;
  readonly startedAtMs: number;
}

/**
 * The address a login attempt is counted against: express's req.ip, which is the TCP peer unless
 * NETWATCH_API_TRUST_PROXY trusts it as a proxy (then the client it names in X-Forwarded-For).
 */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function authRoutes({ auth, metrics, version, startedAtMs }: AuthRoutesOptions): Router {
  const router = express.Router();
  const secureCookie = (req: Request) => auth.config.cookieSecure || req.secure;

  router.get('/health', named('health'), (_req: Request, res: Response) => {
    res.json({ status: 'ok', version, uptimeSec: Math.round((Date.now() - startedAtMs) / 1000) });
  });

  router.get('/auth/session', named('auth_session'), (req: Request, res: Response) => {
    const body: Session = { authRequired: auth.required, authenticated: !auth.required };
    const user = auth.identify(req);
    if (user !== undefined) {
      body.authenticated = true;
      body.user = user;
    }
    res.json(body);
  });

  router.post('/auth/login', named('auth_login'), async (req: Request, res: Response) => {
    const parsed = loginBodyShape.safeParse(req.body);
    if (!parsed.success) {
      metrics.logins.inc({ outcome: 'invalid' });
      throw new ApiError('invalid_body', 'expected {"username": string, "password": string}');
    }
    const result = await auth.login(clientAddress(req), parsed.data.username, parsed.data.password);
    metrics.logins.inc({ outcome: result.outcome });
    switch (result.outcome) {
      case 'ok': {
        const { session } = result;
        res.setHeader('Set-Cookie', sessionCookie(session.id, auth.config.sessionTtlMs / 1000, secureCookie(req)));
        res.json({ user: session.user, expiresAt: new Date(session.expiresAtMs).toISOString() });
        return;
      }
      case 'wrong':
        throw new ApiError('unauthenticated', 'wrong user name or password');
      case 'rate_limited':
        throw new ApiError('rate_limited', `too many failed logins from this address; retry in ${result.retryAfterSec} s`,
          { 'Retry-After': String(result.retryAfterSec) });
      case 'disabled':
        throw new ApiError('auth_disabled', 'no password is configured (NETWATCH_API_PASSWORD_HASH)');
    }
  });

  router.post('/auth/logout', named('auth_logout'), (req: Request, res: Response) => {
    auth.logout(req);
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookie(req)));
    res.status(204).end();
  });

  return router;
}

/** Lets a request through when auth is off or it carries a valid session or token; else 401. */
export function requireAuth(auth: Authenticator, metrics: ApiMetrics) {
  return (req: Request, res: Response, next: (error?: unknown) => void): void => {
    if (!auth.required) {
      next();
      return;
    }
    const user = auth.identify(req);
    if (user !== undefined) {
      res.locals.user = user;
      next();
      return;
    }
    const method = req.headers.authorization !== undefined ? 'bearer' : req.headers.cookie?.includes('netwatch_session=')
      ? 'cookie'
      : 'none';
    metrics.authFailures.inc({ method });
    next(new ApiError('unauthenticated', 'log in, or send Authorization: Bearer <token>', {
      'WWW-Authenticate': 'Bearer realm="netwatch"',
    }));
  };
}
