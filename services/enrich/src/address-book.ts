// Per-address facts the enricher adds (internal or not, geo, AS), behind one bounded LRU cache keyed by the address text.
import type { HomeNet } from '@netwatch/packet/home-net';
import type { Geo } from './geo/geo-record.js';
import { type GeoDatabases, type GeoInfo, NOTHING } from './geo/geo-databases.js';
import { parseIpWords } from './geo/ip-words.js';
import { LruCache } from './lru-cache.js';

export interface AddressInfo extends GeoInfo {
  /** In HOME_NET: gets the site's location instead of a GeoIP answer. */
  readonly internal: boolean;
}

export interface AddressStats {
  /** Addresses looked up (every endpoint of every event). */
  lookups: number;
  cacheHits: number;
  cacheMisses: number;
  /** External addresses resolved in the GeoIP databases (cache misses that reached them). */
  geoLookups: number;
  /** …of which nothing was known (private, reserved, or not in the data). */
  geoUnknown: number;
  /** Lookups that threw (a corrupt database region); the address got no GeoIP. */
  errors: number;
}

const NO_FACTS: AddressInfo = Object.freeze({ internal: false });

/**
 * Answers `info(ip)` from the cache, or: parses the address once into words (no allocation), tests
 * HOME_NET on the words, and asks the GeoIP databases about external addresses. Internal
 * addresses get `siteGeo` (or nothing). The cache is cleared when a database is reloaded.
 */
export class AddressBook {
  readonly stats: AddressStats = { lookups: 0, cacheHits: 0, cacheMisses: 0, geoLookups: 0, geoUnknown: 0, errors: 0 };
  private readonly cache: LruCache<string, AddressInfo>;
  private readonly words = new Uint32Array(4);
  private readonly internalInfo: AddressInfo;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    private readonly homeNet: HomeNet,
    private readonly geo: GeoDatabases | null,
    siteGeo: Geo | undefined,
    cacheSize: number,
  ) {
    this.cache = new LruCache(cacheSize);
    this.internalInfo = Object.freeze(siteGeo === undefined ? { internal: true } : { internal: true, geo: siteGeo });
    this.unsubscribe = geo?.onChange(() => this.cache.clear());
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  info(ip: string): AddressInfo {
    this.stats.lookups++;
    const cached = this.cache.get(ip);
    if (cached !== undefined) {
      this.stats.cacheHits++;
      return cached;
    }
    this.stats.cacheMisses++;
    const info = this.resolve(ip);
    this.cache.set(ip, info);
    return info;
  }

  /** The answer without the cache (benchmarks; tests). */
  resolve(ip: string): AddressInfo {
    const words = this.words;
    const version = parseIpWords(ip, words);
    if (version === 0) return NO_FACTS;
    const internal = version === 4 ? this.homeNet.containsV4(words[0] as number) : this.homeNet.containsV6(words, 0);
    if (internal) return this.internalInfo;
    if (this.geo === null) return NO_FACTS;
    this.stats.geoLookups++;
    let found: GeoInfo;
    try {
      // An IPv4-mapped IPv6 address is looked up as the IPv4 address it carries.
      const text = version === 4 && ip.includes(':') ? dotted(words[0] as number) : ip;
      found = this.geo.resolve(text, version, words);
    } catch {
      this.stats.errors++;
      return NO_FACTS;
    }
    if (found === NOTHING) {
      this.stats.geoUnknown++;
      return NO_FACTS;
    }
    return Object.freeze({ internal: false, ...found });
  }

  close(): void {
    this.unsubscribe?.();
    this.cache.clear();
  }
}

function dotted(v4: number): string {
  return `${v4 >>> 24}.${(v4 >>> 16) & 0xff}.${(v4 >>> 8) & 0xff}.${v4 & 0xff}`;
}
