// Prometheus figures of the asset sensor, read from its counters at scrape time (nothing on the packet path).
import { type Metrics, scrapedCounter, scrapedGauge } from '@netwatch/kit';
import { type AssetStats, assetProtocols } from './asset-stats.js';
import type { RegistryStats } from './device-registry.js';

/** Registers the asset metrics on `metrics.registry`; counters mirror totals kept by the analyzer. */
export function registerAssetMetrics(metrics: Metrics, stats: AssetStats, registry: () => RegistryStats): void {
  const r = metrics.registry;
  scrapedCounter(r, 'netwatch_asset_messages_total',
    'Discovery messages parsed, by protocol (arp, dhcp, mdns, lldp, cdp, ssdp, nbns, p0f)', ['protocol'], (c) => {
      for (const protocol of assetProtocols) c.inc({ protocol }, stats.messages[protocol]);
    });
  scrapedCounter(r, 'netwatch_asset_malformed_total',
    'Discovery messages refused as malformed, by protocol and reason (e.g. dhcp/option_truncated)',
    ['protocol', 'reason'], (c) => {
      for (const protocol of assetProtocols) {
        for (const [reason, n] of Object.entries(stats.malformed[protocol])) c.inc({ protocol, reason }, n);
      }
    });
  scrapedCounter(r, 'netwatch_asset_events_total', 'Asset events published, by kind (creation, info, change, conflict)',
    ['kind'], (c) => {
      for (const [kind, n] of Object.entries(stats.events)) c.inc({ kind }, n);
    });
  scrapedGauge(r, 'netwatch_asset_devices', 'Devices in the registry now', [], (g) => g.set(registry().devices));
  scrapedCounter(r, 'netwatch_asset_evictions_total',
    'Devices dropped because the registry was full (raise NETWATCH_ASSET_MAX_DEVICES if this grows)', [],
    (c) => c.inc(registry().evictions));
  scrapedCounter(r, 'netwatch_asset_conflicts_total',
    'IPv4 addresses claimed by two MACs within NETWATCH_ASSET_CONFLICT_WINDOW', [],
    (c) => c.inc(registry().conflicts));
}
