// Turns a flow step (slot + NextPacket) into frame bytes in the encoder's buffer: addresses, headers, payload.
import {
  CLIENT_PREFIX6,
  clientIid6,
  clientV4,
  RESOLVERS4,
  RESOLVERS6,
  serverIid6,
  serverPrefix6,
  serverV4,
} from './addresses.js';
import { finishChecksum, SliceSums, sumWords } from './checksum.js';
import { writeQuery, writeResponse } from './dns-message.js';
import {
  ETHERTYPE_IPV4,
  ETHERTYPE_IPV6,
  type FrameEncoder,
  PROTO_ICMP,
  PROTO_ICMPV6,
  PROTO_TCP,
  PROTO_UDP,
  TCP_HEADER,
  TCP_SYN_HEADER,
} from './frame.js';
import { HTTP_GET, writeResponseHead } from './payloads.js';
import { Bit, Kind, type NextPacket, Payload, type Slots } from './slots.js';
import { dnsAnswers } from './udp-script.js';

export class FrameWriter {
  private ipId = 0;
  private readonly noiseSums: SliceSums;

  constructor(
    private readonly enc: FrameEncoder,
    private readonly s: Slots,
    private readonly noise: Buffer,
  ) {
    this.noiseSums = new SliceSums(noise);
  }

