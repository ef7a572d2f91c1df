// The asset sensor as a packet analyzer: discovery protocols and SYN fingerprints into a device registry, events to netwatch.asset.v1.
import { loadConfig } from '@netwatch/kit/config';
import {
  type AnalyzerContext, type DecodedPacket, DecodeError, EtherType, formatAddress, IpProtocol, LinkType,
  type PacketAnalyzer, type PacketView, TcpFlag,
} from '@netwatch/packet';
import { HomeNet } from '@netwatch/packet/home-net';
import { topics } from '@netwatch/schemas';
import { z } from 'zod';
import { type AssetConfig, assetConfigFromEnv, assetEnvShape } from './asset-config.js';
import { buildAssetEvent } from './asset-event.js';
import { registerAssetMetrics } from './asset-metrics.js';
import { type AssetProtocol, type AssetStats, countMalformed, createAssetStats } from './asset-stats.js';
import { type DeviceEvent, DeviceRegistry } from './device-registry.js';
import type { Observation } from './observation.js';
import { dhcpObservations } from './observations/dhcp.js';
import { dhcpv6Observation } from './observations/dhcpv6.js';
import { cdpObservation, lldpObservation } from './observations/lldp-cdp.js';
import { mdnsObservation } from './observations/mdns.js';
import { nbnsObservation } from './observations/nbns.js';
import { p0fObservation } from './observations/p0f.js';
import type { PacketOrigin } from './observations/packet-origin.js';
import { ssdpObservation } from './observations/ssdp.js';
import { HandshakeFingerprints, loadSignatureFile, type SignatureDb } from './os/index.js';
import { ArpKind, createArpInfo, ipv4NumberText, macNumber, readArp } from './protocols/arp.js';
import { parseCdp } from './protocols/cdp.js';
import { parseDhcp } from './protocols/dhcp.js';
import { parseDhcpv6 } from './protocols/dhcpv6.js';
import { parseLldp } from './protocols/lldp.js';
import { parseMdns } from './protocols/mdns.js';
import { parseNbns } from './protocols/nbns.js';
import type { Parsed } from './protocols/parse-result.js';
import { parseSsdp } from './protocols/ssdp.js';

export interface AssetAnalyzer extends PacketAnalyzer {
  readonly registry: DeviceRegistry;
  readonly stats: AssetStats;
}

export interface AssetAnalyzerOptions {
  /** p0f signatures for OS fingerprints; null turns SYN fingerprinting off. Default: the bundled p0f.fp. */
  readonly signatures?: SignatureDb | null;
}

/** The asset settings from the environment (NETWATCH_ASSET_*, NETWATCH_HOME_NET); a bad value exits 2. */
export function assetConfigFromProcess(observer: string, env: NodeJS.ProcessEnv = process.env): AssetConfig {
  return assetConfigFromEnv(loadConfig(z.object(assetEnvShape), env), observer);
}

/** IEEE 802.1AB §7.1: LLDP's EtherType. */
const ETHERTYPE_LLDP = 0x88cc;
/** Cisco's multicast for CDP, VTP, DTP: 01:00:0c:cc:cc:cc. */
const CDP_DST_HI = 0x0100;
const CDP_DST_LO = 0x0ccccccc;
/** Largest 802.3 length field; bigger values are EtherTypes (IEEE 802.3 §3.2.6). */
const MAX_8023_LENGTH = 1500;

const Port = { DHCP_SERVER: 67, DHCP_CLIENT: 68, NBNS: 137, DHCPV6_CLIENT: 546, DHCPV6_SERVER: 547, SSDP: 1900,
  MDNS: 5353 } as const;

/** Offset of the frame's payload after the link header and VLAN tags, or -1 on links without one. */
function linkPayloadOffset(packet: DecodedPacket): number {
  if (packet.l2Offset < 0) return -1;
  if (packet.linktype === LinkType.ETHERNET) return packet.l2Offset + 14 + 4 * packet.vlanCount;
  if (packet.linktype === LinkType.LINUX_SLL) return packet.l2Offset + 16;
  if (packet.linktype === LinkType.LINUX_SLL2) return packet.l2Offset + 20;
  return -1;
}

