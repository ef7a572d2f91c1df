// The bidirectional flow table: one lookup per packet, counters in columns, timeouts, eviction and export.
import { randomBytes } from 'node:crypto';
import { type DecodedPacket, IpProtocol, type PacketView, TcpFlag } from '@netwatch/packet';
import type { FlowEvent } from '@netwatch/schemas';
import type { FlowConfig } from './flow-config.js';
import { buildFlowEvent, type ExportContext, type ExportReason } from './flow-export.js';
import { FlowKeyScratch, hashKey, KEY_ADDR_A, KEY_ADDR_B, KEY_PORTS } from './flow-key.js';
import { F32, F64, S16, S32, S64, S8, U16, U32, U8 } from './flow-record.js';
import { FlowStore, List } from './flow-store.js';
import { HomeNet } from '@netwatch/packet/home-net';
import { tcpServiceByPort, udpServiceByPort } from './l7-ports.js';
import { signatureOf } from './l7-signatures.js';
import { trackTcp } from './tcp-tracker.js';

/** Payload packets of a flow that signatures look at before settling for the port's guess. */
const MAX_SIGNATURE_TRIES = 4;
/** Datagrams whose first fragment's ports are remembered for the later fragments (direct-mapped). */
const FRAGMENT_SLOTS = 4096;
/** ICMP reply types (RFC 792, RFC 4443): seen first, the sender is the server. */
const icmpReplyTypes = new Set([0, 14, 16, 18, 129]);

/** A port below 1024 (RFC 6335 §6 system ports) or one the service table knows. */
function isServicePort(table: Uint8Array, port: number): boolean {
  return port < 1024 || table[port] !== 0;
}

/** Counters since the table was made; read them with `stats`. */
export interface FlowTableStats {
  packets: number;
  bytes: number;
  /** Packets with no IP layer (ARP, LLDP…) or too damaged to name a flow. */
  notIp: number;
  malformed: number;
  tcpPackets: number;
  udpPackets: number;
  icmpPackets: number;
  otherIpPackets: number;
  flowsCreated: number;
  /** Flows pushed out by a new one while the table was full. */
  evicted: number;
  exported: Record<ExportReason, number>;
  /** Later fragments whose first fragment was not seen (counted on a portless flow). */
  orphanFragments: number;
  activeFlows: number;
  allocatedBytes: number;
}

export type FlowSink = (flow: FlowEvent) => void;

/**
 * Tracks flows over decoded packets. `onPacket` allocates nothing (except when a flow is
 * exported); call `advance` as time moves on (capture time, or wall time when idle) and
 * `finish` at the end of input.
 */
export class FlowTable {
  private readonly store: FlowStore;
  private readonly key = new FlowKeyScratch();
  private readonly homeNet: HomeNet;
  private readonly idleNs: number;
  private readonly activeNs: number;
  private readonly closedNs: number;
  private readonly exportContext: { -readonly [K in keyof ExportContext]: ExportContext[K] };
  private baseSec = -1;
  private clockNs = 0;
  private serial = 0;
  private readonly fragmentTag = new Uint32Array(FRAGMENT_SLOTS);
  private readonly fragmentPorts = new Uint32Array(FRAGMENT_SLOTS);
  private readonly fragmentFromB = new Uint8Array(FRAGMENT_SLOTS);
  private readonly counters = {
    packets: 0,
    bytes: 0,
    notIp: 0,
    malformed: 0,
    tcpPackets: 0,
    udpPackets: 0,
    icmpPackets: 0,
    otherIpPackets: 0,
    flowsCreated: 0,
    evicted: 0,
    orphanFragments: 0,
  };

  private readonly exported: Record<ExportReason, number> = { active_timeout: 0, idle_timeout: 0, end: 0, evicted: 0 };

  constructor(
    config: FlowConfig,
    private readonly sink: FlowSink,
    interfaceNames: readonly string[] = [],
  ) {
    this.store = new FlowStore(config.maxFlows);
    this.homeNet = new HomeNet(config.homeNet);
    this.idleNs = config.idleTimeoutSec * 1e9;
    this.activeNs = config.activeTimeoutSec * 1e9;
    this.closedNs = config.closedTimeoutSec * 1e9;
    this.exportContext = {
      observer: config.observer,
      baseSec: 0,
      communityIdSeed: config.communityIdSeed,
      // Flow ids are unique across restarts and sensors: a random prefix per table, then a serial.
      serialPrefix: `${randomBytes(4).toString('hex')}-`,
      interfaceNames,
    };
  }

  /** The second of the first packet (the table's time base), or -1 before any. */
  get startSec(): number {
    return this.baseSec;
  }

