// TCP reassembly for L7 sensors: each connection's payload handed over in order per direction, in bounded memory.
import { communityIdFromBytes, normalizeMac } from '@netwatch/schemas';
import { formatAddress, formatMac } from '../decode/address.js';
import { type DecodedPacket, IpProtocol, TcpFlag } from '../decode/decoded-packet.js';
import type { PacketView } from '../packet-view.js';
import { type HeldSegment, StreamDirection, type StreamEndpoint, TcpStream, type TcpStreamEndReason } from './tcp-stream.js';

export { type StreamEndpoint, TcpStream, type TcpStreamEndReason } from './tcp-stream.js';

/** What an L7 analyzer implements to receive connections. */
export interface TcpStreamHandler {
  /** A connection was first seen (its SYN, SYN-ACK or, mid-stream, its first data). false: ignore it for good. */
  onStart?(stream: TcpStream, view: PacketView, packet: DecodedPacket): boolean;
  /**
   * In-order payload of one direction: `data[offset, offset + length)`, valid only during the call
   * (it is the capture buffer, or a held segment). Each byte is delivered once.
   */
  onData(stream: TcpStream, fromClient: boolean, data: Uint8Array, offset: number, length: number,
    view: PacketView): void;
  /** `missing` bytes of one direction will never be delivered (lost in capture, or over the hold limit). */
  onGap?(stream: TcpStream, fromClient: boolean, missing: number): void;
  /** The connection is no longer tracked; nothing more is delivered for it. */
  onEnd?(stream: TcpStream, reason: TcpStreamEndReason): void;
}

export interface TcpStreamsOptions {
  /** Connections tracked at once; a new one beyond this ends the least recently seen (`evicted`). */
  readonly maxStreams: number;
  /** A connection with no packet for this long ends (`idle`). */
  readonly idleTimeoutSec: number;
  /** Out-of-order bytes held per direction; beyond it the hole is declared a gap. */
  readonly maxHeldBytes: number;
  readonly communityIdSeed: number;
}

export const defaultTcpStreamsOptions: TcpStreamsOptions = {
  maxStreams: 65_536,
  idleTimeoutSec: 120,
  maxHeldBytes: 256 * 1024,
  communityIdSeed: 0,
};

export interface TcpStreamsStats {
  /** Connections tracked now. */
  active: number;
  started: number;
  ended: Record<TcpStreamEndReason, number>;
  deliveredBytes: number;
  /** Segments that arrived ahead of a hole and were held. */
  heldSegments: number;
  /** Segments or parts of segments already delivered (retransmissions). */
  duplicateSegments: number;
  gaps: number;
  gapBytes: number;
}

const KEY_BYTES = 32;

/** 32-bit sequence-space difference a - b (RFC 9293 §3.4: comparisons are modulo 2^32). */
function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** The lowest sequence number among the held segments and `seq`. */
function earliestHeld(dir: StreamDirection, seq: number): number {
  let first = seq;
  for (const h of dir.held) if (seqDiff(h.seq, first) < 0) first = h.seq;
  return first;
}

/**
 * Tracks TCP connections and hands each direction's payload to the handler in sequence order.
 * Retransmitted bytes are delivered once; a segment ahead of a hole is held (copied) until the
 * hole fills, up to `maxHeldBytes` per direction, then the hole is reported as a gap and delivery
 * goes on after it. The client is the SYN's sender; a connection picked up mid-stream takes the
 * end with the lower port as the server (well-known and registered ports are below the ephemeral
 * range, RFC 6335 §6). Per packet it allocates nothing unless it starts a connection or holds a segment.
 */
export class TcpStreams {
  readonly stats: TcpStreamsStats = {
    active: 0, started: 0, ended: { closed: 0, reset: 0, idle: 0, evicted: 0, finish: 0 },
    deliveredBytes: 0, heldSegments: 0, duplicateSegments: 0, gaps: 0, gapBytes: 0,
  };

  private readonly options: TcpStreamsOptions;
  private readonly buckets = new Map<number, TcpStream>();
  private oldest: TcpStream | null = null;
  private newest: TcpStream | null = null;
  private nextId = 1;

