// Builds well-formed Ethernet/IPv4/TCP/UDP/ICMP frames with correct checksums, for demo and test captures.

export interface Endpoint {
  readonly mac: string;
  readonly ip: string;
  readonly port: number;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => Number.parseInt(h, 16));
}

function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** RFC 1071 one's-complement sum over `bytes`, folded; `initial` carries a pseudo-header sum. */
function checksum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < bytes.length; i += 2)
    sum += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  if (bytes.length % 2 === 1) sum += (bytes[bytes.length - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function pseudoHeaderSum(src: string, dst: string, protocol: number, length: number): number {
  const s = ipv4Bytes(src);
  const d = ipv4Bytes(dst);
  let sum = 0;
  for (let i = 0; i < 4; i += 2)
    sum +=
      (((s[i] as number) << 8) | (s[i + 1] as number)) +
      (((d[i] as number) << 8) | (d[i + 1] as number));
  return sum + protocol + length;
}

/** Ethernet II + IPv4 (RFC 791, no options, DF set, TTL 64) around an L4 segment. */
function ipv4Frame(
  src: Endpoint,
  dst: Endpoint,
  protocol: number,
  l4: Uint8Array,
  ipId: number,
  ttl: number,
): Buffer {
  const frame = Buffer.alloc(14 + 20 + l4.length);
  frame.set(macBytes(dst.mac), 0);
  frame.set(macBytes(src.mac), 6);
  frame.writeUInt16BE(0x0800, 12);
  const ip = frame.subarray(14, 34);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + l4.length, 2);
  ip.writeUInt16BE(ipId & 0xffff, 4);
  ip.writeUInt16BE(0x4000, 6);
  ip[8] = ttl;
  ip[9] = protocol;
  ip.set(ipv4Bytes(src.ip), 12);
  ip.set(ipv4Bytes(dst.ip), 16);
  ip.writeUInt16BE(checksum(ip), 10);
  frame.set(l4, 34);
  return frame;
}

export interface TcpOptions {
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window?: number;
  readonly payload?: Uint8Array;
  readonly ipId?: number;
  readonly ttl?: number;
}

/** TCP (RFC 9293 §3.1) with no options; a SYN carries MSS 1460 (kind 2) as real stacks do. */
export function tcpFrame(src: Endpoint, dst: Endpoint, o: TcpOptions): Buffer {
  const options = o.flags & TCP_SYN ? [2, 4, 0x05, 0xb4] : [];
  const headerLength = 20 + options.length;
  const payload = o.payload ?? new Uint8Array(0);
  const tcp = Buffer.alloc(headerLength + payload.length);
  tcp.writeUInt16BE(src.port, 0);
  tcp.writeUInt16BE(dst.port, 2);
  tcp.writeUInt32BE(o.seq >>> 0, 4);
  tcp.writeUInt32BE(o.ack >>> 0, 8);
  tcp[12] = (headerLength / 4) << 4;
  tcp[13] = o.flags;
  tcp.writeUInt16BE(o.window ?? 64240, 14);
  tcp.set(options, 20);
  tcp.set(payload, headerLength);
  tcp.writeUInt16BE(checksum(tcp, pseudoHeaderSum(src.ip, dst.ip, 6, tcp.length)), 16);
  return ipv4Frame(src, dst, 6, tcp, o.ipId ?? 0, o.ttl ?? 64);
}

/** UDP (RFC 768) with its checksum over the IPv4 pseudo-header. */
export function udpFrame(
  src: Endpoint,
  dst: Endpoint,
  payload: Uint8Array,
  ipId = 0,
  ttl = 64,
): Buffer {
  const udp = Buffer.alloc(8 + payload.length);
  udp.writeUInt16BE(src.port, 0);
  udp.writeUInt16BE(dst.port, 2);
  udp.writeUInt16BE(udp.length, 4);
  udp.set(payload, 8);
  udp.writeUInt16BE(checksum(udp, pseudoHeaderSum(src.ip, dst.ip, 17, udp.length)) || 0xffff, 6);
  return ipv4Frame(src, dst, 17, udp, ipId, ttl);
}

/** ICMP echo request (type 8) or reply (type 0), RFC 792. */
export function icmpEchoFrame(
  src: Endpoint,
  dst: Endpoint,
  type: 0 | 8,
  id: number,
  seq: number,
  ipId = 0,
): Buffer {
  const icmp = Buffer.alloc(8 + 32);
  icmp[0] = type;
  icmp.writeUInt16BE(id, 4);
  icmp.writeUInt16BE(seq, 6);
  for (let i = 8; i < icmp.length; i++) icmp[i] = 0x61 + ((i - 8) % 23);
  icmp.writeUInt16BE(checksum(icmp), 2);
  return ipv4Frame(src, dst, 1, icmp, ipId, 64);
}

/** A DNS message (RFC 1035 §4.1) with one question, and for a response one A answer. */
export function dnsMessage(id: number, name: string, answer?: string): Buffer {
  const qname = Buffer.concat([
    ...name
      .split('.')
      .map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(answer === undefined ? 0x0100 : 0x8180, 2); // RD, or QR+RD+RA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answer === undefined ? 0 : 1, 6);
  const question = Buffer.concat([qname, Buffer.from([0, 1, 0, 1])]);
  if (answer === undefined) return Buffer.concat([header, question]);
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0); // compression pointer to the question name (§4.1.4)
  rr.writeUInt16BE(1, 2);
  rr.writeUInt16BE(1, 4);
  rr.writeUInt32BE(300, 6);
  rr.writeUInt16BE(4, 10);
  rr.set(ipv4Bytes(answer), 12);
  return Buffer.concat([header, question, rr]);
}