  get stats(): FlowTableStats {
    return {
      ...this.counters,
      exported: { ...this.exported },
      activeFlows: this.store.size,
      allocatedBytes: this.store.allocatedBytes,
    };
  }

  /** Accounts one packet; `decodeError` is the decoder's result (fields before the error are valid). */
  onPacket(view: PacketView, p: DecodedPacket, decodeError: number): void {
    const c = this.counters;
    c.packets++;
    c.bytes += view.origlen;
    if (p.ipVersion === 0 || p.srcAddrOffset < 0 || p.dstAddrOffset < 0) {
      c.notIp++;
      return;
    }
    const proto = p.protocol;
    const isTcp = proto === IpProtocol.TCP;
    const isUdp = proto === IpProtocol.UDP;
    // A damaged TCP/UDP header names no ports: counting it under a port-0 flow would invent one.
    if (decodeError !== 0 && (isTcp || isUdp) && p.srcPort < 0 && !p.isFragment) {
      c.malformed++;
      return;
    }
    if (isTcp) c.tcpPackets++;
    else if (isUdp) c.udpPackets++;
    else if (proto === IpProtocol.ICMP || proto === IpProtocol.ICMPV6) c.icmpPackets++;
    else c.otherIpPackets++;

    if (this.baseSec < 0) {
      this.baseSec = view.tsSec;
      this.exportContext.baseSec = view.tsSec;
    }
    const now = (view.tsSec - this.baseSec) * 1e9 + view.tsNsec;
    if (now > this.clockNs) this.clockNs = now;
    const key = this.key;
    const data = view.data;
    key.extract(data, p);
    if (p.isFragment) this.fragmentPortsFor(p);

    const store = this.store;
    let flow = store.find(key.words, key.hash);
    if (flow >= 0 && this.startsNewFlow(flow, p, now)) flow = -1;
    if (flow < 0) flow = this.create(view, p, now);
    if (p.isFragment && p.fragmentOffset === 0) this.rememberFragment(p);

    const { u8, u32, f64 } = store;
    const b8 = flow * S8;
    const b32 = flow * S32;
    const b64 = flow * S64;
    const dir = key.fromB === (u8[b8 + U8.CLIENT_IS_A] === 1) ? 1 : 0;
    u32[b32 + U32.PACKETS + dir] = (u32[b32 + U32.PACKETS + dir] as number) + 1;
    f64[b64 + F64.BYTES + dir] = (f64[b64 + F64.BYTES + dir] as number) + view.origlen;
    if (p.ttl < (u8[b8 + U8.MIN_TTL] as number)) u8[b8 + U8.MIN_TTL] = p.ttl;
    const macBit = 1 << dir;
    if (((u8[b8 + U8.MAC_SEEN] as number) & macBit) === 0 && p.srcMacOffset >= 0 && p.tunnelDepth === 0) {
      u8.set(data.subarray(p.srcMacOffset, p.srcMacOffset + 6), b8 + U8.MACS + 6 * dir);
      u8[b8 + U8.MAC_SEEN] = (u8[b8 + U8.MAC_SEEN] as number) | macBit;
    }
    if (isTcp && p.l4Offset >= 0 && p.srcPort >= 0 && trackTcp(store, flow, dir, p, now) &&
      u8[b8 + U8.LIST] === List.OPEN) {
      store.append(flow, List.CLOSED);
    }
    if (dir === 0) this.updateJitter(flow, now);
    f64[b64 + F64.LAST_DIR + dir] = now;
    if (now > (f64[b64 + F64.LAST] as number)) f64[b64 + F64.LAST] = now;
    if (p.payloadLength > 0 && u8[b8 + U8.L7_SOURCE] !== 2 && (u8[b8 + U8.L7_TRIES] as number) < MAX_SIGNATURE_TRIES &&
      p.srcPort >= 0) {
      u8[b8 + U8.L7_TRIES] = (u8[b8 + U8.L7_TRIES] as number) + 1;
      const id = signatureOf(data, p.payloadOffset, p.payloadLength, isTcp, dir === 0);
      if (id !== 0) {
        u8[b8 + U8.L7] = id;
        u8[b8 + U8.L7_SOURCE] = 2;
      }
    }
  }

