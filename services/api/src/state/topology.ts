// The topology graph: the heaviest links, with addresses resolved to device ids (internal) or "ext-" nodes.
import type { Topology } from '../contract/shapes.js';
import type { DeviceStore } from './device-store.js';
import { type Link, mainProtocol } from './link-table.js';
import { deviceIdForIp } from './map-asset.js';

type Node = Topology['nodes'][number];
type TopologyLink = Topology['links'][number];

/**
 * Node ids are resolved now, not when flows arrived: a device learned later (by MAC, from an
 * asset event) gathers the links of its addresses. Two links landing on the same node pair
 * (two addresses of one device) are summed.
 */
export function buildTopology(links: readonly Link[], devices: DeviceStore): Topology {
  const nodes = new Map<string, Node>();
  const merged = new Map<string, TopologyLink & { perProtocol: Map<string, number> }>();
  const nodeFor = (ip: string, internal: boolean, name: string | undefined, country: string | undefined) => {
    if (internal) {
      const id = devices.idForIp(ip) ?? deviceIdForIp(ip);
      if (!nodes.has(id)) nodes.set(id, { id, label: devices.get(id)?.hostname ?? name ?? ip, kind: 'device', ip });
      return id;
    }
    const id = `ext-${ip}`;
    if (!nodes.has(id)) {
      const node: Node = { id, label: name ?? ip, kind: 'external', ip };
      if (country !== undefined) node.country = country;
      nodes.set(id, node);
    }
    return id;
  };
  for (const link of links) {
    const source = nodeFor(link.client, link.clientInternal, link.clientName, link.clientCountry);
    const target = nodeFor(link.server, link.serverInternal, link.serverName, link.serverCountry);
    const key = `${source} ${target}`;
    let out = merged.get(key);
    if (out === undefined) {
      out = { source, target, bytes: 0, flows: 0, perProtocol: new Map() };
      merged.set(key, out);
    }
    out.bytes += link.bytes;
    out.flows += link.flows;
    for (const [name, bytes] of link.protocols) out.perProtocol.set(name, (out.perProtocol.get(name) ?? 0) + bytes);
  }
  const outLinks: TopologyLink[] = [...merged.values()].map(({ perProtocol, ...rest }) => {
    const protocol = mainProtocol(perProtocol);
    return protocol === undefined ? rest : { ...rest, protocol };
  });
  outLinks.sort((a, b) => b.bytes - a.bytes);
  return { nodes: [...nodes.values()], links: outLinks };
}
