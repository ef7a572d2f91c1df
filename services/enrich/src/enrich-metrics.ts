// Prometheus figures of the enrich service, copied from its counters at scrape time (nothing per event).
import { type Metrics, scrapedCounter, scrapedGauge } from '@netwatch/kit';
import { topics } from '@netwatch/schemas';
import type { AddressBook } from './address-book.js';
import type { Enricher } from './enricher.js';
import type { GeoDatabases } from './geo/geo-databases.js';
import type { DeviceNames } from './names/device-names.js';
import type { DnsNames } from './names/dns-names.js';

/** What the metrics read. `errors` counts events published unenriched because enrichment threw. */
export interface EnrichFigures {
  readonly enricher: Enricher;
  readonly addresses: AddressBook;
  readonly devices: DeviceNames;
  readonly dnsNames: DnsNames;
  readonly geo: GeoDatabases | null;
  readonly errors: { value: number };
}

const outputTopics = {
  flow: topics.enrichedFlow.name,
  dns: topics.enrichedDns.name,
  tls: topics.enrichedTls.name,
  alert: topics.enrichedAlert.name,
} as const;

/** Registers the enrich metrics on `metrics.registry`. */
export function registerEnrichMetrics(metrics: Metrics, f: EnrichFigures): void {
  const r = metrics.registry;
  scrapedCounter(r, 'netwatch_enrich_events_total', 'Events enriched and published, by output topic', ['topic'], (c) => {
    const events = f.enricher.stats.events;
    for (const [id, topic] of Object.entries(outputTopics)) c.inc({ topic }, events[id as keyof typeof outputTopics]);
  });
  scrapedCounter(r, 'netwatch_enrich_endpoints_total', 'Endpoints given a field they lacked (field=geo|as|domain)', ['field'], (c) => {
    const s = f.enricher.stats;
    c.inc({ field: 'geo' }, s.geo);
    c.inc({ field: 'as' }, s.as);
    c.inc({ field: 'domain' }, s.domain);
  });
  scrapedCounter(r, 'netwatch_enrich_lookups_total', 'Addresses looked up (every endpoint of every event)', [], (c) => {
    c.inc(f.addresses.stats.lookups);
  });
  scrapedCounter(r, 'netwatch_enrich_cache_hits_total', 'Address lookups answered by the cache', [], (c) => {
    c.inc(f.addresses.stats.cacheHits);
  });
  scrapedCounter(r, 'netwatch_enrich_cache_misses_total', 'Address lookups not in the cache (NETWATCH_ENRICH_CACHE_SIZE)', [], (c) => {
    c.inc(f.addresses.stats.cacheMisses);
  });
  scrapedCounter(r, 'netwatch_enrich_geoip_lookups_total',
    'External addresses looked up in the GeoIP databases, by result (found, unknown, error)', ['result'], (c) => {
      const s = f.addresses.stats;
      c.inc({ result: 'found' }, s.geoLookups - s.geoUnknown - s.errors);
      c.inc({ result: 'unknown' }, s.geoUnknown);
      c.inc({ result: 'error' }, s.errors);
    });
  scrapedCounter(r, 'netwatch_enrich_db_reloads_total',
    'GeoIP database files reopened after a change, by database (city, asn) and result (ok, failed: old one kept)',
    ['database', 'result'], (c) => {
      for (const { role, db } of f.geo?.files() ?? []) {
        c.inc({ database: role, result: 'ok' }, db.reloads);
        c.inc({ database: role, result: 'failed' }, db.reloadFailures);
      }
    });
  scrapedCounter(r, 'netwatch_enrich_errors_total', 'Events published without enrichment because enriching them failed', [], (c) => {
    c.inc(f.errors.value);
  });
  scrapedGauge(r, 'netwatch_enrich_cache_entries', 'Addresses in the cache now', [], (g) => g.set(f.addresses.cacheSize));
  scrapedGauge(r, 'netwatch_enrich_names', 'Addresses with a known name, by source (device: asset events; dns: DNS answers)',
    ['source'], (g) => {
      g.set({ source: 'device' }, f.devices.size);
      g.set({ source: 'dns' }, f.dnsNames.size);
    });
  scrapedGauge(r, 'netwatch_enrich_db_build_timestamp_seconds',
    'Build time of the oldest GeoIP database file in use, by database (city, asn): alert when stale', ['database'],
    (g) => {
      const oldest = new Map<string, number>();
      for (const { role, db } of f.geo?.files() ?? []) {
        oldest.set(role, Math.min(oldest.get(role) ?? Infinity, db.current.buildEpoch));
      }
      for (const [database, epoch] of oldest) g.set({ database }, epoch);
    });
}
