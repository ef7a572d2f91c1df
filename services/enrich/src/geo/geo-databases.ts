// The GeoIP sources in use (configured MaxMind files, else the embedded DB-IP and ASN data) and one lookup over them.
import type { Logger } from '@netwatch/kit';
import type { AsnTable } from './asn-table.js';
import { embeddedCityPaths, loadEmbeddedAsnTable } from './embedded.js';
import { asFromRecord, type AutonomousSystem, type Geo, geoFromRecord } from './geo-record.js';
import type { OpenedMmdb } from './mmdb-file.js';
import { ReloadingMmdb } from './reloading-mmdb.js';

/** What a GeoIP lookup found for one address; frozen, shared by every event naming the address. */
export interface GeoInfo {
  readonly geo?: Geo;
  readonly as?: AutonomousSystem;
}

export interface GeoSourceConfig {
  /** A GeoLite2/GeoIP2 City or Country .mmdb (NETWATCH_GEOIP_CITY_DB); replaces the embedded city data. */
  readonly cityDb?: string | undefined;
  /** A GeoLite2 ASN or GeoIP2 ISP .mmdb (NETWATCH_GEOIP_ASN_DB); replaces the embedded ASN data. */
  readonly asnDb?: string | undefined;
  /** Use the embedded DB-IP City Lite and ASN data where no file is configured. */
  readonly embedded: boolean;
  /** Reopen .mmdb files when they change. */
  readonly watch: boolean;
  readonly reloadDelayMs: number;
  readonly pollMs?: number;
}

/** One database in use, for logs and the start-up summary. */
export interface GeoDatabaseInfo {
  readonly role: 'city' | 'asn';
  readonly source: 'configured' | 'embedded';
  readonly path: string;
  readonly type: string;
}

export class GeoDatabases {
  private readonly listeners = new Set<() => void>();

  constructor(
    /** City databases; an IPv4 address uses the first IPv4 one, else the first IPv6 one (IPv4 under ::/96). */
    readonly city: readonly ReloadingMmdb[],
    readonly asnFiles: readonly ReloadingMmdb[],
    readonly asnTable: AsnTable | null,
    private readonly sources: readonly GeoDatabaseInfo[],
  ) {
    for (const db of [...city, ...asnFiles]) db.onSwap(() => this.listeners.forEach((l) => l()));
  }

  /** Called after any database was swapped for a new version (the address cache is cleared on it). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * GeoIP of one address. `text` is the address as the reader takes it (IPv4 dotted, or IPv6);
   * `version` and `words` (big-endian uint32: words[0] for IPv4) are the parsed form.
   * May throw when a database is corrupt where the lookup leads.
   */
  resolve(text: string, version: 4 | 6, words: Uint32Array): GeoInfo {
    const cityDb = pick(this.city, version);
    const geo = cityDb === undefined ? undefined : geoFromRecord(cityDb.reader.get(text), cityDb.format.layout);
    let as: AutonomousSystem | undefined;
    const asnDb = pick(this.asnFiles, version);
    if (asnDb !== undefined) as = asFromRecord(asnDb.reader.get(text));
    else if (this.asnTable !== null) {
      as = version === 4 ? this.asnTable.lookupV4(words[0] as number) : this.asnTable.lookupV6(words);
    }
    if (geo === undefined && as === undefined) return NOTHING;
    return Object.freeze({ ...(geo === undefined ? {} : { geo }), ...(as === undefined ? {} : { as }) });
  }

  describe(): readonly GeoDatabaseInfo[] {
    return this.sources;
  }

  /** Every reloading file with its role, for metrics. */
  files(): { readonly role: 'city' | 'asn'; readonly db: ReloadingMmdb }[] {
    return [...this.city.map((db) => ({ role: 'city' as const, db })), ...this.asnFiles.map((db) => ({ role: 'asn' as const, db }))];
  }

  close(): void {
    for (const db of [...this.city, ...this.asnFiles]) db.close();
    this.listeners.clear();
  }
}

export const NOTHING: GeoInfo = Object.freeze({});

function pick(dbs: readonly ReloadingMmdb[], version: 4 | 6): OpenedMmdb | undefined {
  let v6: OpenedMmdb | undefined;
  for (const db of dbs) {
    const current = db.current;
    if (current.ipVersion === 4) {
      if (version === 4) return current;
    } else {
      v6 ??= current;
    }
  }
  return v6;
}

/**
 * Opens what the config names. Throws a NetwatchError naming the variable when a configured file
 * cannot be read or is of the wrong kind (the service exits 2).
 */
export async function openGeoDatabases(config: GeoSourceConfig, logger: Logger): Promise<GeoDatabases> {
  const reload = (name: string) => ({
    watch: config.watch,
    debounceMs: config.reloadDelayMs,
    ...(config.pollMs === undefined ? {} : { pollMs: config.pollMs }),
    logger,
    name,
  });
  const opened: ReloadingMmdb[] = [];
  const open = async (path: string, kind: 'city' | 'asn', label: string) => {
    const db = await ReloadingMmdb.open(path, kind, label, reload(kind));
    opened.push(db);
    return db;
  };
  try {
    const sources: GeoDatabaseInfo[] = [];
    const city: ReloadingMmdb[] = [];
    if (config.cityDb !== undefined) {
      city.push(await open(config.cityDb, 'city', 'NETWATCH_GEOIP_CITY_DB'));
      sources.push({ role: 'city', source: 'configured', path: config.cityDb, type: city[0]?.current.databaseType ?? '' });
    } else if (config.embedded) {
      const paths = embeddedCityPaths();
      for (const path of [paths.v4, paths.v6]) {
        const db = await open(path, 'city', 'embedded DB-IP City Lite');
        city.push(db);
        sources.push({ role: 'city', source: 'embedded', path, type: db.current.databaseType });
      }
    }
    const asnFiles: ReloadingMmdb[] = [];
    let asnTable: AsnTable | null = null;
    if (config.asnDb !== undefined) {
      const db = await open(config.asnDb, 'asn', 'NETWATCH_GEOIP_ASN_DB');
      asnFiles.push(db);
      sources.push({ role: 'asn', source: 'configured', path: config.asnDb, type: db.current.databaseType });
    } else if (config.embedded) {
      asnTable = await loadEmbeddedAsnTable();
      sources.push({ role: 'asn', source: 'embedded', path: '@ip-location-db/asn', type: 'asn csv' });
    }
    return new GeoDatabases(city, asnFiles, asnTable, sources);
  } catch (error) {
    for (const db of opened) db.close();
    throw error;
  }
}
