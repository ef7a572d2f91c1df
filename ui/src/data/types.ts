// The api v1 shapes the UI reads (see the api contract); parsed tolerantly in parse.ts.

export interface Geo {
  city?: string;
  country?: string;
  countryName?: string;
  lat: number;
  lon: number;
}

export interface Endpoint {
  ip: string;
  port?: number;
  name?: string;
  mac?: string;
  internal: boolean;
  /** ISO 3166-1 alpha-2 whenever enrichment knew it, with or without a location (geo needs one). */
  country?: string;
  geo?: Geo;
  as?: { number: number; organization: string };
}

export interface Flow {
  id: string;
  communityId?: string;
  start: string;
  end?: string;
  transport: string;
  protocol?: string;
  direction?: string;
  src: Endpoint;
  dst: Endpoint;
  bytes: number;
  packets: number;
  srcBytes: number;
  dstBytes: number;
  final: boolean;
}

export interface DeviceService {
  name: string;
  transport?: string;
  port?: number;
}

export interface Device {
  id: string;
  mac?: string;
  ips: string[];
  hostname?: string;
  vendor?: string;
  os?: string;
  model?: string;
  services: DeviceService[];
  sources: string[];
  firstSeen: string;
  lastSeen: string;
  flows: number;
}

export interface Alert {
  id: string;
  time: string;
  severity: number;
  severityName: string;
  title: string;
  rule?: string;
  src?: Endpoint;
  dst?: Endpoint;
  acknowledged: boolean;
}

export interface ProtocolShare {
  name: string;
  bytes: number;
  flows: number;
}

export interface RatePoint {
  time: string;
  pps: number;
  bps: number;
}

export interface Stats {
  time: string;
  pps: number;
  bps: number;
  flows: { active: number; total: number };
  devices: number;
  protocols: ProtocolShare[];
  capture: { received: number; dropped: number; ifDropped: number };
  history: RatePoint[];
}

export interface Site {
  name: string;
  lat?: number;
  lon?: number;
}

export interface Session {
  authRequired: boolean;
  authenticated: boolean;
  user?: string;
}

export interface TopologyNode {
  id: string;
  label: string;
  kind: 'device' | 'external';
  ip?: string;
  country?: string;
}

export interface TopologyLink {
  source: string;
  target: string;
  bytes: number;
  flows: number;
  protocol?: string;
}

export interface Topology {
  nodes: TopologyNode[];
  links: TopologyLink[];
}

export interface FeedFlows {
  flows: Flow[];
  dropped: number;
}
