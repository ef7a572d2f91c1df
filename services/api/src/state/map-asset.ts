// netwatch.asset.v1 event → one observation of a device: what this protocol said about it.
import type { AssetEvent } from '@netwatch/schemas';
import type { DeviceService } from '../contract/shapes.js';

export interface DeviceObservation {
  /** ECS form (00-1A-2B-3C-4D-5E); absent when the protocol only showed an address. */
  readonly mac?: string;
  /** Addresses the device holds now, primary first. */
  readonly ips: readonly string[];
  /** Addresses it no longer holds (an asset change of host.ip names the old one). */
  readonly removedIps: readonly string[];
  readonly hostname?: string;
  readonly vendor?: string;
  readonly os?: string;
  readonly model?: string;
  readonly services: readonly DeviceService[];
  readonly source: string;
  readonly firstSeenMs: number;
  readonly lastSeenMs: number;
}

/** The device id of a MAC: its twelve hex digits, lowercase, no separators (e.g. 3c22fb100010). */
export function deviceIdForMac(mac: string): string {
  return mac.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/** The id of a device known only by an address. */
export function deviceIdForIp(ip: string): string {
  return `ip-${ip}`;
}

/** ECS host.os.* as one readable string: `full` when the sensor gave it, else name and version. */
export function osText(os: NonNullable<AssetEvent['host']['os']>): string | undefined {
  if (os.full !== undefined) return os.full;
  if (os.name !== undefined) return os.version !== undefined ? `${os.name} ${os.version}` : os.name;
  return os.family ?? os.type;
}

export function mapAsset(event: AssetEvent): DeviceObservation {
  const details = event.netwatch.asset;
  const host = event.host;
  const change = details.change;
  const removedIps = change?.field === 'host.ip' && typeof change.old === 'string' && change.old !== change.new
    ? [change.old]
    : [];
  const lastSeenMs = Date.parse(details.last_seen);
  const firstSeenMs = Date.parse(details.first_seen);
  const hostname = host.hostname ?? host.name;
  const os = host.os === undefined ? undefined : osText(host.os);
  const observation: {
    -readonly [K in keyof DeviceObservation]: DeviceObservation[K];
  } = {
    ips: host.ip ?? [],
    removedIps,
    services: (details.services ?? []).map((s) => {
      const service: DeviceService = { name: s.name };
      if (s.transport !== undefined) service.transport = s.transport;
      if (s.port !== undefined) service.port = s.port;
      return service;
    }),
    source: details.source,
    firstSeenMs: Number.isNaN(firstSeenMs) ? lastSeenMs : firstSeenMs,
    lastSeenMs,
  };
  if (host.mac?.[0] !== undefined) observation.mac = host.mac[0];
  if (hostname !== undefined) observation.hostname = hostname;
  if (event.device?.manufacturer !== undefined) observation.vendor = event.device.manufacturer;
  if (os !== undefined) observation.os = os;
  if (event.device?.model?.name !== undefined) observation.model = event.device.model.name;
  return observation;
}
