// What one packet of a discovery protocol says about one device (built off the hot path, once per message).
import type { assetSources } from '@netwatch/schemas';

export type AssetSource = (typeof assetSources)[number];

export interface ServiceInfo {
  readonly name: string;
  readonly transport?: 'tcp' | 'udp';
  readonly port?: number;
  readonly product?: string;
}

export interface OsInfo {
  readonly name: string;
  readonly family?: string;
  readonly type?: string;
  readonly version?: string;
  readonly full?: string;
}

export interface Observation {
  readonly source: AssetSource;
  /** The device's MAC as a 48-bit integer; absent for a device known only by IP. */
  readonly mac?: number;
  /** Addresses the device is known to hold (IPv4 or IPv6 text), most specific first. */
  readonly ips?: readonly string[];
  readonly hostname?: string;
  readonly os?: OsInfo;
  readonly osConfidence?: number;
  /** From the protocol itself (CDP platform vendor…), preferred over the OUI. */
  readonly manufacturer?: string;
  readonly model?: string;
  /** Device class: router, switch, phone, printer… */
  readonly type?: string;
  readonly services?: readonly ServiceInfo[];
  /** Protocol evidence, `protocol.field` → value. */
  readonly details?: Readonly<Record<string, string>>;
}

/** Normalised form for comparing hostnames from different protocols: `ALICE`, `alice.local.` and `alice` agree. */
export function hostnameKey(name: string): string {
  let key = name.toLowerCase();
  if (key.endsWith('.')) key = key.slice(0, -1);
  if (key.endsWith('.local')) key = key.slice(0, -'.local'.length);
  return key;
}