  /**
   * Whether a packet that matches an existing flow's key opens a new flow instead: the flow
   * was idle past the timeout (however late the idle scan is), or it closed and this is a new
   * SYN or comes after the closed timeout (port reuse, RFC 9293 §3.6.1). The old one is exported.
   */
  private startsNewFlow(flow: number, p: DecodedPacket, now: number): boolean {
    const store = this.store;
    const last = store.f64[flow * S64 + F64.LAST] as number;
    if (now - last >= this.idleNs) {
      this.expire(flow, 'idle_timeout');
      return true;
    }
    if (store.u8[flow * S8 + U8.LIST] !== List.CLOSED) return false;
    const newSyn = (p.tcpFlags & (TcpFlag.SYN | TcpFlag.ACK)) === TcpFlag.SYN && p.protocol === IpProtocol.TCP;
    if (newSyn || now - last >= this.closedNs) {
      this.expire(flow, 'end');
      return true;
    }
    return false;
  }

  /**
   * Exports what has timed out by `tsSec` (capture time; pass wall time when the link is quiet).
   * The clock never goes back: an older time only re-checks.
   */
  advance(tsSec: number): void {
    if (this.baseSec < 0) return;
    const asked = (tsSec - this.baseSec) * 1e9;
    if (asked > this.clockNs) this.clockNs = asked;
    const now = this.clockNs;
    const store = this.store;
    // The open list is a lazy queue: packets do not reorder it (that would touch two other
    // records per packet). A flow whose queue time is a timeout old is looked at: expired if its
    // last packet is, else re-queued at its last packet's time. Packets decide flow boundaries
    // exactly (startsNewFlow); this scan only decides how soon an idle flow's record goes out.
    for (let f = store.heads[List.OPEN] as number; f >= 0; f = store.heads[List.OPEN] as number) {
      const b64 = f * S64;
      if ((store.f64[b64 + F64.QUEUED] as number) + this.idleNs > now) break;
      if ((store.f64[b64 + F64.LAST] as number) + this.idleNs <= now) this.expire(f, 'idle_timeout');
      else {
        store.f64[b64 + F64.QUEUED] = store.f64[b64 + F64.LAST] as number;
        store.append(f, List.OPEN);
      }
    }
    for (let f = store.heads[List.CLOSED] as number; f >= 0; f = store.heads[List.CLOSED] as number) {
      if ((store.f64[f * S64 + F64.LAST] as number) + this.closedNs > now) break;
      this.expire(f, 'end');
    }
    for (let f = store.exportHead; f >= 0; f = store.exportHead) {
      if ((store.f64[f * S64 + F64.LAST_EXPORT] as number) + this.activeNs > now) break;
      this.exported.active_timeout++;
      this.sink(buildFlowEvent(store, f, 'active_timeout', this.exportContext));
      store.f64[f * S64 + F64.LAST_EXPORT] = now;
      store.queueExport(f);
    }
  }

  /** End of input: every open flow gets its final record. */
  finish(): void {
    const store = this.store;
    for (let f = store.heads[List.CLOSED] as number; f >= 0; f = store.heads[List.CLOSED] as number) {
      this.expire(f, 'end');
    }
    for (let f = store.heads[List.OPEN] as number; f >= 0; f = store.heads[List.OPEN] as number) this.expire(f, 'end');
  }

  private expire(flow: number, reason: ExportReason): void {
    this.exported[reason]++;
    this.sink(buildFlowEvent(this.store, flow, reason, this.exportContext));
    this.store.remove(flow);
  }

  private create(view: PacketView, p: DecodedPacket, now: number): number {
    const store = this.store;
    if (store.full) {
      // Make room: a closed flow that is only waiting for stragglers, else the open flow at the
      // head of the idle queue (the least recently active, give or take the lazy re-queueing).
      const closed = store.heads[List.CLOSED] as number;
      this.counters.evicted++;
      this.expire(closed >= 0 ? closed : store.heads[List.OPEN] as number, 'evicted');
    }
    const key = this.key;
    const flow = store.insert(key.words, key.hash);
    const { u8, u16, f64 } = store;
    const b8 = flow * S8;
    const b64 = flow * S64;
    this.counters.flowsCreated++;
    f64[b64 + F64.SERIAL] = ++this.serial;
    f64[b64 + F64.FIRST] = now;
    f64[b64 + F64.LAST] = now;
    f64[b64 + F64.QUEUED] = now;
    f64[b64 + F64.LAST_EXPORT] = now;
    u8[b8 + U8.INTERFACE] = view.interfaceIndex;
    u8[b8 + U8.MIN_TTL] = 255;
    store.append(flow, List.OPEN);
    store.queueExport(flow);
    // The first packet's sender is the client unless it looks like the server's half.
    const clientIsA = key.fromB === this.firstSenderIsServer(p);
    u8[b8 + U8.CLIENT_IS_A] = clientIsA ? 1 : 0;
    const w = key.words;
    const v4 = p.ipVersion === 4;
    const homeA = v4 ? this.homeNet.containsV4(w[KEY_ADDR_A] as number) : this.homeNet.containsV6(w, KEY_ADDR_A);
    const homeB = v4 ? this.homeNet.containsV4(w[KEY_ADDR_B] as number) : this.homeNet.containsV6(w, KEY_ADDR_B);
    const homeClient = clientIsA ? homeA : homeB;
    const homeServer = clientIsA ? homeB : homeA;
    u8[b8 + U8.HOME] = (homeClient ? 1 : 0) | (homeServer ? 2 : 0);
    if (p.icmpType >= 0) u16[flow * S16 + U16.ICMP] = (p.icmpType << 8) | (p.icmpCode & 0xff);
    const ports = w[KEY_PORTS] as number;
    const serverPort = clientIsA ? ports & 0xffff : ports >>> 16;
    const clientPort = clientIsA ? ports >>> 16 : ports & 0xffff;
    const byPort = p.protocol === IpProtocol.TCP ? tcpServiceByPort : p.protocol === IpProtocol.UDP
      ? udpServiceByPort : null;
    if (byPort !== null) {
      const id = (byPort[serverPort] as number) || (byPort[clientPort] as number);
      if (id !== 0) {
        u8[b8 + U8.L7] = id;
        u8[b8 + U8.L7_SOURCE] = 1;
      }
    }
    return flow;
  }

