// Benchmark tool: Mpps of reading a 2M-packet pcap with and without decodePacket, against the `cap` package's decoders.
//
// Usage: npx tsc -b services/lib/packet && node services/lib/packet/dist/decode/testing/bench-decode.js [packets]
// Add --trace-gc to node to watch collections; the tool also counts them per pass with a PerformanceObserver.
// Not a test: it prints figures and a ratio against a named peer measured in the same run.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { openCaptureFile } from '../../capture-file.js';
import { createPacketView } from '../../packet-view.js';
import { PcapFileWriter } from '../../pcap-writer.js';
import { DecodeStats } from '../decode-error.js';
import { decodePacket } from '../decode-packet.js';
import { createDecodedPacket, EtherType, IpProtocol, TcpFlag } from '../decoded-packet.js';
import {
  concat,
  ethernet,
  ethernetVlan,
  icmp,
  ipv4,
  ipv6,
  linuxSynOptions,
  tcp,
  u32,
  udp,
  vlanTag,
} from './frame-builder.js';

interface CapDecoders {
  Ethernet(b: Buffer, offset: number): { info: { type?: number }; offset: number };
  IPV4(b: Buffer, offset: number): { info: { protocol: number }; offset: number };
  IPV6(b: Buffer, offset: number): { info: { protocol: number }; offset: number };
  TCP(b: Buffer, offset: number): { info: { srcport: number }; offset: number };
  UDP(b: Buffer, offset: number): { info: { srcport: number }; offset: number };
}

const capDecoders = (createRequire(import.meta.url)('cap') as { decoders: CapDecoders }).decoders;

/** A mix like an access network: mostly TCP data, some SYNs, UDP, ICMP; IPv4 and IPv6; a fifth VLAN-tagged. */
function templates(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < 100; i++) {
    const payload = new Uint8Array([0, 40, 120, 512, 1200][i % 5] as number).fill(i);
    let l3: Uint8Array;
    let type: number = EtherType.IPV4;
    const kind = i % 20;
    const ack = TcpFlag.ACK | TcpFlag.PSH;
    if (kind < 8) l3 = ipv4({ protocol: IpProtocol.TCP }, tcp({ seq: 0x90000000 + i, flags: ack }, payload));
    else if (kind < 10) l3 = ipv4({ protocol: 6 }, tcp({ flags: TcpFlag.SYN, options: linuxSynOptions() }));
    else if (kind < 14) l3 = ipv4({ protocol: IpProtocol.UDP }, udp(50000 + i, 53, payload.subarray(0, 100)));
    else if (kind === 14) l3 = ipv4({ protocol: IpProtocol.ICMP }, icmp(8, 0, u32(i), payload.subarray(0, 56)));
    else {
      type = EtherType.IPV6;
      if (kind < 17) l3 = ipv6({ nextHeader: IpProtocol.TCP }, tcp({ options: concat(linuxSynOptions()) }, payload));
      else if (kind < 19) l3 = ipv6({ nextHeader: IpProtocol.UDP }, udp(443, 50000, payload));
      else l3 = ipv6({ nextHeader: IpProtocol.ICMPV6 }, icmp(128, 0, u32(i), payload.subarray(0, 56)));
    }
    out.push(i % 5 === 0 ? ethernetVlan([vlanTag(0x8100, i)], type, l3) : ethernet(type, l3));
  }
  return out;
}

let gcs = 0;
new PerformanceObserver((list) => {
  gcs += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });
// GC entries arrive as tasks after the collection; give them time before and after each pass.
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function pass(path: string, label: string, each: 'none' | 'decode' | 'cap'): Promise<number> {
  await settle();
  const gcBefore = gcs;
  const reader = openCaptureFile(path);
  const view = createPacketView();
  const p = createDecodedPacket();
  const stats = new DecodeStats();
  let n = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  if (each === 'none') {
    while (reader.next(view)) n++;
  } else if (each === 'decode') {
    while (reader.next(view)) {
      stats.count(decodePacket(view.data, view.offset, view.caplen, view.linktype, p));
      sink += p.srcPort;
      n++;
    }
  } else {
    while (reader.next(view)) {
      const eth = capDecoders.Ethernet(view.data, view.offset);
      const ip =
        eth.info.type === 0x0800 ? capDecoders.IPV4(view.data, eth.offset) : capDecoders.IPV6(view.data, eth.offset);
      if (ip.info.protocol === 6) sink += capDecoders.TCP(view.data, ip.offset).info.srcport;
      else if (ip.info.protocol === 17) sink += capDecoders.UDP(view.data, ip.offset).info.srcport;
      n++;
    }
  }
  const ns = Number(process.hrtime.bigint() - t0);
  reader.close();
  await settle();
  const mpps = (n / ns) * 1000;
  const errors = each === 'decode' ? ` results ${JSON.stringify(stats)}` : '';
  console.log(
    `${label.padEnd(22)} ${mpps.toFixed(2).padStart(6)} Mpps  ${(ns / n).toFixed(0).padStart(4)} ns/pkt  ` +
    `GCs ${gcs - gcBefore}  (${n} pkts, sink ${sink & 1})${errors}`,
  );
  return mpps;
}

async function main(): Promise<void> {
  const packets = Number(process.argv[2] ?? 2_000_000);
  const path = join(tmpdir(), `netwatch-bench-decode-${process.pid}.pcap`);
  const frames = templates();
  const w = new PcapFileWriter(path);
  let x = 12345;
  for (let i = 0; i < packets; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    w.write(frames[(x >>> 8) % frames.length] as Uint8Array, 1_700_000_000 + (i >> 10), (i & 1023) * 1000);
  }
  w.close();
  console.log(`node ${process.version}, ${packets} packets, ${frames.length} templates (TCP/UDP/ICMP, IPv4/IPv6, 1/5 VLAN)`);
  try {
    const best = { none: 0, decode: 0, cap: 0 };
    for (let round = 1; round <= 3; round++) {
      best.none = Math.max(best.none, await pass(path, `read only #${round}`, 'none'));
      best.decode = Math.max(best.decode, await pass(path, `read + decodePacket #${round}`, 'decode'));
      best.cap = Math.max(best.cap, await pass(path, `read + cap.decoders #${round}`, 'cap'));
    }
    const decodeNs = 1000 / best.decode - 1000 / best.none;
    const capNs = 1000 / best.cap - 1000 / best.none;
    console.log(
      `best: read ${best.none.toFixed(2)} Mpps, read+decode ${best.decode.toFixed(2)} Mpps ` +
      `(decode ≈ ${decodeNs.toFixed(0)} ns/pkt), read+cap ${best.cap.toFixed(2)} Mpps (≈ ${capNs.toFixed(0)} ns/pkt); ` +
      `decodePacket is ${(capNs / decodeNs).toFixed(1)}x cheaper per packet than cap.decoders`,
    );
  } finally {
    rmSync(path, { force: true });
  }
}

await main();
