// Devices by id (bounded: the least recently seen is forgotten first), most recently seen first.
import { Publisher } from './publisher.js';
import type { Device } from './types.js';

export class DeviceStore {
  readonly publisher: Publisher;
  private readonly devices = new Map<string, Device>();
  private cache: { version: number; devices: Device[] } | undefined;

  constructor(private readonly capacity = 5000, publisher = new Publisher()) {
    this.publisher = publisher;
  }

  get size(): number {
    return this.devices.size;
  }

  get(id: string): Device | undefined {
    return this.devices.get(id);
  }

  /**
   * Upserts devices; a record older than the one held (lastSeen) does not replace it. A device known by its MAC
   * replaces the address-only records ("ip-" + address, the api's id before it learned the MAC) of its addresses:
   * the feed sends changes, never removals, so they would otherwise linger as duplicates.
   */
  add(devices: readonly Device[]): void {
    for (const d of devices) {
      const held = this.devices.get(d.id);
      if (held !== undefined && Date.parse(held.lastSeen) > Date.parse(d.lastSeen)) continue;
      this.devices.set(d.id, d);
      if (!d.id.startsWith('ip-')) for (const ip of d.ips) this.devices.delete(`ip-${ip}`);
    }
    if (this.devices.size > this.capacity) this.trim();
    if (devices.length > 0) this.publisher.changed();
  }

  snapshot(): Device[] {
    const version = this.publisher.version();
    if (this.cache?.version === version) return this.cache.devices;
    const devices = [...this.devices.values()].sort(byLastSeenDesc);
    this.cache = { version, devices };
    return devices;
  }

  private trim(): void {
    const oldestFirst = [...this.devices.values()].sort(byLastSeenDesc).reverse();
    for (const d of oldestFirst.slice(0, this.devices.size - this.capacity)) this.devices.delete(d.id);
  }
}

function byLastSeenDesc(a: Device, b: Device): number {
  return (Date.parse(b.lastSeen) || 0) - (Date.parse(a.lastSeen) || 0);
}
