// @netwatch/enrich: GeoIP/ASN, site location and device names added to flow, DNS, TLS and alert events.
export { AddressBook, type AddressInfo, type AddressStats } from './address-book.js';
export {
  defaultEnrichConfig,
  type EnrichConfig,
  enrichConfigFromEnv,
  enrichConfigFromProcess,
  type EnrichEnv,
  enrichEnvShape,
} from './enrich-config.js';
export { type EnrichFigures, registerEnrichMetrics } from './enrich-metrics.js';
export { enrichService } from './enrich-service.js';
export { createEnricher, type Enricher, type EnricherOptions, type EnricherStats } from './enricher.js';
export { type EnrichmentOptions, type RunningEnrichment, startEnrichment } from './enrichment.js';
export { AsnTable, type AsnTableStats } from './geo/asn-table.js';
export { embeddedAsnPaths, embeddedCityPaths, loadEmbeddedAsnTable } from './geo/embedded.js';
export {
  type GeoDatabaseInfo,
  GeoDatabases,
  type GeoInfo,
  type GeoSourceConfig,
  openGeoDatabases,
} from './geo/geo-databases.js';
export { type AutonomousSystem, type Geo } from './geo/geo-record.js';
export { type OpenedMmdb, openMmdb } from './geo/mmdb-file.js';
export { type MmdbFormat, type MmdbKind, type MmdbLayout, mmdbFormatOf } from './geo/mmdb-format.js';
export { DeviceNames } from './names/device-names.js';
export { DnsNames } from './names/dns-names.js';
export { contractHasGeoName, type SiteConfig, siteGeo } from './site.js';