  /**
   * Whether the first packet of a flow was sent by its server: a SYN-ACK, an ICMP reply, or
   * (picked up mid-stream) a packet from a well-known service port to a port that is not one.
   */
  private firstSenderIsServer(p: DecodedPacket): boolean {
    if (p.protocol === IpProtocol.TCP) {
      const syn = (p.tcpFlags & TcpFlag.SYN) !== 0;
      if (syn) return (p.tcpFlags & TcpFlag.ACK) !== 0;
    }
    if (p.icmpType >= 0) return icmpReplyTypes.has(p.icmpType);
    if (p.srcPort < 0 || p.dstPort < 0) return false;
    const table = p.protocol === IpProtocol.TCP ? tcpServiceByPort : udpServiceByPort;
    return isServicePort(table, p.srcPort) && !isServicePort(table, p.dstPort);
  }

  /** RFC 3550 §6.4.1: J += (|D| − J) / 16, D the change in the client's inter-arrival time. */
  private updateJitter(flow: number, now: number): void {
    const { u32, f32, f64 } = this.store;
    const packets = u32[flow * S32 + U32.PACKETS] as number;
    if (packets < 2) return;
    const b32 = flow * S32;
    const iat = now - (f64[flow * S64 + F64.LAST_DIR] as number);
    if (packets >= 3) {
      const jitter = f32[b32 + F32.JITTER] as number;
      f32[b32 + F32.JITTER] = jitter + (Math.abs(iat - (f32[b32 + F32.LAST_IAT] as number)) - jitter) / 16;
    }
    f32[b32 + F32.LAST_IAT] = iat;
  }

  /** Tag of a fragmented datagram: addresses, protocol and IP id (RFC 791 §3.2 / RFC 8200 §4.5); never 0. */
  private fragmentTagOf(ipId: number): number {
    const w = this.key.words;
    const ports = w[KEY_PORTS] as number;
    w[KEY_PORTS] = ipId >>> 0;
    const tag = (hashKey(w, 0) | 1) >>> 0;
    w[KEY_PORTS] = ports;
    return tag;
  }

  private rememberFragment(p: DecodedPacket): void {
    // ICMP has no ports, but its type and code stand in for them in the key.
    if (p.srcPort < 0 && p.icmpType < 0) return;
    const tag = this.fragmentTagOf(p.ipId);
    const slot = tag & (FRAGMENT_SLOTS - 1);
    this.fragmentTag[slot] = tag;
    this.fragmentPorts[slot] = this.key.words[KEY_PORTS] as number;
    this.fragmentFromB[slot] = this.key.fromB ? 1 : 0;
  }

  /** A later fragment carries no ports: take them from its first fragment when it was seen. */
  private fragmentPortsFor(p: DecodedPacket): void {
    if (p.fragmentOffset === 0) return;
    const tag = this.fragmentTagOf(p.ipId);
    const slot = tag & (FRAGMENT_SLOTS - 1);
    if (this.fragmentTag[slot] !== tag) {
      this.counters.orphanFragments++;
      return;
    }
    this.key.fromB = this.fragmentFromB[slot] === 1;
    this.key.setPorts(this.fragmentPorts[slot] as number);
  }
}