  constructor(private readonly handler: TcpStreamHandler, options: Partial<TcpStreamsOptions> = {}) {
    this.options = { ...defaultTcpStreamsOptions, ...options };
  }

  /** Feeds one decoded packet; anything but a complete TCP header is ignored. */
  onPacket(view: PacketView, p: DecodedPacket, decodeError: number): void {
    if (p.protocol !== IpProtocol.TCP || p.l4Offset < 0 || p.tcpHeaderLength === 0) return;
    if (decodeError !== 0 && p.payloadOffset < 0) return;
    const data = view.data;
    const version = p.ipVersion;
    const hash = this.hashOf(data, p);
    let stream = this.buckets.get(hash) ?? null;
    let fromClient = false;
    for (; stream !== null; stream = stream.chain) {
      const match = this.matches(stream, data, p, version);
      if (match !== 0) {
        fromClient = match === 1;
        break;
      }
    }
    const now = view.tsSec + view.tsNsec / 1e9;
    if (stream === null) {
      stream = this.start(view, p, hash);
      if (stream === null) return;
      fromClient = stream.clientPort === p.srcPort && this.sameAddress(stream.key, 0, data, p.srcAddrOffset, version);
    } else {
      stream.lastSeen = now;
      this.touch(stream);
    }
    this.onSegment(stream, fromClient, view, p);
  }

  /** Ends connections idle since before `tsSec - idleTimeout` (capture time). */
  advance(tsSec: number): void {
    const limit = tsSec - this.options.idleTimeoutSec;
    while (this.oldest !== null && this.oldest.lastSeen <= limit) this.end(this.oldest, 'idle');
  }

  /** End of input: every connection still tracked ends with `finish` (held bytes become gaps). */
  finish(): void {
    while (this.oldest !== null) this.end(this.oldest, 'finish');
  }

  /** Stops delivering one direction (`fromClient` given) or both; held bytes are dropped. */
  ignore(stream: TcpStream, fromClient?: boolean): void {
    for (const d of [0, 1] as const) {
      if (fromClient !== undefined && (d === 0) !== fromClient) continue;
      const dir = stream.directions[d];
      dir.ignored = true;
      dir.held = [];
      dir.heldBytes = 0;
    }
  }

  private onSegment(stream: TcpStream, fromClient: boolean, view: PacketView, p: DecodedPacket): void {
    const dir = stream.directions[fromClient ? 0 : 1];
    const flags = p.tcpFlags;
    if ((flags & TcpFlag.RST) !== 0) {
      this.end(stream, 'reset');
      return;
    }
    // The SYN occupies one sequence number: data starts after it (RFC 9293 §3.4), also with TFO data.
    let seq = p.seq;
    if ((flags & TcpFlag.SYN) !== 0) {
      seq = (seq + 1) >>> 0;
      if (Number.isNaN(dir.next)) dir.next = seq;
    }
    const length = p.payloadOffset < 0 ? 0 : p.payloadLength;
    if (length > 0 && !dir.ignored) {
      if (Number.isNaN(dir.next)) dir.next = seq;
      this.accept(stream, fromClient, dir, view, view.data, p.payloadOffset, length, seq, true);
    }
    if ((flags & TcpFlag.FIN) !== 0) dir.finished = true;
    if (stream.directions[0].finished && stream.directions[1].finished && !stream.ended) this.end(stream, 'closed');
  }

  /** Delivers what is next in sequence, holds what is ahead, drops what was delivered already. */
  private accept(stream: TcpStream, fromClient: boolean, dir: StreamDirection, view: PacketView, data: Uint8Array,
    offset: number, length: number, seq: number, fromWire: boolean): void {
    const ahead = seqDiff(seq, dir.next);
    if (ahead > 0) {
      if (!fromWire) return;
      if (dir.heldBytes + length > this.options.maxHeldBytes) {
        // No room to wait for the hole: declare it lost and go on from what is held or this segment.
        const first = earliestHeld(dir, seq);
        this.gap(stream, fromClient, dir, seqDiff(first, dir.next));
        dir.next = first;
        this.drainHeld(stream, fromClient, dir, view);
        if (seqDiff(seq, dir.next) > 0) {
          this.gap(stream, fromClient, dir, seqDiff(seq, dir.next));
          dir.next = seq;
        }
        this.accept(stream, fromClient, dir, view, data, offset, length, seq, true);
        return;
      }
      dir.held.push({ seq, bytes: data.slice(offset, offset + length) });
      dir.heldBytes += length;
      this.stats.heldSegments++;
      return;
    }
    const skip = -ahead;
    if (skip >= length) {
      this.stats.duplicateSegments++;
      return;
    }
    if (skip > 0) this.stats.duplicateSegments++;
    const count = length - skip;
    dir.next = (dir.next + count) >>> 0;
    dir.delivered += count;
    this.stats.deliveredBytes += count;
    this.handler.onData(stream, fromClient, data, offset + skip, count, view);
    if (dir.held.length > 0 && !dir.ignored && !stream.ended) this.drainHeld(stream, fromClient, dir, view);
  }

