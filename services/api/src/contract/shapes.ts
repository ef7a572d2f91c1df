// The API v1 contract as zod schemas: the response types, the OpenAPI document and the tests all derive from these.
import { severityNames } from '@netwatch/schemas';
import { z } from 'zod';

/** ISO 8601 UTC time, as every time in the API is written (`Date.prototype.toISOString`). */
const time = z.iso.datetime();
const count = z.number().int().nonnegative();

export const geoShape = z.strictObject({
  city: z.string().optional(),
  country: z.string().length(2).optional().describe('ISO 3166-1 alpha-2'),
  countryName: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const endpointShape = z.strictObject({
  ip: z.string(),
  port: z.number().int().min(0).max(65535).optional(),
  name: z.string().optional().describe('Name the address was resolved or seen as'),
  mac: z.string().optional().describe('ECS form, e.g. 3C-22-FB-12-34-56'),
  internal: z.boolean().describe('Inside the monitored network (HOME_NET)'),
  country: z.string().length(2).optional()
    .describe('ISO 3166-1 alpha-2, whenever enrichment knew it, with or without a location (geo needs one)'),
  geo: geoShape.optional(),
  as: z.strictObject({ number: count, organization: z.string() }).optional(),
});

export const flowShape = z.strictObject({
  id: z.string().describe('netwatch.flow.id: the same for every record of one flow'),
  communityId: z.string().optional(),
  start: time,
  end: time.optional(),
  transport: z.string(),
  protocol: z.string().optional().describe('Application protocol guess (network.protocol)'),
  direction: z.string().optional(),
  src: endpointShape,
  dst: endpointShape,
  bytes: count,
  packets: count,
  srcBytes: count,
  dstBytes: count,
  final: z.boolean().describe('false for an interim (active timeout) record: counters will still grow'),
});

export const deviceShape = z.strictObject({
  id: z.string().describe('MAC without separators, lowercase; or "ip-" + IP when no MAC is known'),
  mac: z.string().optional(),
  ips: z.array(z.string()),
  hostname: z.string().optional(),
  vendor: z.string().optional(),
  os: z.string().optional(),
  model: z.string().optional(),
  services: z.array(z.strictObject({
    name: z.string(),
    transport: z.string().optional(),
    port: z.number().int().optional(),
  })),
  sources: z.array(z.string()).describe('Protocols the device was learned from (arp, dhcp, mdns, …, flow)'),
  firstSeen: time,
  lastSeen: time,
  flows: count.describe('Flows seen touching it'),
});

export const alertShape = z.strictObject({
  id: z.string(),
  time,
  severity: z.number().int().min(1).max(4).describe('1 low, 2 medium, 3 high, 4 critical (rising, as in the events)'),
  severityName: z.enum(severityNames),
  title: z.string(),
  rule: z.string().optional(),
  src: endpointShape.optional(),
  dst: endpointShape.optional(),
  acknowledged: z.boolean(),
});

export const liveStatsShape = z.strictObject({
  time,
  pps: z.number().nonnegative(),
  bps: z.number().nonnegative(),
  flows: z.strictObject({ active: count, total: count }),
  devices: count,
  protocols: z.array(z.strictObject({ name: z.string(), bytes: count, flows: count })),
  capture: z.strictObject({ received: count, dropped: count, ifDropped: count }),
});

export const statsShape = liveStatsShape.extend({
  history: z.array(z.strictObject({ time, pps: z.number().nonnegative(), bps: z.number().nonnegative() }))
    .describe('The last 10 minutes, oldest first'),
});

export const siteShape = z.strictObject({
  name: z.string(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const topologyShape = z.strictObject({
  nodes: z.array(z.strictObject({
    id: z.string().describe('A device id, or "ext-" + IP for an address outside the network'),
    label: z.string(),
    kind: z.enum(['device', 'external']),
    ip: z.string().optional(),
    country: z.string().optional(),
  })),
  links: z.array(z.strictObject({
    source: z.string(),
    target: z.string(),
    bytes: count,
    flows: count,
    protocol: z.string().optional(),
  })),
});

export const healthShape = z.strictObject({ status: z.literal('ok'), version: z.string(), uptimeSec: z.number() });
export const sessionShape = z.strictObject({
  authRequired: z.boolean(),
  authenticated: z.boolean(),
  user: z.string().optional(),
});
export const loginBodyShape = z.strictObject({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
});
export const loginShape = z.strictObject({ user: z.string(), expiresAt: time });
export const errorShape = z.strictObject({
  error: z.strictObject({ code: z.string().describe('snake_case'), message: z.string() }),
});

export const flowListShape = z.strictObject({ flows: z.array(flowShape) });
export const deviceListShape = z.strictObject({ devices: z.array(deviceShape) });
export const alertListShape = z.strictObject({ alerts: z.array(alertShape) });

/** Data of the SSE events on /feed, by event name. */
export const feedFlowsShape = z.strictObject({
  flows: z.array(flowShape).max(200),
  dropped: count.describe('Flows not sent since the last push'),
});
export const feedAlertsShape = alertListShape;
export const feedDevicesShape = z.strictObject({
  devices: z.array(deviceShape).max(100),
  removed: z.array(z.string()).max(100).optional()
    .describe('Ids that no longer exist: an "ip-" device folded into the device that owns its address'),
});

export type Endpoint = z.infer<typeof endpointShape>;
export type Geo = z.infer<typeof geoShape>;
export type Flow = z.infer<typeof flowShape>;
export type Device = z.infer<typeof deviceShape>;
export type DeviceService = Device['services'][number];
export type Alert = z.infer<typeof alertShape>;
export type LiveStats = z.infer<typeof liveStatsShape>;
export type Stats = z.infer<typeof statsShape>;
export type Site = z.infer<typeof siteShape>;
export type Topology = z.infer<typeof topologyShape>;
export type Session = z.infer<typeof sessionShape>;
