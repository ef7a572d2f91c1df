// One device in the registry: every identity seen for it, and what has not been reported yet.
import type { OsInfo, ServiceInfo } from './observation.js';

/** Bounds per device, so a chatty or hostile host cannot grow one record without limit. */
export const MAX_IPS = 16;
export const MAX_SERVICES = 32;
export const MAX_DETAILS = 64;
export const MAX_DETAIL_LENGTH = 512;

export interface Device {
  /** Registry key: the MAC as a 48-bit integer, or `ip:<address>` for a device known only by IP. */
  readonly key: number | string;
  readonly mac: number | undefined;
  /** Most recent first; the first IPv4 is the one a change event is about. */
  readonly ips: string[];
  hostname: string | undefined;
  os: OsInfo | undefined;
  osConfidence: number | undefined;
  manufacturer: string | undefined;
  model: string | undefined;
  type: string | undefined;
  /** By `name/transport/port`. */
  readonly services: Map<string, ServiceInfo>;
  readonly details: Map<string, string>;
  firstSec: number;
  firstNsec: number;
  lastSec: number;
  lastNsec: number;
  /** Capture time of the last event about it (-Infinity: never reported). */
  lastEventSec: number;
  /** Learned something since the last event. */
  dirty: boolean;
  /** The protocol that taught it the newest unreported thing. */
  dirtySource: string;
  /** Last IPv4 seen by ARP as an integer, so a repeated ARP is recognised without allocating. */
  arpIp: number;
  lastConflictIp: string;
  lastConflictSec: number;
  /** Capture time of the last change event per field, to hold back a device that flaps. */
  readonly changeSec: Map<string, number>;
}

export function createDevice(key: number | string, mac: number | undefined, sec: number, nsec: number): Device {
  return {
    key, mac, ips: [], hostname: undefined, os: undefined, osConfidence: undefined, manufacturer: undefined,
    model: undefined, type: undefined, services: new Map(), details: new Map(), firstSec: sec, firstNsec: nsec,
    lastSec: sec, lastNsec: nsec, lastEventSec: -Infinity, dirty: false, dirtySource: '', arpIp: -1,
    lastConflictIp: '', lastConflictSec: -Infinity, changeSec: new Map(),
  };
}

export function serviceKey(s: ServiceInfo): string {
  return `${s.name}/${s.transport ?? ''}/${s.port ?? ''}`;
}
