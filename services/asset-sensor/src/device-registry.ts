// The device registry: devices keyed by MAC (or by IP when no MAC is seen), bounded with LRU eviction, deciding what to report.
import type { AssetConfig } from './asset-config.js';
import {
  createDevice, type Device, MAX_DETAIL_LENGTH, MAX_DETAILS, MAX_IPS, MAX_SERVICES, serviceKey,
} from './device.js';
import { hostnameKey, type Observation } from './observation.js';

export type DeviceEventKind = 'creation' | 'info' | 'change' | 'conflict';

/** A decision to publish: the device as it is now, and why. */
export interface DeviceEvent {
  readonly kind: DeviceEventKind;
  readonly device: Device;
  readonly source: string;
  readonly change?: { readonly field: string; readonly old: string; readonly new: string };
  /** The address two MACs claimed (conflict events). */
  readonly conflictIp?: string;
  readonly sec: number;
  readonly nsec: number;
}

export interface RegistryStats {
  devices: number;
  created: number;
  evictions: number;
  conflicts: number;
  changes: number;
}

/**
 * Which protocol's hostname `host.hostname` shows when several name a device: the ones a device
 * chooses for itself (DHCP option 12, its mDNS name) before announced or infrastructure names.
 */
const hostnamePriority: Readonly<Record<string, number>> = { dhcp: 6, mdns: 5, nbns: 4, lldp: 3, cdp: 3, ssdp: 1 };

const isIpv4 = (ip: string) => ip.includes('.');

/**
 * Protocols whose addresses bind an IP to the sender's MAC (address resolution and leases). A
 * switch announces one management address from every port's MAC over LLDP/CDP, so those
 * addresses are kept as evidence but never move ownership or raise conflicts.
 */
const addressBindingSources = new Set(['arp', 'dhcp']);

export class DeviceRegistry {
  readonly stats: RegistryStats = { devices: 0, created: 0, evictions: 0, conflicts: 0, changes: 0 };
  /** Insertion order is recency order: a touched device is re-inserted, the first one is the LRU victim. */
  private readonly devices = new Map<number | string, Device>();
  /** Which MAC-keyed device holds each IP now. */
  private readonly owners = new Map<string, Device>();
  /** Hostnames by source per device, so only a rename by the same protocol is a change. */
  private readonly names = new WeakMap<Device, Map<string, string>>();
  private readonly pending = new Set<Device>();

  constructor(private readonly config: AssetConfig, private readonly emit: (event: DeviceEvent) => void) {}

  get size(): number {
    return this.devices.size;
  }

  get(key: number | string): Device | undefined {
    return this.devices.get(key);
  }

  /** The MAC-keyed device holding `ip`, if any. */
  ownerOf(ip: string): Device | undefined {
    return this.owners.get(ip);
  }

  /**
   * The ARP fast path: true when `mac` is known and last claimed `ipv4` by ARP and still holds it
   * (only the times move, nothing is allocated). False means: build an observation and `observe` it.
   */
  touchArp(mac: number, ipv4: number, sec: number, nsec: number): boolean {
    const device = this.devices.get(mac);
    if (device === undefined || device.arpIp !== ipv4) return false;
    this.touch(device, sec, nsec);
    return true;
  }

  /** Merges what a packet showed; publishes a first sighting, changes and conflicts at once, the rest rate-limited. */
  observe(o: Observation, sec: number, nsec: number): Device | undefined {
    const key = o.mac ?? (o.ips?.[0] === undefined ? undefined : `ip:${o.ips[0]}`);
    if (key === undefined) return undefined;
    let device = this.devices.get(key);
    const isNew = device === undefined;
    if (device === undefined) {
      if (this.devices.size >= this.config.maxDevices) this.evictOldest();
      device = createDevice(key, o.mac, sec, nsec);
      this.devices.set(key, device);
      this.stats.created++;
      this.stats.devices = this.devices.size;
    } else {
      this.touch(device, sec, nsec);
    }
    const merged: DeviceEvent[] = [];
    const learned = this.merge(device, o, sec, nsec, merged);
    const events = merged.filter((e) => this.changeAllowed(e));
    if (isNew) {
      this.report({ kind: 'creation', device, source: o.source, sec, nsec });
    } else if (events.length > 0) {
      // A change event carries the whole device, so it also reports whatever else was learned.
    } else if (learned) {
      device.dirty = true;
      device.dirtySource = o.source;
      if (sec - device.lastEventSec >= this.config.minEventIntervalSec) {
        this.report({ kind: 'info', device, source: o.source, sec, nsec });
      } else {
        this.pending.add(device);
      }
    }
    for (const event of events) this.report(event);
    return device;
  }