  /** Writes slot i's packet `p` at capture time `nowMs`; returns the frame length. */
  write(i: number, p: NextPacket, nowMs: number): number {
    const { enc, s } = this;
    const kind = s.kind[i] as number;
    const bits = s.bits[i] as number;
    const v6 = (bits & Bit.V6) !== 0;
    const client = s.client[i] as number;
    const server = s.server[i] as number;
    const proto = kind === Kind.TCP ? PROTO_TCP : kind === Kind.ICMP ? (v6 ? PROTO_ICMPV6 : PROTO_ICMP) : PROTO_UDP;
    const l4Header = kind === Kind.TCP ? ((p.tcpFlags & 0x02) !== 0 ? TCP_SYN_HEADER : TCP_HEADER) : 8;
    const l4Length = l4Header + p.payloadLength;
    const from = p.fromClient;
    // Servers are a few hops away: their TTLs arrive decremented.
    const ttl = from ? 64 : kind === Kind.DNS ? 57 : 64 - 6 - (server % 12);
    const l3 = enc.ethernet(client, from, s.vlan[i] as number, v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
    let o = l3;
    if (v6) {
      const cIid = clientIid6(client);
      const resolver = kind === Kind.DNS ? RESOLVERS6[server % RESOLVERS6.length] : undefined;
      const sPrefix = resolver ? resolver.prefix : serverPrefix6(server);
      const sIid = resolver ? resolver.iid : serverIid6(server);
      const label = (s.cport[i] as number) * 31 + client;
      o = from
        ? enc.ipv6(o, CLIENT_PREFIX6, cIid, sPrefix, sIid, proto, ttl, label, l4Length)
        : enc.ipv6(o, sPrefix, sIid, CLIENT_PREFIX6, cIid, proto, ttl, label, l4Length);
    } else {
      const c = clientV4(client);
      const srv = kind === Kind.DNS ? (RESOLVERS4[server % RESOLVERS4.length] as number) : serverV4(server);
      this.ipId = (this.ipId + 1) & 0xffff;
      o = from
        ? enc.ipv4(o, c, srv, proto, ttl, this.ipId, l4Length)
        : enc.ipv4(o, srv, c, proto, ttl, this.ipId, l4Length);
    }
    const l4 = o;
    const cport = s.cport[i] as number;
    const sport = s.sport[i] as number;
    if (kind === Kind.TCP) {
      const cClock = (nowMs + client * 7919) >>> 0;
      const sClock = (nowMs + server * 104_729) >>> 0;
      const syn = (p.tcpFlags & 0x02) !== 0;
      const window = syn ? (from ? 64240 : 65160) : from ? 502 : 509;
      const tsEcr = syn && from ? 0 : from ? sClock - 1 : cClock - 1;
      o = from
        ? enc.tcp(o, cport, sport, p.seq, p.ack, p.tcpFlags, window, cClock, tsEcr, v6 ? 1440 : 1460)
        : enc.tcp(o, sport, cport, p.seq, p.ack, p.tcpFlags, window, sClock, tsEcr, v6 ? 1440 : 1460);
    } else if (kind === Kind.ICMP) {
      o = enc.icmpEcho(o, p.icmpType, s.tag[i] as number, p.icmpSeq);
    } else {
      o = from ? enc.udp(o, cport, sport, p.payloadLength) : enc.udp(o, sport, cport, p.payloadLength);
    }
    const payloadSum = this.payload(i, p, o);
    this.checksum(proto, v6, l3, l4, o, l4Length, payloadSum);
    return enc.finish(o + p.payloadLength);
  }

  /**
   * TCP, UDP and ICMPv6 sum a pseudo-header (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1); ICMPv4 does not
   * (RFC 792). The checksum field is still 0 when the headers are summed.
   */
  private checksum(proto: number, v6: boolean, l3: number, l4: number, payload: number, l4Length: number, sum: number) {
    const b = this.enc.buf;
    sum += sumWords(b, l4, payload);
    if (proto !== PROTO_ICMP) {
      sum += v6 ? sumWords(b, l3 + 8, l3 + 40) : sumWords(b, l3 + 12, l3 + 20);
      sum += proto + l4Length;
    }
    let value = finishChecksum(sum);
    if (proto === PROTO_UDP && value === 0) value = 0xffff; // 0 would mean "no checksum" (RFC 768)
    b.writeUInt16BE(value, l4 + (proto === PROTO_TCP ? 16 : proto === PROTO_UDP ? 6 : 2));
  }

  /** Writes the payload at `o` and returns its unfolded word sum. */
  private payload(i: number, p: NextPacket, o: number): number {
    const { enc, s } = this;
    const b = enc.buf;
    const length = p.payloadLength;
    switch (p.payload) {
      case Payload.NOISE: {
        const start = ((s.tag[i] as number) * 131 + p.seq) & 4095;
        this.noise.copy(b, o, start, start + length);
        return this.noiseSums.sum(start, length);
      }
      case Payload.QUIC: {
        // A 1-RTT short header (RFC 9000 §17.3.1: form bit 0, fixed bit 1); the rest is as opaque as ciphertext.
        const start = ((s.tag[i] as number) * 131 + p.icmpSeq) & 4095;
        this.noise.copy(b, o, start, start + length);
        const first = b[o] as number;
        b[o] = 0x40 | (first & 0x3f);
        return this.noiseSums.sum(start, length) + ((b[o] as number) - first) * 256;
      }
      case Payload.RTP: {
        // RTP fixed header (RFC 3550 §5.1): V=2, PT 111 (a dynamic Opus type), 20 ms at 48 kHz per packet.
        b[o] = 0x80;
        b[o + 1] = 111;
        b.writeUInt16BE(p.icmpSeq, o + 2);
        b.writeUInt32BE((p.icmpSeq * 960) >>> 0, o + 4);
        b.writeUInt32BE(s.tag[i] as number, o + 8);
        const start = (s.tag[i] as number) & 4095;
        this.noise.copy(b, o + 12, start, start + length - 12);
        return sumWords(b, o, o + 12) + this.noiseSums.sum(start, length - 12);
      }
      case Payload.HTTP_GET:
        HTTP_GET.copy(b, o, 0, length);
        break;
      case Payload.HTTP_RESPONSE: {
        const body = writeResponseHead(b, o, p.bodyLength);
        this.noise.copy(b, body, 0, o + length - body);
        break;
      }
      case Payload.DNS_QUERY:
        writeQuery(b, o, s.rounds[i] as number, s.reqLeft[i] as number, s.respLeft[i] as number);
        break;
      case Payload.DNS_RESPONSE:
        writeResponse(
          b,
          o,
          s.rounds[i] as number,
          s.reqLeft[i] as number,
          s.respLeft[i] as number,
          s.unacked[i] as number,
          dnsAnswers(s, i),
          s.tag[i] as number,
        );
        break;
      default:
    }
    return sumWords(b, o, o + length);
  }
}
