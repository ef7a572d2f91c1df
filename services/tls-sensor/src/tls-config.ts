// TLS sensor settings: defaults, and the environment variables that override them (validated, exit 2 on a bad value).
import { duration, int, loadConfig } from '@netwatch/kit/config';
import { DEFAULT_HOME_NET, homeNetEnvShape } from '@netwatch/packet/home-net';
import { z } from 'zod';

export interface TlsConfig {
  /** The monitored networks (CIDR text); network.direction is relative to them. */
  readonly homeNet: readonly string[];
  readonly communityIdSeed: number;
  /** Handshake bytes held per direction of one connection; a longer hello or chain is cut off (counted). */
  readonly maxBufferBytes: number;
  /** TCP connections followed at once; beyond it the least recently seen is dropped. */
  readonly maxConnections: number;
  /** A connection without packets this long ends; a ClientHello still unanswered is published then. */
  readonly idleTimeoutSec: number;
}

export const defaultTlsConfig: TlsConfig = {
  homeNet: DEFAULT_HOME_NET,
  communityIdSeed: 0,
  // A ClientHello is a few hundred bytes to ~2 KiB; 64 KiB holds the largest hellos and common chains.
  maxBufferBytes: 64 * 1024,
  maxConnections: 65_536,
  idleTimeoutSec: 60,
};

/** Environment variables of the TLS sensor (NETWATCH_HOME_NET and the seed are shared by every sensor). */
export const tlsEnvShape = {
  ...homeNetEnvShape,
  NETWATCH_TLS_MAX_BUFFER: int(4096, 16 * 1024 * 1024).default(defaultTlsConfig.maxBufferBytes),
  NETWATCH_TLS_MAX_CONNECTIONS: int(1, 10_000_000).default(defaultTlsConfig.maxConnections),
  NETWATCH_TLS_IDLE_TIMEOUT: duration().default(defaultTlsConfig.idleTimeoutSec * 1000),
};

export type TlsEnv = z.infer<z.ZodObject<typeof tlsEnvShape>>;

/** The settings an environment asks for; durations arrive in milliseconds. */
export function tlsConfigFromEnv(env: TlsEnv): TlsConfig {
  return {
    homeNet: env.NETWATCH_HOME_NET,
    communityIdSeed: env.NETWATCH_COMMUNITY_ID_SEED,
    maxBufferBytes: env.NETWATCH_TLS_MAX_BUFFER,
    maxConnections: env.NETWATCH_TLS_MAX_CONNECTIONS,
    idleTimeoutSec: env.NETWATCH_TLS_IDLE_TIMEOUT / 1000,
  };
}

/** Reads the process environment; a bad value throws the kit's config error (exit 2). */
export function tlsConfigFromProcess(env: NodeJS.ProcessEnv = process.env): TlsConfig {
  return tlsConfigFromEnv(loadConfig(z.object(tlsEnvShape), env));
}