  /** Reports devices whose merged news has waited a full interval (capture time). */
  advance(sec: number): void {
    for (const device of this.pending) {
      if (sec - device.lastEventSec >= this.config.minEventIntervalSec) {
        this.report({ kind: 'info', device, source: device.dirtySource, sec: device.lastSec, nsec: device.lastNsec });
      }
    }
  }

  /** End of input: every device with unreported news is reported. */
  finish(): void {
    for (const device of this.pending) {
      this.report({ kind: 'info', device, source: device.dirtySource, sec: device.lastSec, nsec: device.lastNsec });
    }
  }

  /**
   * One change event per field and device per interval: a device flapping between two names or
   * addresses is reported once, then its state goes out with the rate-limited updates.
   */
  private changeAllowed(event: DeviceEvent): boolean {
    if (event.kind !== 'change' || event.change === undefined) return true;
    const { device, change, sec } = event;
    if (sec - (device.changeSec.get(change.field) ?? -Infinity) < this.config.minEventIntervalSec) return false;
    device.changeSec.set(change.field, sec);
    return true;
  }

  private report(event: DeviceEvent): void {
    const { device } = event;
    device.lastEventSec = event.sec;
    device.dirty = false;
    this.pending.delete(device);
    if (event.kind === 'change') this.stats.changes++;
    if (event.kind === 'conflict') this.stats.conflicts++;
    this.emit(event);
  }

  private touch(device: Device, sec: number, nsec: number): void {
    if (sec > device.lastSec || (sec === device.lastSec && nsec > device.lastNsec)) {
      device.lastSec = sec;
      device.lastNsec = nsec;
    }
    this.devices.delete(device.key);
    this.devices.set(device.key, device);
  }

  private evictOldest(): void {
    const oldest = this.devices.values().next();
    if (oldest.done === true) return;
    const device = oldest.value;
    this.devices.delete(device.key);
    this.pending.delete(device);
    for (const ip of device.ips) if (this.owners.get(ip) === device) this.owners.delete(ip);
    this.stats.evictions++;
    this.stats.devices = this.devices.size;
  }

