// The DNS sensor as a packet analyzer: DNS over UDP and TCP (RFC 7766) paired into netwatch.dns.v1 transactions.
import type { AnalyzerContext, DecodedPacket, PacketAnalyzer, PacketView } from '@netwatch/packet';
import { formatAddress, formatMac, IpProtocol } from '@netwatch/packet';
import { dnsErrorNames, parseDnsMessage } from '@netwatch/packet/dns/dns-message';
import { HomeNet } from '@netwatch/packet/home-net';
import { type TcpStream, TcpStreams } from '@netwatch/packet/reassembly/tcp-streams';
import { communityIdFromBytes, normalizeMac, topics } from '@netwatch/schemas';
import { type DnsConfig, dnsConfigFromProcess } from './dns-config.js';
import type { DnsEndpoint, DnsSighting, DnsTransport } from './dns-endpoints.js';
import { buildDnsEvent, type EventContext } from './dns-event.js';
import { registerDnsMetrics } from './dns-metrics.js';
import { type DnsStats, emptyDnsStats, type MalformedReason } from './dns-stats.js';
import { DnsTcpFramer } from './dns-tcp-framer.js';
import { DnsTransactions } from './dns-transactions.js';

export interface DnsAnalyzer extends PacketAnalyzer {
  readonly stats: DnsStats;
}

/** Per TCP connection: one framer per direction (index 0 client → server). */
interface TcpDnsState {
  readonly framers: [DnsTcpFramer, DnsTcpFramer];
}

/**
 * DNS transactions from every packet on the configured ports: UDP datagrams parsed directly,
 * TCP through the shared reassembler and RFC 7766 framing. Packets on other ports cost a port
 * lookup and nothing else; malformed messages are counted by reason and skipped.
 */
export function createDnsAnalyzer(ctx: AnalyzerContext, config?: DnsConfig): DnsAnalyzer {
  const settings = config ?? dnsConfigFromProcess(ctx.observer);
  const stats = emptyDnsStats();
  const isDnsPort = new Uint8Array(65_536);
  for (const port of settings.ports) isDnsPort[port] = 1;
  const eventContext: EventContext = { observer: settings.observer, interfaceNames: ctx.interfaceNames ?? [],
    homeNet: new HomeNet(settings.homeNet) };
  const transactions = new DnsTransactions(settings.timeoutSec, settings.maxPending, stats, (query, response) =>
    ctx.bus.publish(topics.dns, buildDnsEvent(query, response, eventContext)));
  if (ctx.metrics) registerDnsMetrics(ctx.metrics, () => stats);

  const malformed = (reason: MalformedReason) => {
    stats.malformed[reason]++;
  };

  /** Parses one message and pairs it; `sender`/`receiver` are the ends of this packet. */
  const onMessage = (data: Uint8Array, offset: number, length: number, view: PacketView, transport: DnsTransport,
    sender: DnsEndpoint, receiver: DnsEndpoint, ipVersion: 4 | 6, vlanId: number, communityId: string) => {
    const result = parseDnsMessage(data, offset, length);
    if (result.message === null) {
      malformed(dnsErrorNames[result.error] as MalformedReason);
      return;
    }
    const isQuery = !result.message.header.qr;
    const seen: DnsSighting = { tsSec: view.tsSec, tsNsec: view.tsNsec, transport, client: isQuery ? sender : receiver,
      server: isQuery ? receiver : sender, ipVersion, vlanId, interfaceIndex: view.interfaceIndex, communityId };
    transactions.onMessage(result.message, seen);
  };

  const endpoint = (data: Uint8Array, addrAt: number, version: number, port: number, macAt: number): DnsEndpoint => {
    const ip = formatAddress(data, addrAt, version);
    return macAt >= 0 ? { ip, port, mac: normalizeMac(formatMac(data, macAt)) } : { ip, port };
  };

  const onUdp = (view: PacketView, p: DecodedPacket) => {
    stats.udpMessages++;
    if (p.isFragment) {
      malformed('dns_ip_fragment');
      return;
    }
    if (p.payloadOffset < 0 || p.payloadLength < p.udpLength - 8) {
      malformed('dns_capture_truncated');
      return;
    }
    const data = view.data;
    const size = p.ipVersion === 4 ? 4 : 16;
    const version = p.ipVersion === 4 ? 4 : 6;
    const communityId = communityIdFromBytes(data.subarray(p.srcAddrOffset, p.srcAddrOffset + size),
      data.subarray(p.dstAddrOffset, p.dstAddrOffset + size), IpProtocol.UDP, p.srcPort, p.dstPort,
      settings.communityIdSeed);
    onMessage(data, p.payloadOffset, p.payloadLength, view, 'udp',
      endpoint(data, p.srcAddrOffset, version, p.srcPort, p.srcMacOffset),
      endpoint(data, p.dstAddrOffset, version, p.dstPort, p.dstMacOffset), version, p.vlanOuter, communityId);
  };

  const streams = new TcpStreams({
    onStart(stream) {
      stream.state = { framers: [new DnsTcpFramer(), new DnsTcpFramer()] } satisfies TcpDnsState;
      return true;
    },
    onData(stream, fromClient, data, offset, length, view) {
      const state = stream.state as TcpDnsState;
      const framer = state.framers[fromClient ? 0 : 1];
      const zeros = framer.zeroLengthMessages;
      framer.push(data, offset, length, (bytes, at, size) => {
        stats.tcpMessages++;
        onMessage(bytes, at, size, view, 'tcp', fromClient ? stream.client : stream.server,
          fromClient ? stream.server : stream.client, stream.ipVersion, stream.vlanId, stream.communityId);
      });
      for (let n = framer.zeroLengthMessages - zeros; n > 0; n--) malformed('dns_tcp_zero_length');
    },
    onGap(stream, fromClient) {
      malformed('dns_tcp_gap');
      (stream.state as TcpDnsState).framers[fromClient ? 0 : 1].reset();
      streams.ignore(stream, fromClient);
    },
    onEnd(stream: TcpStream) {
      const state = stream.state as TcpDnsState | undefined;
      if (state === undefined) return;
      for (const framer of state.framers) if (framer.midMessage) malformed('dns_tcp_truncated');
    },
  }, { maxStreams: settings.maxTcpStreams, communityIdSeed: settings.communityIdSeed });

  return {
    name: 'dns',
    stats,
    onPacket(view, packet, decodeError) {
      if (packet.srcPort < 0) return;
      if (isDnsPort[packet.srcPort] === 0 && isDnsPort[packet.dstPort] === 0) return;
      if (packet.protocol === IpProtocol.UDP) onUdp(view, packet);
      else if (packet.protocol === IpProtocol.TCP) streams.onPacket(view, packet, decodeError);
    },
    onTime(tsSec) {
      streams.advance(tsSec);
      transactions.expire(tsSec);
    },
    finish() {
      streams.finish();
      transactions.finish();
    },
  };
}