  /** Delivers held segments that the cursor has reached, in sequence order. */
  private drainHeld(stream: TcpStream, fromClient: boolean, dir: StreamDirection, view: PacketView): void {
    for (;;) {
      let found = -1;
      for (let i = 0; i < dir.held.length; i++) {
        if (seqDiff((dir.held[i] as { seq: number }).seq, dir.next) <= 0) {
          found = i;
          break;
        }
      }
      if (found < 0 || dir.ignored || stream.ended) return;
      const [segment] = dir.held.splice(found, 1);
      if (segment === undefined) return;
      dir.heldBytes -= segment.bytes.length;
      this.accept(stream, fromClient, dir, view, segment.bytes, 0, segment.bytes.length, segment.seq, false);
    }
  }

  private gap(stream: TcpStream, fromClient: boolean, dir: StreamDirection, missing: number): void {
    if (missing <= 0) return;
    this.stats.gaps++;
    this.stats.gapBytes += missing;
    if (!dir.ignored) this.handler.onGap?.(stream, fromClient, missing);
  }

  private start(view: PacketView, p: DecodedPacket, hash: number): TcpStream | null {
    const flags = p.tcpFlags;
    const syn = (flags & TcpFlag.SYN) !== 0;
    const ack = (flags & TcpFlag.ACK) !== 0;
    if ((flags & TcpFlag.RST) !== 0) return null;
    // Pure ACKs and FINs of a connection we never saw carry nothing to reassemble.
    if (!syn && (p.payloadOffset < 0 || p.payloadLength === 0)) return null;
    let sourceIsClient: boolean;
    if (syn) sourceIsClient = !ack;
    else if (p.srcPort !== p.dstPort) sourceIsClient = p.srcPort > p.dstPort;
    else sourceIsClient = true;
    if (this.stats.active >= this.options.maxStreams && this.oldest !== null) this.end(this.oldest, 'evicted');

    const data = view.data;
    const version = p.ipVersion === 6 ? 6 : 4;
    const size = version === 4 ? 4 : 16;
    const clientAt = sourceIsClient ? p.srcAddrOffset : p.dstAddrOffset;
    const serverAt = sourceIsClient ? p.dstAddrOffset : p.srcAddrOffset;
    const clientMacAt = sourceIsClient ? p.srcMacOffset : p.dstMacOffset;
    const serverMacAt = sourceIsClient ? p.dstMacOffset : p.srcMacOffset;
    const clientPort = sourceIsClient ? p.srcPort : p.dstPort;
    const serverPort = sourceIsClient ? p.dstPort : p.srcPort;
    const key = new Uint8Array(KEY_BYTES);
    key.set(data.subarray(clientAt, clientAt + size), 0);
    key.set(data.subarray(serverAt, serverAt + size), 16);
    const endpoint = (at: number, port: number, macAt: number): StreamEndpoint => {
      const ip = formatAddress(data, at, version);
      return macAt >= 0 ? { ip, port, mac: normalizeMac(formatMac(data, macAt)) } : { ip, port };
    };
    const stream = new TcpStream(this.nextId++, endpoint(clientAt, clientPort, clientMacAt),
      endpoint(serverAt, serverPort, serverMacAt), version, p.vlanOuter, view.interfaceIndex,
      communityIdFromBytes(key.subarray(0, size), key.subarray(16, 16 + size), IpProtocol.TCP, clientPort, serverPort,
        this.options.communityIdSeed),
      view.tsSec, view.tsNsec, syn, hash, key, clientPort, serverPort);
    stream.chain = this.buckets.get(hash) ?? null;
    this.buckets.set(hash, stream);
    this.link(stream);
    this.stats.active++;
    this.stats.started++;
    if (this.handler.onStart?.(stream, view, p) === false) this.ignore(stream);
    return stream;
  }