  /** Folds `o` into `device`; change and conflict events go to `events`. True when anything new was learned. */
  private merge(device: Device, o: Observation, sec: number, nsec: number, events: DeviceEvent[]): boolean {
    let learned = false;
    const source = o.source;
    const ips = o.ips ?? [];
    for (let i = ips.length - 1; i >= 0; i--) {
      const ip = ips[i] as string;
      const at = device.ips.indexOf(ip);
      if (at === 0) continue;
      if (at > 0) {
        device.ips.splice(at, 1);
        device.ips.unshift(ip);
        continue;
      }
      learned = true;
      const binding = addressBindingSources.has(source);
      const previous = binding && isIpv4(ip) ? device.ips.find(isIpv4) : undefined;
      device.ips.unshift(ip);
      if (device.ips.length > MAX_IPS) device.ips.length = MAX_IPS;
      if (previous !== undefined && device.mac !== undefined) {
        // The device moved to a new address: the old one is no longer its (DHCP gave it a new lease).
        device.ips.splice(device.ips.indexOf(previous), 1);
        if (this.owners.get(previous) === device) this.owners.delete(previous);
        events.push({ kind: 'change', device, source, change: { field: 'host.ip', old: previous, new: ip }, sec, nsec });
      }
    }
    if (device.mac !== undefined && addressBindingSources.has(source)) {
      for (const ip of ips) this.claim(device, ip, source, sec, nsec, events);
    }
    if (o.hostname !== undefined && o.hostname !== '') learned = this.mergeHostname(device, o, sec, nsec, events) || learned;
    if (o.os !== undefined) {
      const old = device.os?.name;
      if (old !== o.os.name || device.os?.version !== o.os.version) {
        learned = true;
        if (old !== undefined && old !== o.os.name) {
          events.push({ kind: 'change', device, source, change: { field: 'host.os.name', old, new: o.os.name }, sec,
            nsec });
        }
      }
      device.os = o.os;
      device.osConfidence = o.osConfidence;
    }
    if (o.manufacturer !== undefined && o.manufacturer !== device.manufacturer) {
      device.manufacturer = o.manufacturer;
      learned = true;
    }
    if (o.model !== undefined && o.model !== device.model) {
      device.model = o.model;
      learned = true;
    }
    if (o.type !== undefined && o.type !== device.type) {
      device.type = o.type;
      learned = true;
    }
    for (const service of o.services ?? []) {
      const k = serviceKey(service);
      if (!device.services.has(k) && device.services.size < MAX_SERVICES) {
        device.services.set(k, service);
        learned = true;
      }
    }
    for (const [k, raw] of Object.entries(o.details ?? {})) {
      const value = raw.length > MAX_DETAIL_LENGTH ? raw.slice(0, MAX_DETAIL_LENGTH) : raw;
      if (device.details.get(k) === value) continue;
      if (!device.details.has(k) && device.details.size >= MAX_DETAILS) continue;
      device.details.set(k, value);
      learned = true;
    }
    return learned;
  }

  private mergeHostname(device: Device, o: Observation, sec: number, nsec: number, events: DeviceEvent[]): boolean {
    const name = o.hostname as string;
    let bySource = this.names.get(device);
    if (bySource === undefined) {
      bySource = new Map();
      this.names.set(device, bySource);
    }
    const before = bySource.get(o.source);
    if (before !== undefined && hostnameKey(before) === hostnameKey(name)) return false;
    bySource.set(o.source, name);
    let best: string | undefined;
    let bestRank = -1;
    for (const [source, candidate] of bySource) {
      const rank = hostnamePriority[source] ?? 0;
      if (rank > bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    const old = device.hostname;
    device.hostname = best;
    // A device renamed by the same protocol is a change; a second protocol's name is only new evidence.
    if (before !== undefined && old !== undefined && best === name) {
      events.push({ kind: 'change', device, source: o.source, change: { field: 'host.hostname', old, new: name },
        sec, nsec });
    }
    return true;
  }

  /** Records that `device` holds `ip`; another MAC holding it within the conflict window is a conflict. */
  private claim(device: Device, ip: string, source: string, sec: number, nsec: number, events: DeviceEvent[]): void {
    const owner = this.owners.get(ip);
    if (owner === device) return;
    this.owners.set(ip, device);
    if (owner === undefined) return;
    const at = owner.ips.indexOf(ip);
    if (at >= 0) owner.ips.splice(at, 1);
    owner.arpIp = -1;
    if (source !== 'arp' || sec - owner.lastSec > this.config.conflictWindowSec || !this.devices.has(owner.key)) return;
    // One report per IP and device per interval: two hosts fighting over an address ARP many times a second.
    if (device.lastConflictIp === ip && sec - device.lastConflictSec < this.config.minEventIntervalSec) return;
    device.lastConflictIp = ip;
    device.lastConflictSec = sec;
    events.push({ kind: 'conflict', device, source, sec, nsec, conflictIp: ip,
      change: { field: 'host.mac', old: macKeyText(owner.key), new: macKeyText(device.key) } });
  }
}

/** MAC text (aa:bb:…) of a MAC-keyed device key. */
export function macKeyText(key: number | string): string {
  if (typeof key === 'string') return key;
  const hex = key.toString(16).padStart(12, '0');
  return hex.replace(/(..)(?!$)/g, '$1:');
}