/**
 * Passive device discovery: every ARP, DHCP, mDNS, LLDP, CDP, SSDP and NBNS message and every TCP
 * SYN/SYN+ACK feeds the registry, which publishes a device when first seen, when it learns
 * something new (at most once per `minEventIntervalSec`), and at once when its IP, hostname or OS
 * changes or two MACs claim one IPv4 address.
 */
export function createAssetAnalyzer(ctx: AnalyzerContext, config?: AssetConfig,
  options: AssetAnalyzerOptions = {}): AssetAnalyzer {
  const settings = config ?? assetConfigFromProcess(ctx.observer);
  const stats = createAssetStats();
  const homeNet = new HomeNet(settings.homeNet);
  const interfaceNames = ctx.interfaceNames ?? [];
  let interfaceIndex = 0;
  const publish = (event: DeviceEvent) => {
    stats.events[event.kind] = (stats.events[event.kind] ?? 0) + 1;
    ctx.bus.publish(topics.asset, buildAssetEvent(event, settings.observer, interfaceNames[interfaceIndex]));
  };
  const registry = new DeviceRegistry(settings, publish);
  if (ctx.metrics) registerAssetMetrics(ctx.metrics, stats, () => registry.stats);
  const signatures = options.signatures === undefined ? loadSignatureFile(settings.p0fDbPath) : options.signatures;
  const handshakes = signatures === null ? undefined : new HandshakeFingerprints(signatures);
  const arp = createArpInfo();
  let lastAdvanceSec = -1;

  const observe = (o: Observation | undefined, view: PacketView) => {
    if (o !== undefined) registry.observe(o, view.tsSec, view.tsNsec);
  };

  /** Counts a parse outcome; the message when it parsed. */
  function accept<T>(protocol: AssetProtocol, result: Parsed<T>): T | undefined {
    if (!result.ok) {
      countMalformed(stats, protocol, result.reason);
      return undefined;
    }
    stats.messages[protocol]++;
    return result.value;
  }

  /**
   * The sender of an IP packet. Its source MAC is the sender's own only on this segment: the frame
   * went to a multicast/broadcast MAC (routers do not forward those), or ARP/DHCP already bound this
   * IP to this MAC. Otherwise the MAC may be a router's, and the sender is known by IP only.
   */
  function origin(view: PacketView, packet: DecodedPacket): PacketOrigin {
    const ip = formatAddress(view.data, packet.srcAddrOffset, packet.ipVersion);
    if (packet.srcMacOffset < 0 || packet.tunnelDepth > 0) return { mac: undefined, ip, frameMac: undefined };
    const mac = macNumber(view.data, packet.srcMacOffset);
    const groupAddressed = packet.dstMacOffset >= 0 && ((view.data[packet.dstMacOffset] as number) & 1) === 1;
    if (groupAddressed || registry.ownerOf(ip)?.mac === mac) return { mac, ip, frameMac: mac };
    return { mac: undefined, ip, frameMac: mac };
  }

  /** An observation of a device known only by IP is kept only inside HOME_NET. */
  function local(o: Observation | undefined): Observation | undefined {
    if (o === undefined || o.mac !== undefined) return o;
    const ip = o.ips?.[0];
    return ip !== undefined && homeNet.containsText(ip) ? o : undefined;
  }

  function onArp(view: PacketView, packet: DecodedPacket): void {
    const problem = readArp(view.data, packet, arp);
    if (problem !== '') {
      countMalformed(stats, 'arp', problem);
      return;
    }
    stats.messages.arp++;
    // A probe (RFC 5227 §2.1.1) claims nothing yet: only the MAC is learned.
    if (arp.kind !== ArpKind.PROBE && registry.touchArp(arp.senderMac, arp.senderIp, view.tsSec, view.tsNsec)) return;
    const ips = arp.kind === ArpKind.PROBE ? [] : [ipv4NumberText(arp.senderIp)];
    const device = registry.observe({ source: 'arp', mac: arp.senderMac, ips }, view.tsSec, view.tsNsec);
    if (device !== undefined && arp.kind !== ArpKind.PROBE) device.arpIp = arp.senderIp;
  }

  function onUdp(view: PacketView, packet: DecodedPacket): void {
    const { data } = view;
    const sport = packet.srcPort;
    const dport = packet.dstPort;
    const at = packet.payloadOffset;
    const length = packet.payloadLength;
    if ((sport === Port.DHCP_CLIENT && dport === Port.DHCP_SERVER) || (sport === Port.DHCP_SERVER &&
      (dport === Port.DHCP_CLIENT || dport === Port.DHCP_SERVER))) {
      const message = accept('dhcp', parseDhcp(data, at, length));
      if (message !== undefined) for (const o of dhcpObservations(message, origin(view, packet))) observe(o, view);
    } else if (dport === Port.DHCPV6_SERVER || dport === Port.DHCPV6_CLIENT) {
      const message = accept('dhcpv6', parseDhcpv6(data, at, length));
      if (message === undefined) return;
      const reply = dport === Port.DHCPV6_CLIENT;
      const macAt = packet.tunnelDepth > 0 ? -1 : reply ? packet.dstMacOffset : packet.srcMacOffset;
      observe(dhcpv6Observation(message, macAt < 0 ? undefined : macNumber(data, macAt)), view);
    } else if (sport === Port.MDNS || dport === Port.MDNS) {
      const message = accept('mdns', parseMdns(data, at, length));
      if (message?.isResponse === true) observe(local(mdnsObservation(message, origin(view, packet))), view);
    } else if (sport === Port.SSDP || dport === Port.SSDP) {
      const message = accept('ssdp', parseSsdp(data, at, length));
      if (message !== undefined) observe(local(ssdpObservation(message, origin(view, packet))), view);
    } else if (sport === Port.NBNS || dport === Port.NBNS) {
      const message = accept('nbns', parseNbns(data, at, length));
      if (message !== undefined) observe(local(nbnsObservation(message, origin(view, packet))), view);
    }
  }

  function onLink(view: PacketView, packet: DecodedPacket): void {
    const { data } = view;
    const start = linkPayloadOffset(packet);
    if (start < 0 || packet.srcMacOffset < 0) return;
    const capEnd = view.offset + view.caplen;
    if (packet.etherType === ETHERTYPE_LLDP) {
      const message = accept('lldp', parseLldp(data, start, capEnd - start));
      if (message !== undefined) observe(lldpObservation(message, macNumber(data, packet.srcMacOffset)), view);
      return;
    }
    const dst = packet.dstMacOffset;
    if (packet.linktype !== LinkType.ETHERNET || packet.etherType > MAX_8023_LENGTH || dst < 0 ||
      ((data[dst] as number) << 8 | (data[dst + 1] as number)) !== CDP_DST_HI ||
      ((data[dst + 2] as number) << 24 | (data[dst + 3] as number) << 16 | (data[dst + 4] as number) << 8 |
        (data[dst + 5] as number)) !== CDP_DST_LO) return;
    // The 802.3 length field counts the LLC payload; anything after it is padding.
    const length = Math.min(packet.etherType, capEnd - start);
    const message = accept('cdp', parseCdp(data, start, length));
    if (message !== undefined) observe(cdpObservation(message, macNumber(data, packet.srcMacOffset)), view);
  }

  function onSyn(view: PacketView, packet: DecodedPacket): void {
    const result = handshakes?.onPacket(view, packet);
    if (result === undefined) return;
    stats.messages.p0f++;
    observe(local(p0fObservation(result.verdict, origin(view, packet))), view);
  }

  return {
    name: 'assets',
    registry,
    stats,
    onPacket: (view, packet, error) => {
      interfaceIndex = view.interfaceIndex;
      if (packet.isArp) {
        if (error === DecodeError.None) onArp(view, packet);
        else countMalformed(stats, 'arp', 'truncated');
      } else if (packet.protocol === IpProtocol.UDP) {
        if (packet.payloadOffset >= 0 && !packet.isFragment) onUdp(view, packet);
      } else if (packet.protocol === IpProtocol.TCP) {
        if ((packet.tcpFlags & TcpFlag.SYN) !== 0 && error === DecodeError.None) onSyn(view, packet);
      } else if (error === DecodeError.UnsupportedEthertype && packet.etherType !== EtherType.IPV4) {
        onLink(view, packet);
      }
    },
    onTime: (tsSec) => {
      // Pending devices are looked at once per second of capture time, not per call.
      if (tsSec === lastAdvanceSec) return;
      lastAdvanceSec = tsSec;
      registry.advance(tsSec);
    },
    finish: () => registry.finish(),
  };
}
