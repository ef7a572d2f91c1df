// Enrich settings: defaults, and the environment variables that override them (validated; a bad value exits 2).
import { existsSync, statSync } from 'node:fs';
import { bool, duration, int, loadConfig } from '@netwatch/kit/config';
import { NetwatchError } from '@netwatch/kit/errors';
import { DEFAULT_HOME_NET, homeNetEnvShape } from '@netwatch/packet/home-net';
import { z } from 'zod';
import type { GeoSourceConfig } from './geo/geo-databases.js';
import type { SiteConfig } from './site.js';

export interface EnrichConfig {
  /** HOME_NET: addresses inside get the site location and device names; outside, GeoIP. */
  readonly homeNet: readonly string[];
  readonly geo: GeoSourceConfig;
  /** Addresses whose answer is cached (0: no cache). */
  readonly cacheSize: number;
  readonly site: SiteConfig;
  /** Addresses whose device name (from asset events) is kept. */
  readonly maxDeviceNames: number;
  /** Addresses whose DNS-learned name is kept (0: do not learn names from DNS). */
  readonly maxDnsNames: number;
}

export const defaultEnrichConfig: EnrichConfig = {
  homeNet: DEFAULT_HOME_NET,
  geo: { embedded: true, watch: true, reloadDelayMs: 2_000, pollMs: 60_000 },
  cacheSize: 65_536,
  site: { name: 'home' },
  maxDeviceNames: 65_536,
  maxDnsNames: 65_536,
};

/** An existing regular file (a path that does not exist fails with the variable's name). */
const filePath = () => z.string().trim().min(1).refine((p) => existsSync(p) && statSync(p).isFile(),
  { error: 'no such file (give the path of a .mmdb database)' });

/** A decimal number in a range, from its text. */
const decimal = (min: number, max: number) => z.string().trim()
  .regex(/^[-+]?\d+(\.\d+)?$/, { error: 'must be a decimal number, e.g. 52.37' })
  .transform(Number).pipe(z.number().min(min, { error: `must be ≥ ${min}` }).max(max, { error: `must be ≤ ${max}` }));

/** Environment variables of the enrich service (plus the shared HOME_NET). */
export const enrichEnvShape = {
  /** GeoLite2/GeoIP2 City or Country .mmdb; when unset, the embedded DB-IP City Lite. */
  NETWATCH_GEOIP_CITY_DB: filePath().optional(),
  /** GeoLite2 ASN or GeoIP2 ISP .mmdb; when unset, the embedded ip-location-db ASN data. */
  NETWATCH_GEOIP_ASN_DB: filePath().optional(),
  /** false: no embedded data (saves ~150 MB of memory); only the configured files are used. */
  NETWATCH_GEOIP_EMBEDDED: bool().default(defaultEnrichConfig.geo.embedded),
  /** Reopen a database when its file changes. */
  NETWATCH_GEOIP_WATCH: bool().default(defaultEnrichConfig.geo.watch),
  /** Quiet time after a database file changed before it is reopened. */
  NETWATCH_GEOIP_RELOAD_DELAY: duration().default(defaultEnrichConfig.geo.reloadDelayMs),
  NETWATCH_ENRICH_CACHE_SIZE: int(0, 10_000_000).default(defaultEnrichConfig.cacheSize),
  NETWATCH_ENRICH_MAX_DEVICE_NAMES: int(1, 10_000_000).default(defaultEnrichConfig.maxDeviceNames),
  NETWATCH_ENRICH_MAX_DNS_NAMES: int(0, 10_000_000).default(defaultEnrichConfig.maxDnsNames),
  /** ECS geo.name of internal addresses. */
  NETWATCH_SITE_NAME: z.string().trim().min(1).default(defaultEnrichConfig.site.name),
  /** Latitude of the site, decimal degrees (WGS 84); with NETWATCH_SITE_LON. */
  NETWATCH_SITE_LAT: decimal(-90, 90).optional(),
  NETWATCH_SITE_LON: decimal(-180, 180).optional(),
  ...homeNetEnvShape,
};

export type EnrichEnv = z.infer<z.ZodObject<typeof enrichEnvShape>>;

/** The settings an environment asks for. Throws a `config_invalid` NetwatchError naming the variable. */
export function enrichConfigFromEnv(env: EnrichEnv): EnrichConfig {
  const lat = env.NETWATCH_SITE_LAT;
  const lon = env.NETWATCH_SITE_LON;
  if ((lat === undefined) !== (lon === undefined)) {
    const missing = lat === undefined ? 'NETWATCH_SITE_LAT' : 'NETWATCH_SITE_LON';
    const other = lat === undefined ? 'NETWATCH_SITE_LON' : 'NETWATCH_SITE_LAT';
    throw new NetwatchError('config_invalid', `${missing}: is required when ${other} is set`,
      { details: { variable: missing } });
  }
  return {
    homeNet: env.NETWATCH_HOME_NET,
    geo: {
      cityDb: env.NETWATCH_GEOIP_CITY_DB,
      asnDb: env.NETWATCH_GEOIP_ASN_DB,
      embedded: env.NETWATCH_GEOIP_EMBEDDED,
      watch: env.NETWATCH_GEOIP_WATCH,
      reloadDelayMs: env.NETWATCH_GEOIP_RELOAD_DELAY,
      pollMs: defaultEnrichConfig.geo.pollMs,
    },
    cacheSize: env.NETWATCH_ENRICH_CACHE_SIZE,
    site: { name: env.NETWATCH_SITE_NAME, lat, lon },
    maxDeviceNames: env.NETWATCH_ENRICH_MAX_DEVICE_NAMES,
    maxDnsNames: env.NETWATCH_ENRICH_MAX_DNS_NAMES,
  };
}

/** The settings from the process environment; a bad value throws a `config_invalid` NetwatchError (exit 2). */
export function enrichConfigFromProcess(env: NodeJS.ProcessEnv = process.env): EnrichConfig {
  return enrichConfigFromEnv(loadConfig(z.object(enrichEnvShape), env));
}
