// DNS sensor settings: defaults, and the environment variables that override them (validated, exit 2 on a bad value).
import { duration, int, list, loadConfig } from '@netwatch/kit/config';
import { DEFAULT_HOME_NET, homeNetEnvShape } from '@netwatch/packet/home-net';
import { z } from 'zod';

export interface DnsConfig {
  /** ECS observer.hostname of every event. */
  readonly observer: string;
  /** UDP and TCP ports carrying DNS (mDNS, 5353, belongs to the asset sensor). */
  readonly ports: readonly number[];
  /** A query with no response after this long (capture time) is published alone, as dns.type `query`. */
  readonly timeoutSec: number;
  /** Queries awaiting a response at once; beyond it the oldest is published unanswered (counted as evicted). */
  readonly maxPending: number;
  /** TCP connections carrying DNS tracked at once (RFC 7766 connection reuse). */
  readonly maxTcpStreams: number;
  readonly homeNet: readonly string[];
  readonly communityIdSeed: number;
}

export const defaultDnsConfig: DnsConfig = {
  observer: 'netwatch',
  ports: [53],
  timeoutSec: 5,
  maxPending: 100_000,
  maxTcpStreams: 16_384,
  homeNet: DEFAULT_HOME_NET,
  communityIdSeed: 0,
};

const portList = () => list().pipe(z.array(z.string().regex(/^\d{1,5}$/, 'not a port number')
  .transform(Number).pipe(z.number().int().min(1).max(65535))).min(1, 'name at least one port, e.g. 53 or 53,5053'));

/** Environment variables of the DNS sensor (plus the shared HOME_NET and Community ID seed). */
export const dnsEnvShape = {
  NETWATCH_DNS_PORTS: portList().default([53]),
  NETWATCH_DNS_TIMEOUT: duration().default(defaultDnsConfig.timeoutSec * 1000),
  NETWATCH_DNS_MAX_PENDING: int(1, 10_000_000).default(defaultDnsConfig.maxPending),
  NETWATCH_DNS_MAX_TCP_STREAMS: int(1, 1_000_000).default(defaultDnsConfig.maxTcpStreams),
  ...homeNetEnvShape,
};

export type DnsEnv = z.infer<z.ZodObject<typeof dnsEnvShape>>;

/** The settings an environment asks for; durations arrive in milliseconds. */
export function dnsConfigFromEnv(env: DnsEnv, observer: string): DnsConfig {
  return {
    observer,
    ports: env.NETWATCH_DNS_PORTS,
    timeoutSec: env.NETWATCH_DNS_TIMEOUT / 1000,
    maxPending: env.NETWATCH_DNS_MAX_PENDING,
    maxTcpStreams: env.NETWATCH_DNS_MAX_TCP_STREAMS,
    homeNet: env.NETWATCH_HOME_NET,
    communityIdSeed: env.NETWATCH_COMMUNITY_ID_SEED,
  };
}

/** The settings from the process environment; a bad value exits 2 (loadConfig). */
export function dnsConfigFromProcess(observer: string, env: NodeJS.ProcessEnv = process.env): DnsConfig {
  return dnsConfigFromEnv(loadConfig(z.object(dnsEnvShape), env), observer);
}
