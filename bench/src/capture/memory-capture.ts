// The memory test's capture: N distinct flows (TCP, UDP, ICMP; IPv4 and IPv6), a request each, then a reply each.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { PcapFileWriter } from '@netwatch/packet';
import { CLIENT_PREFIX6, serverIid6, serverPrefix6, serverV4 } from './addresses.js';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6, FrameEncoder, PROTO_ICMP, PROTO_ICMPV6, PROTO_TCP, PROTO_UDP } from './frame.js';
import { cacheDir } from './generate.js';

const VERSION = 1;
/** 10 µs apart: 2 N packets span 20 s for N = 1 M, inside the 60 s idle timeout, so no flow ends. */
export const PACKET_GAP_NS = 10_000;

/**
 * Flow k: client 10.x.y.z (or 2001:db8:100:10::x) = k / 64, client port 40000 + k % 64 (ICMP
 * echo id k % 65536), one of 1 000 servers; 60 % TCP (SYN, SYN-ACK), 30 % UDP to 53, 10 % ICMP
 * echo; every fifth flow IPv6. Each 5-tuple is distinct, so the table holds exactly N flows.
 */
function writeFrame(enc: FrameEncoder, k: number, reply: boolean): number {
  const v6 = k % 5 === 4;
  const kind = k % 10;
  const proto = kind < 6 ? PROTO_TCP : kind < 9 ? PROTO_UDP : v6 ? PROTO_ICMPV6 : PROTO_ICMP;
  const host = k >>> 6;
  const cport = 40000 + (k & 63);
  const server = k % 1000;
  const sport = proto === PROTO_TCP ? 443 : 53;
  const l4Length = proto === PROTO_TCP ? 40 : proto === PROTO_UDP ? 8 + 32 : 8 + 56;
  let o = enc.ethernet(host, !reply, 0, v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
  if (v6) {
    const sPrefix = serverPrefix6(server);
    const sIid = serverIid6(server);
    o = reply
      ? enc.ipv6(o, sPrefix, sIid, CLIENT_PREFIX6, host + 1, proto, 57, k, l4Length)
      : enc.ipv6(o, CLIENT_PREFIX6, host + 1, sPrefix, sIid, proto, 64, k, l4Length);
  } else {
    const client = (0x0a000000 + host + 1) >>> 0;
    o = reply
      ? enc.ipv4(o, serverV4(server), client, proto, 57, k, l4Length)
      : enc.ipv4(o, client, serverV4(server), proto, 64, k, l4Length);
  }
  if (proto === PROTO_TCP) {
    const flags = reply ? 0x12 : 0x02;
    o = reply
      ? enc.tcp(o, sport, cport, k * 7, k * 3 + 1, flags, 65160, k, k, v6 ? 1440 : 1460)
      : enc.tcp(o, cport, sport, k * 3, 0, flags, 64240, k, 0, v6 ? 1440 : 1460);
    return enc.finish(o);
  }
  if (proto === PROTO_UDP) {
    o = reply ? enc.udp(o, sport, cport, 32) : enc.udp(o, cport, sport, 32);
    enc.buf.fill(0x61, o, o + 32);
    return enc.finish(o + 32);
  }
  const type = v6 ? (reply ? 129 : 128) : reply ? 0 : 8;
  o = enc.icmpEcho(o, type, k & 0xffff, 1);
  enc.buf.fill(0x62, o, o + 56);
  return enc.finish(o + 56);
}

/** The capture for `flows` flows in .cache/bench/, written once (checksums are left 0: nothing here checks them). */
export function ensureFlowsCapture(flows: number, log: (line: string) => void): string {
  const path = join(cacheDir, `flows-v${VERSION}-${flows}.pcap`);
  if (existsSync(path)) {
    log(`reusing ${path}`);
    return path;
  }
  mkdirSync(cacheDir, { recursive: true });
  log(`writing ${flows} flows (${2 * flows} packets) to ${path} …`);
  const tmp = `${path}.tmp-${process.pid}`;
  const out = new PcapFileWriter(tmp);
  const enc = new FrameEncoder();
  const record = { data: enc.buf, offset: 0, caplen: 0, origlen: 0, tsSec: 0, tsNsec: 0 };
  for (let n = 0; n < 2 * flows; n++) {
    const length = writeFrame(enc, n % flows, n >= flows);
    const ns = n * PACKET_GAP_NS;
    record.caplen = length;
    record.origlen = length;
    record.tsSec = 1_700_000_000 + Math.floor(ns / 1e9);
    record.tsNsec = ns % 1e9;
    out.writePacket(record);
  }
  out.close();
  renameSync(tmp, path);
  return path;
}
