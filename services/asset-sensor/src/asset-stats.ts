// Counters of the asset sensor, kept as plain numbers on the packet path and read by the metrics at scrape time.

/** Protocols the sensor parses, the label values of its per-protocol metrics. */
export const assetProtocols = ['arp', 'dhcp', 'dhcpv6', 'mdns', 'lldp', 'cdp', 'ssdp', 'nbns', 'p0f'] as const;
export type AssetProtocol = (typeof assetProtocols)[number];

export interface AssetStats {
  /** Messages of each protocol parsed successfully. */
  readonly messages: Record<AssetProtocol, number>;
  /** Refused messages: protocol → reason → count. */
  readonly malformed: Record<AssetProtocol, Record<string, number>>;
  /** Events published, by kind (creation, info, change, conflict). */
  readonly events: Record<string, number>;
}

export function createAssetStats(): AssetStats {
  const perProtocol = <T>(make: () => T) =>
    Object.fromEntries(assetProtocols.map((p) => [p, make()])) as Record<AssetProtocol, T>;
  return { messages: perProtocol(() => 0), malformed: perProtocol(() => ({})), events: {} };
}

/** Counts one refused message (the reason set is small and fixed per parser, so the maps stay small). */
export function countMalformed(stats: AssetStats, protocol: AssetProtocol, reason: string): void {
  const reasons = stats.malformed[protocol];
  reasons[reason] = (reasons[reason] ?? 0) + 1;
}

export function malformedTotal(stats: AssetStats, protocol?: AssetProtocol): number {
  let total = 0;
  for (const p of assetProtocols) {
    if (protocol !== undefined && p !== protocol) continue;
    for (const n of Object.values(stats.malformed[p])) total += n;
  }
  return total;
}
