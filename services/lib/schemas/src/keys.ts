// Message keys: which entity's partition an event belongs to (architecture.md, "Events").
import type { AlertEvent } from './events/alert.js';
import type { AssetEvent } from './events/asset.js';
import type { BlockEvent } from './events/block.js';
import type { DnsEvent } from './events/dns.js';
import type { DpiEvent } from './events/dpi.js';
import type { FlowEvent } from './events/flow.js';
import type { IncidentEvent } from './events/incident.js';
import type { IndicatorEvent } from './events/indicator.js';
import type { SensorStatsEvent } from './events/sensor-stats.js';
import type { TlsEvent } from './events/tls.js';

/**
 * The internal host of a flow: the destination when traffic came in from outside
 * (network.direction `inbound`), else the source (outbound, internal, external, unknown:
 * the originator). Pure in the event, so every producer and replay agrees.
 */
export function flowKey(event: FlowEvent): string {
  return event.network.direction === 'inbound' ? event.destination.ip : event.source.ip;
}

/** DNS: the client that asked (source.ip). */
export function dnsKey(event: DnsEvent): string {
  return event.source.ip;
}

/** TLS: the client that said hello (source.ip). */
export function tlsKey(event: TlsEvent): string {
  return event.source.ip;
}

/**
 * DPI records: the same internal-host rule as flows when the record has endpoints
 * (tool logs are client-to-server, so the source is the originator), else `tool:log_type`.
 */
export function dpiKey(event: DpiEvent): string {
  if (event.network?.direction === 'inbound' && event.destination) return event.destination.ip;
  return (
    event.source?.ip ??
    event.destination?.ip ??
    `${event.netwatch.dpi.tool}:${event.netwatch.dpi.log_type}`
  );
}

/** Asset: the device's primary IP, or its MAC when no IP is known (e.g. DHCP discover). */
export function assetKey(event: AssetEvent): string {
  const key = event.host.ip?.[0] ?? event.host.mac?.[0];
  // The schema refuses an asset without host.ip or host.mac, so this only fires on
  // an unvalidated object.
  if (key === undefined) throw new Error('asset event without host.ip or host.mac');
  return key;
}

/** Alert: the offending IP, so all alerts about one attacker land in one partition. */
export function alertKey(event: AlertEvent): string {
  return event.netwatch.alert.offender_ip;
}

/** Block: the blocked address or network. */
export function blockKey(event: BlockEvent): string {
  return event.netwatch.block.target;
}

/** Incident: the entity value it is about. */
export function incidentKey(event: IncidentEvent): string {
  return event.netwatch.incident.entity.value;
}

/** Indicator: `type:value`, the identity compaction keeps the latest record for. */
export function indicatorKey(event: IndicatorEvent): string {
  const { type, value } = event.netwatch.indicator;
  return `${type}:${value}`;
}

/** Sensor stats: the sensor that measured them (observer.hostname), so each sensor's series stays in order. */
export function sensorStatsKey(event: SensorStatsEvent): string {
  return event.observer.hostname;
}
