// Prometheus figures of the asset sensor, read from its counters at scrape time (nothing on the packet path).
import type { Metrics } from '@netwatch/kit';
import { Counter, Gauge } from 'prom-client';
import { type AssetStats, assetProtocols } from './asset-stats.js';
import type { RegistryStats } from './device-registry.js';

/** Registers the asset metrics on `metrics.registry`; counters mirror totals kept by the analyzer. */
export function registerAssetMetrics(metrics: Metrics, stats: AssetStats, registry: () => RegistryStats): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'netwatch_asset_messages_total',
    help: 'Discovery messages parsed, by protocol (arp, dhcp, mdns, lldp, cdp, ssdp, nbns, p0f)',
    labelNames: ['protocol'],
    registers,
    collect() {
      this.reset();
      for (const protocol of assetProtocols) this.inc({ protocol }, stats.messages[protocol]);
    },
  });
  new Counter({
    name: 'netwatch_asset_malformed_total',
    help: 'Discovery messages refused as malformed, by protocol and reason (e.g. dhcp/option_truncated)',
    labelNames: ['protocol', 'reason'],
    registers,
    collect() {
      this.reset();
      for (const protocol of assetProtocols) {
        for (const [reason, n] of Object.entries(stats.malformed[protocol])) this.inc({ protocol, reason }, n);
      }
    },
  });
  new Counter({
    name: 'netwatch_asset_events_total',
    help: 'Asset events published, by kind (creation, info, change, conflict)',
    labelNames: ['kind'],
    registers,
    collect() {
      this.reset();
      for (const [kind, n] of Object.entries(stats.events)) this.inc({ kind }, n);
    },
  });
  new Gauge({
    name: 'netwatch_asset_devices',
    help: 'Devices in the registry now',
    registers,
    collect() {
      this.set(registry().devices);
    },
  });
  new Counter({
    name: 'netwatch_asset_evictions_total',
    help: 'Devices dropped because the registry was full (raise NETWATCH_ASSET_MAX_DEVICES if this grows)',
    registers,
    collect() {
      this.reset();
      this.inc(registry().evictions);
    },
  });
  new Counter({
    name: 'netwatch_asset_conflicts_total',
    help: 'IPv4 addresses claimed by two MACs within NETWATCH_ASSET_CONFLICT_WINDOW',
    registers,
    collect() {
      this.reset();
      this.inc(registry().conflicts);
    },
  });
}
