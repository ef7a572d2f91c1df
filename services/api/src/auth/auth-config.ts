// Who may use the API: the one user's argon2id hash, token digests, session length; refused when unsafe.
import { bool, duration, type Env, int, list, loadConfig, NetwatchError } from '@netwatch/kit';
import { z } from 'zod';
import { isArgon2idPhc } from './password.js';
import { type TrustProxy, trustProxyEnv } from './trust-proxy.js';

export interface AuthConfig {
  /** The one user's name (NETWATCH_API_USER). */
  readonly user: string;
  /** argon2id PHC string; absent means nobody can log in with a password. */
  readonly passwordHash?: string;
  /** Hex SHA-256 digests of the accepted bearer tokens. */
  readonly tokenSha256: readonly string[];
  readonly sessionTtlMs: number;
  /** Mark the cookie Secure even on plain HTTP requests (TLS ends at a proxy in front). */
  readonly cookieSecure: boolean;
  readonly loginMaxFailures: number;
  readonly loginWindowMs: number;
  /** Reverse proxies allowed to name the client (X-Forwarded-For) for the login limit; absent or false: none. */
  readonly trustProxy?: TrustProxy;
}

/** Values people leave in templates; the kit refuses the same spellings for its secrets. */
const placeholderPattern = /^(changeme|change-me|change_me|replace-?me|secret|password|<.*>|\$\{.*\}|xxx+|todo)$/i;

const passwordHash = z
  .string()
  .trim()
  .refine((v) => !placeholderPattern.test(v), {
    error: 'is still a placeholder; set the output of `netwatch hash-password`',
  })
  .refine(isArgon2idPhc, {
    error: 'must be an argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash) from `netwatch hash-password`',
  });

const tokenDigests = list().pipe(
  z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'each entry must be 64 hex digits (sha256sum of a token)')),
);

/** The auth variables (every one can also come from NAME_FILE, like all netwatch secrets). */
export const authEnvShape = {
  NETWATCH_API_USER: z.string().trim().min(1).max(256).default('admin'),
  NETWATCH_API_PASSWORD_HASH: passwordHash.optional(),
  NETWATCH_API_TOKEN_SHA256: tokenDigests.default([]),
  NETWATCH_API_SESSION_TTL: duration()
    .pipe(z.number().min(60_000, { error: 'must be at least 1m' }))
    .default(12 * 3_600_000),
  NETWATCH_API_COOKIE_SECURE: bool().default(false),
  NETWATCH_API_LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  NETWATCH_API_LOGIN_WINDOW: duration().pipe(z.number().min(1000, { error: 'must be at least 1s' })).default(15 * 60_000),
  /** Off by default: the login limit counts the TCP peer and ignores X-Forwarded-For. */
  NETWATCH_API_TRUST_PROXY: trustProxyEnv.default(false),
};

export type AuthEnv = z.infer<z.ZodObject<typeof authEnvShape>>;

/** The settings the auth variables ask for (checks that depend on the listen address: `checkAuthConfig`). */
export function authConfigFromEnv(env: AuthEnv): AuthConfig {
  return {
    user: env.NETWATCH_API_USER,
    ...(env.NETWATCH_API_PASSWORD_HASH !== undefined ? { passwordHash: env.NETWATCH_API_PASSWORD_HASH } : {}),
    tokenSha256: env.NETWATCH_API_TOKEN_SHA256.map((d) => d.toLowerCase()),
    sessionTtlMs: env.NETWATCH_API_SESSION_TTL,
    cookieSecure: env.NETWATCH_API_COOKIE_SECURE,
    loginMaxFailures: env.NETWATCH_API_LOGIN_MAX_FAILURES,
    loginWindowMs: env.NETWATCH_API_LOGIN_WINDOW,
    trustProxy: env.NETWATCH_API_TRUST_PROXY,
  };
}

/**
 * Refuses an API reachable beyond loopback without a password hash (a config error naming
 * NETWATCH_API_PASSWORD_HASH: services exit 2). Auth is off only on loopback with neither a hash nor
 * tokens configured, which is `netwatch start`'s default on one machine.
 */
export function checkAuthConfig(config: AuthConfig, loopbackOnly: boolean, where = 'beyond loopback'): void {
  if (!loopbackOnly && config.passwordHash === undefined) {
    throw new NetwatchError(
      'config_invalid',
      `NETWATCH_API_PASSWORD_HASH: is required when the API listens ${where}; make one with \`netwatch hash-password\``,
      { details: { variable: 'NETWATCH_API_PASSWORD_HASH' } },
    );
  }
  if (config.passwordHash !== undefined && !isArgon2idPhc(config.passwordHash)) {
    throw new NetwatchError('config_invalid', 'NETWATCH_API_PASSWORD_HASH: must be an argon2id PHC string', {
      details: { variable: 'NETWATCH_API_PASSWORD_HASH' },
    });
  }
}

/** Whether requests must authenticate. */
export function authRequired(config: AuthConfig, loopbackOnly: boolean): boolean {
  return !loopbackOnly || config.passwordHash !== undefined || config.tokenSha256.length > 0;
}

/**
 * The auth settings from an environment, checked against where the API listens: what
 * `netwatch start` calls. A bad or missing value throws `config_invalid` naming the variable.
 */
export function loadAuthConfig(env: Env, loopbackOnly: boolean): AuthConfig {
  const config = authConfigFromEnv(loadConfig(z.object(authEnvShape), env));
  checkAuthConfig(config, loopbackOnly);
  return config;
}