  private end(stream: TcpStream, reason: TcpStreamEndReason): void {
    if (stream.ended) return;
    stream.ended = true;
    for (const d of [0, 1] as const) {
      const dir = stream.directions[d];
      if (dir.heldBytes > 0) {
        this.gap(stream, d === 0, dir, seqDiff(earliestHeld(dir, (dir.held[0] as HeldSegment).seq), dir.next));
      }
      dir.held = [];
      dir.heldBytes = 0;
    }
    this.unlink(stream);
    this.removeFromBucket(stream);
    this.stats.active--;
    this.stats.ended[reason]++;
    this.handler.onEnd?.(stream, reason);
  }

  /** Symmetric in the two endpoints, so both directions find the same bucket. */
  private hashOf(data: Uint8Array, p: DecodedPacket): number {
    const size = p.ipVersion === 6 ? 16 : 4;
    let a = 0x811c9dc5;
    let b = 0x811c9dc5;
    for (let i = 0; i < size; i++) {
      a = Math.imul(a ^ (data[p.srcAddrOffset + i] as number), 0x01000193);
      b = Math.imul(b ^ (data[p.dstAddrOffset + i] as number), 0x01000193);
    }
    a = Math.imul(a ^ p.srcPort, 0x01000193);
    b = Math.imul(b ^ p.dstPort, 0x01000193);
    return ((a + b) ^ Math.imul(p.vlanOuter + 1, 0x9e3779b1)) >>> 0;
  }

  /** 1: the packet goes client → server, 2: server → client, 0: another connection. */
  private matches(stream: TcpStream, data: Uint8Array, p: DecodedPacket, version: number): number {
    if (stream.ipVersion !== version || stream.vlanId !== p.vlanOuter) return 0;
    if (p.srcPort === stream.clientPort && p.dstPort === stream.serverPort &&
      this.sameAddress(stream.key, 0, data, p.srcAddrOffset, version) &&
      this.sameAddress(stream.key, 16, data, p.dstAddrOffset, version)) return 1;
    if (p.srcPort === stream.serverPort && p.dstPort === stream.clientPort &&
      this.sameAddress(stream.key, 16, data, p.srcAddrOffset, version) &&
      this.sameAddress(stream.key, 0, data, p.dstAddrOffset, version)) return 2;
    return 0;
  }

  private sameAddress(key: Uint8Array, at: number, data: Uint8Array, offset: number, version: number): boolean {
    const size = version === 6 ? 16 : 4;
    for (let i = 0; i < size; i++) if (key[at + i] !== data[offset + i]) return false;
    return true;
  }

  private removeFromBucket(stream: TcpStream): void {
    let head = this.buckets.get(stream.hash) ?? null;
    if (head === stream) {
      if (stream.chain === null) this.buckets.delete(stream.hash);
      else this.buckets.set(stream.hash, stream.chain);
      return;
    }
    for (; head !== null; head = head.chain) {
      if (head.chain === stream) {
        head.chain = stream.chain;
        return;
      }
    }
  }

  private link(stream: TcpStream): void {
    stream.older = this.newest;
    stream.newer = null;
    if (this.newest !== null) this.newest.newer = stream;
    this.newest = stream;
    if (this.oldest === null) this.oldest = stream;
  }

  private unlink(stream: TcpStream): void {
    if (stream.older !== null) stream.older.newer = stream.newer;
    else this.oldest = stream.newer;
    if (stream.newer !== null) stream.newer.older = stream.older;
    else this.newest = stream.older;
    stream.older = null;
    stream.newer = null;
  }

  private touch(stream: TcpStream): void {
    if (this.newest === stream) return;
    this.unlink(stream);
    this.link(stream);
  }
}

export { StreamDirection };
