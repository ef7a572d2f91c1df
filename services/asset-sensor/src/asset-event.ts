// Turns a registry decision into a netwatch.asset.v1 event (allocates: once per event, never per packet).
import { packetTime } from '@netwatch/packet/iso-time';
import { type AssetEvent, normalizeMac, uuidv7 } from '@netwatch/schemas';
import type { DeviceEvent } from './device-registry.js';
import { macKeyText } from './device-registry.js';
import type { AssetSource } from './observation.js';
import { macVendor } from './oui-vendor.js';

const eventTypes = { creation: 'creation', info: 'info', change: 'change', conflict: 'change' } as const;

/** The event for `e`, with the device as it is now. */
export function buildAssetEvent(e: DeviceEvent, observer: string, interfaceName?: string): AssetEvent {
  const d = e.device;
  const macText = d.mac === undefined ? undefined : macKeyText(d.mac);
  const details: Record<string, string> = Object.fromEntries(d.details);
  if (e.conflictIp !== undefined) details['arp.conflict_ip'] = e.conflictIp;
  const services = [...d.services.values()].map((s) => ({ ...s }));
  const manufacturer = d.manufacturer ?? (macText === undefined ? undefined : macVendor(macText));
  const relatedIps = new Set(d.ips);
  if (e.change?.field === 'host.ip') relatedIps.add(e.change.old);
  if (e.conflictIp !== undefined) relatedIps.add(e.conflictIp);
  const event: AssetEvent = {
    '@timestamp': packetTime(e.sec, e.nsec),
    event: {
      id: uuidv7(),
      kind: 'asset',
      category: ['host', 'network'],
      type: [eventTypes[e.kind]],
      dataset: 'netwatch.asset',
      module: 'netwatch',
    },
    netwatch: {
      schema: 'asset',
      schema_version: 1,
      asset: {
        source: e.source as AssetSource,
        ...(d.osConfidence === undefined ? {} : { os_confidence: d.osConfidence }),
        ...(services.length === 0 ? {} : { services }),
        first_seen: packetTime(d.firstSec, d.firstNsec),
        last_seen: packetTime(d.lastSec, d.lastNsec),
        ...(e.change === undefined ? {} : { change: { ...e.change } }),
        ...(Object.keys(details).length === 0 ? {} : { details }),
      },
    },
    observer: {
      hostname: observer,
      type: 'sensor',
      vendor: 'netwatch',
      product: 'netwatch',
      ...(interfaceName === undefined ? {} : { ingress: { interface: { name: interfaceName } } }),
    },
    host: {
      ...(d.ips.length === 0 ? {} : { ip: [...d.ips] }),
      ...(macText === undefined ? {} : { mac: [normalizeMac(macText)] }),
      ...(d.hostname === undefined ? {} : { hostname: d.hostname }),
      ...(d.type === undefined ? {} : { type: d.type }),
      ...(d.os === undefined ? {} : { os: { ...d.os } }),
    },
    ...(manufacturer === undefined && d.model === undefined ? {} : {
      device: {
        ...(manufacturer === undefined ? {} : { manufacturer }),
        ...(d.model === undefined ? {} : { model: { name: d.model } }),
      },
    }),
    related: {
      ...(relatedIps.size === 0 ? {} : { ip: [...relatedIps] }),
      ...(d.hostname === undefined ? {} : { hosts: [d.hostname] }),
    },
    ...(e.kind === 'conflict' ? { tags: ['ip_conflict'] } : {}),
  };
  return event;
}
