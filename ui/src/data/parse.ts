// Parsers from api JSON to the UI's types (types.ts): tolerant like every netwatch consumer, so an added field
// or a missing optional one never breaks the page; a record without its identifying fields is dropped.
import { bool, defined, isObject, list, num, str } from './read.js';
import { severityLevelOf, severityNameOf } from './severity.js';
import type {
  Alert, Device, DeviceService, Endpoint, Flow, Geo, ProtocolShare, RatePoint, Session, Site, Stats, Topology,
  TopologyLink, TopologyNode,
} from './types.js';

export function parseGeo(v: unknown): Geo | undefined {
  if (!isObject(v)) return undefined;
  const lat = num(v.lat);
  const lon = num(v.lon);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return defined({ city: str(v.city), country: str(v.country), countryName: str(v.countryName), lat, lon });
}

export function parseEndpoint(v: unknown): Endpoint | undefined {
  if (!isObject(v)) return undefined;
  const ip = str(v.ip);
  if (ip === undefined) return undefined;
  const as = isObject(v.as) && num(v.as.number) !== undefined
    ? { number: num(v.as.number) ?? 0, organization: str(v.as.organization) ?? '' }
    : undefined;
  return defined({
    ip, port: num(v.port), name: str(v.name), mac: str(v.mac), internal: bool(v.internal) ?? false,
    country: str(v.country), geo: parseGeo(v.geo), as,
  });
}

export function parseFlow(v: unknown): Flow | undefined {
  if (!isObject(v)) return undefined;
  const id = str(v.id);
  const src = parseEndpoint(v.src);
  const dst = parseEndpoint(v.dst);
  const start = str(v.start);
  if (id === undefined || src === undefined || dst === undefined || start === undefined) return undefined;
  return defined({
    id, communityId: str(v.communityId), start, end: str(v.end), transport: str(v.transport) ?? 'unknown',
    protocol: str(v.protocol), direction: str(v.direction), src, dst,
    bytes: num(v.bytes) ?? 0, packets: num(v.packets) ?? 0, srcBytes: num(v.srcBytes) ?? 0,
    dstBytes: num(v.dstBytes) ?? 0, final: bool(v.final) ?? true,
  });
}

function parseService(v: unknown): DeviceService | undefined {
  if (!isObject(v) || str(v.name) === undefined) return undefined;
  return defined({ name: str(v.name) ?? '', transport: str(v.transport), port: num(v.port) });
}

export function parseDevice(v: unknown): Device | undefined {
  if (!isObject(v)) return undefined;
  const id = str(v.id);
  if (id === undefined) return undefined;
  return defined({
    id, mac: str(v.mac), ips: list(v.ips, str), hostname: str(v.hostname), vendor: str(v.vendor), os: str(v.os),
    model: str(v.model), services: list(v.services, parseService), sources: list(v.sources, str),
    firstSeen: str(v.firstSeen) ?? '', lastSeen: str(v.lastSeen) ?? '', flows: num(v.flows) ?? 0,
  });
}

export function parseAlert(v: unknown): Alert | undefined {
  if (!isObject(v)) return undefined;
  const id = str(v.id);
  if (id === undefined) return undefined;
  const name = severityNameOf(str(v.severityName), num(v.severity));
  return defined({
    id, time: str(v.time) ?? new Date().toISOString(), severity: severityLevelOf(name), severityName: name,
    title: str(v.title) ?? '(untitled alert)', rule: str(v.rule), src: parseEndpoint(v.src),
    dst: parseEndpoint(v.dst), acknowledged: bool(v.acknowledged) ?? false,
  });
}

function parseProtocolShare(v: unknown): ProtocolShare | undefined {
  if (!isObject(v) || str(v.name) === undefined) return undefined;
  return { name: str(v.name) ?? '', bytes: num(v.bytes) ?? 0, flows: num(v.flows) ?? 0 };
}

export function parseRatePoint(v: unknown): RatePoint | undefined {
  if (!isObject(v) || str(v.time) === undefined) return undefined;
  return { time: str(v.time) ?? '', pps: num(v.pps) ?? 0, bps: num(v.bps) ?? 0 };
}

export function parseStats(v: unknown): Stats | undefined {
  if (!isObject(v)) return undefined;
  const flows = isObject(v.flows) ? v.flows : {};
  const capture = isObject(v.capture) ? v.capture : {};
  return {
    time: str(v.time) ?? new Date().toISOString(), pps: num(v.pps) ?? 0, bps: num(v.bps) ?? 0,
    flows: { active: num(flows.active) ?? 0, total: num(flows.total) ?? 0 }, devices: num(v.devices) ?? 0,
    protocols: list(v.protocols, parseProtocolShare),
    capture: {
      received: num(capture.received) ?? 0, dropped: num(capture.dropped) ?? 0, ifDropped: num(capture.ifDropped) ?? 0,
    },
    history: list(v.history, parseRatePoint),
  };
}

export function parseSite(v: unknown): Site {
  if (!isObject(v)) return { name: 'site' };
  const lat = num(v.lat);
  const lon = num(v.lon);
  const located = lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  return defined({ name: str(v.name) ?? 'site', lat: located ? lat : undefined, lon: located ? lon : undefined });
}

export function parseSession(v: unknown): Session {
  if (!isObject(v)) return { authRequired: true, authenticated: false };
  return defined({
    authRequired: bool(v.authRequired) ?? true, authenticated: bool(v.authenticated) ?? false, user: str(v.user),
  });
}

function parseNode(v: unknown): TopologyNode | undefined {
  if (!isObject(v) || str(v.id) === undefined) return undefined;
  const id = str(v.id) ?? '';
  return defined({
    id, label: str(v.label) ?? id, kind: v.kind === 'device' ? 'device' as const : 'external' as const,
    ip: str(v.ip), country: str(v.country),
  });
}

function parseLink(v: unknown): TopologyLink | undefined {
  if (!isObject(v)) return undefined;
  const source = str(v.source);
  const target = str(v.target);
  if (source === undefined || target === undefined) return undefined;
  return defined({ source, target, bytes: num(v.bytes) ?? 0, flows: num(v.flows) ?? 0, protocol: str(v.protocol) });
}

export function parseTopology(v: unknown): Topology {
  if (!isObject(v)) return { nodes: [], links: [] };
  return { nodes: list(v.nodes, parseNode), links: list(v.links, parseLink) };
}

/** `{ key: [...] }` → the parsed items (the api wraps every list in an object). */
export function parseWrapped<T>(v: unknown, key: string, item: (x: unknown) => T | undefined): T[] {
  return isObject(v) ? list(v[key], item) : [];
}
