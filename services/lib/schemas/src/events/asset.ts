// netwatch.asset.v1: what a passive protocol revealed about a device, or a change to it.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { ip, mac, port, timestamp } from '../primitives.js';

/** Protocols the asset sensor learns from (p0f = passive TCP/IP stack fingerprinting). */
export const assetSources = ['arp', 'dhcp', 'mdns', 'lldp', 'cdp', 'ssdp', 'nbns', 'p0f'] as const;

/** ECS `host.*`: at least one of `ip`, `mac` is present; the first of each is the primary. */
const host = z
  .looseObject({
    ip: z.array(ip).min(1).optional(),
    mac: z.array(mac).min(1).optional(),
    hostname: z.string().optional(),
    name: z.string().optional(),
    type: z.string().optional().describe('Device class, e.g. printer, phone, router'),
    os: z
      .looseObject({
        name: z.string().optional(),
        family: z.string().optional().describe('ECS: debian, windows, macos, ios, android …'),
        full: z.string().optional(),
        type: z.string().optional().describe('ECS: linux, macos, unix, windows, ios, android'),
        version: z.string().optional(),
      })
      .optional(),
  })
  .refine((h) => h.ip !== undefined || h.mac !== undefined, {
    message: 'an asset needs host.ip or host.mac',
  });

/** A JSON scalar, for the old/new values of a change. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const service = z.looseObject({
  name: z.string().describe('Service name, e.g. _ipp._tcp, upnp:rootdevice, ssh'),
  transport: z.enum(['tcp', 'udp']).optional(),
  port: port.optional(),
  product: z.string().optional(),
});

export const assetDetails = z.looseObject({
  source: z.enum(assetSources),
  os_confidence: z.number().int().min(0).max(100).optional().describe('Percent'),
  services: z.array(service).optional(),
  first_seen: timestamp,
  last_seen: timestamp,
  change: z
    .looseObject({
      field: z.string().describe('Dotted path, e.g. host.ip'),
      old: scalar,
      new: scalar,
    })
    .optional()
    .describe('Present on change events (event.type includes change)'),
  details: z
    .record(z.string(), z.string())
    .optional()
    .describe('Protocol evidence, e.g. dhcp.fingerprint (option 55 list), lldp.system_description'),
});

export const assetEvent = z.looseObject({
  ...eventShape('asset', { asset: assetDetails }),
  host,
  device: z
    .looseObject({
      manufacturer: z.string().optional().describe('From the MAC OUI or the protocol'),
      model: z.looseObject({ name: z.string().optional() }).optional(),
    })
    .optional(),
});

export type AssetEvent = z.infer<typeof assetEvent>;
