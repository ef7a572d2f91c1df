// Devices keyed by MAC (or by address until a MAC is known): merged from asset events and flows, bounded, LRU evicted.
import type { Device, DeviceService } from '../contract/shapes.js';
import { type DeviceObservation, deviceIdForIp, deviceIdForMac } from './map-asset.js';

const MAX_IPS = 16;
const MAX_SERVICES = 64;
const MAX_SOURCES = 16;

interface DeviceRecord {
  readonly id: string;
  mac?: string;
  ips: string[];
  hostname?: string;
  vendor?: string;
  os?: string;
  model?: string;
  services: DeviceService[];
  sources: string[];
  firstSeenMs: number;
  lastSeenMs: number;
  flows: number;
  /** The contract object, rebuilt only after a change. */
  view?: Device;
}

/**
 * One owner per address: when an address shows up on another device (a DHCP lease moved), it
 * leaves the old one. A device first known from flows ("ip-<ip>") is folded into the MAC device
 * once an asset event names that address with its MAC. Map order is least recently touched
 * first, so eviction takes the device nobody has seen for longest.
 */
export class DeviceStore {
  private readonly byId = new Map<string, DeviceRecord>();
  private readonly byIp = new Map<string, string>();
  evicted = 0;

  constructor(
    readonly capacity = 10_000,
    private readonly onChange: (id: string) => void = () => {},
    /** A device folded into another one (an "ip-" device once its MAC is known): its id is gone for good. */
    private readonly onRemove: (id: string) => void = () => {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.byId.size;
  }

  /** The id of the device holding an address now, if any. */
  idForIp(ip: string): string | undefined {
    return this.byIp.get(ip);
  }

  get(id: string): Device | undefined {
    const record = this.byId.get(id);
    return record === undefined ? undefined : view(record);
  }

  /** Addresses of a device (for finding its flows). */
  ipsOf(id: string): readonly string[] | undefined {
    return this.byId.get(id)?.ips;
  }

  /** Every device, most recently seen first. */
  list(): Device[] {
    const records = [...this.byId.values()].sort((a, b) => b.lastSeenMs - a.lastSeenMs);
    return records.map(view);
  }

  applyAsset(observation: DeviceObservation): Device | undefined {
    const primaryIp = observation.ips[0];
    let id: string;
    if (observation.mac !== undefined) id = deviceIdForMac(observation.mac);
    else if (primaryIp !== undefined) id = this.byIp.get(primaryIp) ?? deviceIdForIp(primaryIp);
    else return undefined;
    const record = this.touch(id, observation.firstSeenMs, observation.lastSeenMs);
    if (observation.mac !== undefined) record.mac = observation.mac;
    for (const ip of observation.removedIps) this.releaseIp(record, ip);
    // Add in reverse so the primary address ends up first.
    for (let i = observation.ips.length - 1; i >= 0; i--) this.claimIp(record, observation.ips[i] as string);
    if (observation.hostname !== undefined) record.hostname = observation.hostname;
    if (observation.vendor !== undefined) record.vendor = observation.vendor;
    if (observation.os !== undefined) record.os = observation.os;
    if (observation.model !== undefined) record.model = observation.model;
    for (const service of observation.services) addService(record.services, service);
    addSource(record.sources, observation.source);
    this.changed(record);
    this.evictBeyondCapacity();
    return view(record);
  }

  /**
   * An internal address took part in a flow: its device (or a new "ip-" device) is seen now, and
   * counts the flow when `newFlow` (the first record of that flow).
   */
  touchFromFlow(ip: string, startMs: number, endMs: number, newFlow: boolean): void {
    let id = this.byIp.get(ip);
    if (id === undefined) {
      id = deviceIdForIp(ip);
      this.byIp.set(ip, id);
    }
    const record = this.touch(id, startMs, endMs);
    if (record.ips.length === 0) record.ips.push(ip);
    if (record.sources.length === 0) record.sources.push('flow');
    if (newFlow) record.flows++;
    this.changed(record);
    this.evictBeyondCapacity();
  }

  /** Finds or creates the record and moves it to the recent end. */
  private touch(id: string, firstMs: number, lastMs: number): DeviceRecord {
    let record = this.byId.get(id);
    if (record === undefined) {
      record = { id, ips: [], services: [], sources: [], firstSeenMs: firstMs, lastSeenMs: lastMs, flows: 0 };
    } else {
      this.byId.delete(id);
    }
    this.byId.set(id, record);
    if (firstMs < record.firstSeenMs) record.firstSeenMs = firstMs;
    if (lastMs > record.lastSeenMs) record.lastSeenMs = lastMs;
    return record;
  }

  private claimIp(record: DeviceRecord, ip: string): void {
    const owner = this.byIp.get(ip);
    if (owner !== undefined && owner !== record.id) {
      const other = this.byId.get(owner);
      if (other !== undefined) {
        if (other.mac === undefined) this.absorb(record, other);
        else this.releaseIp(other, ip);
      }
    }
    this.byIp.set(ip, record.id);
    const at = record.ips.indexOf(ip);
    if (at >= 0) record.ips.splice(at, 1);
    record.ips.unshift(ip);
    while (record.ips.length > MAX_IPS) {
      const dropped = record.ips.pop() as string;
      if (this.byIp.get(dropped) === record.id) this.byIp.delete(dropped);
    }
  }

  private releaseIp(record: DeviceRecord, ip: string): void {
    const at = record.ips.indexOf(ip);
    if (at < 0) return;
    record.ips.splice(at, 1);
    if (this.byIp.get(ip) === record.id) this.byIp.delete(ip);
    this.changed(record);
  }

  /** Folds an address-only device into the device that now owns its address. */
  private absorb(into: DeviceRecord, from: DeviceRecord): void {
    into.flows += from.flows;
    into.firstSeenMs = Math.min(into.firstSeenMs, from.firstSeenMs);
    into.lastSeenMs = Math.max(into.lastSeenMs, from.lastSeenMs);
    for (const source of from.sources) addSource(into.sources, source);
    for (const service of from.services) addService(into.services, service);
    into.hostname ??= from.hostname;
    into.os ??= from.os;
    this.byId.delete(from.id);
    for (const ip of from.ips) if (this.byIp.get(ip) === from.id) this.byIp.delete(ip);
    this.onRemove(from.id);
  }

  private changed(record: DeviceRecord): void {
    record.view = undefined;
    this.onChange(record.id);
  }

  private evictBeyondCapacity(): void {
    while (this.byId.size > this.capacity) {
      const oldest = this.byId.values().next().value as DeviceRecord;
      this.byId.delete(oldest.id);
      for (const ip of oldest.ips) if (this.byIp.get(ip) === oldest.id) this.byIp.delete(ip);
      this.evicted++;
    }
  }
}

function addService(services: DeviceService[], service: DeviceService): void {
  const same = services.findIndex((s) =>
    s.name === service.name && s.transport === service.transport && s.port === service.port);
  if (same >= 0) return;
  if (services.length >= MAX_SERVICES) services.shift();
  services.push(service);
}

function addSource(sources: string[], source: string): void {
  if (sources.includes(source)) return;
  if (sources.length >= MAX_SOURCES) sources.shift();
  sources.push(source);
}

function view(record: DeviceRecord): Device {
  if (record.view !== undefined) return record.view;
  const device: Device = {
    id: record.id,
    ips: [...record.ips],
    services: record.services.map((s) => ({ ...s })),
    sources: [...record.sources],
    firstSeen: new Date(record.firstSeenMs).toISOString(),
    lastSeen: new Date(record.lastSeenMs).toISOString(),
    flows: record.flows,
  };
  if (record.mac !== undefined) device.mac = record.mac;
  if (record.hostname !== undefined) device.hostname = record.hostname;
  if (record.vendor !== undefined) device.vendor = record.vendor;
  if (record.os !== undefined) device.os = record.os;
  if (record.model !== undefined) device.model = record.model;
  record.view = device;
  return device;
}
