// Bench: netwatch's asset analyzer (decode + ARP/DHCP/LLDP/CDP/SSDP/NBNS/mDNS parsing + registry) vs tshark on one seeded capture.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Bus } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket, PcapFileWriter, seededUint32 } from '@netwatch/packet';
import { createAssetAnalyzer, defaultAssetConfig } from '@netwatch/asset-sensor';
import { fuzzSeeds } from '@netwatch/asset-sensor/testing/discovery-fuzz';

const ROUNDS = 20_000;
const CACHE = join('.cache', 'bench');
const log = (line: string) => process.stderr.write(`[bench:assets] ${line}\n`);

/**
 * Every discovery seed frame (DHCP client/server/overload, gratuitous and conflicting ARP, LLDP with
 * and without VLAN, CDP, SSDP, NBNS, mDNS) per round, with the sender's MAC varied by a seeded
 * random number in 1 of 16 rounds, so the registry keeps finding new devices as a real LAN does.
 */
function ensureCapture(seeds: Uint8Array[]): { path: string; packets: number } {
  const path = join(CACHE, `assets-${ROUNDS}x${seeds.length}.pcap`);
  const packets = ROUNDS * seeds.length;
  if (existsSync(path)) return { path, packets };
  mkdirSync(CACHE, { recursive: true });
  const random = seededUint32(0xa55e7);
  const writer = new PcapFileWriter(path);
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const fresh = round % 16 === 0;
    for (const seed of seeds) {
      const frame = Uint8Array.from(seed);
      if (fresh) {
        const r = random();
        frame.set([r & 0xff, (r >>> 8) & 0xff, (r >>> 16) & 0xff], 9);
      }
      writer.write(frame, 1_750_000_000 + Math.floor(n / 1e4), (n % 1e4) * 100_000);
      n++;
    }
  }
  writer.close();
  return { path, packets };
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function main(): void {
  const seeds = fuzzSeeds();
  const { path, packets } = ensureCapture(seeds);
  log(`capture ${path}: ${packets} discovery frames (${seeds.length} kinds)`);
  let events = 0;
  const bus = { publish: () => void events++ } as unknown as Bus;
  const netwatch = () => {
    const analyzer = createAssetAnalyzer({ bus, observer: 'bench' }, { ...defaultAssetConfig, observer: 'bench' },
      { signatures: null });
    const packet = createDecodedPacket();
    forEachPacket(path, (view) => {
      analyzer.onPacket(view, packet, decodePacket(view.data, view.offset, view.caplen, view.linktype, packet));
      analyzer.onTime?.(view.tsSec);
      return true;
    });
    analyzer.finish();
  };
  netwatch(); // warm-up
  events = 0;
  const ours = Math.min(time(netwatch), time(netwatch));
  // The same identities tshark has to find: one field list over every protocol the analyzer reads.
  const fields = ['arp.src.hw_mac', 'arp.src.proto_ipv4', 'dhcp.hw.mac_addr', 'dhcp.option.hostname',
    'dhcp.option.vendor_class_id', 'dhcp.option.request_list_item', 'dhcp.ip.your', 'lldp.chassis.id.mac',
    'lldp.tlv.system.name', 'lldp.tlv.system.desc', 'cdp.deviceid', 'cdp.platform', 'cdp.software_version',
    'http.server', 'http.location', 'nbns.name', 'nbns.addr', 'dns.a', 'dns.srv.port', 'dns.txt'];
  const tshark = time(() => spawnSync('tshark', ['-r', path, '-n', '-T', 'fields', ...fields.flatMap((f) => ['-e', f])],
    { stdio: 'ignore' }));
  const rate = (s: number) => `${(packets / s / 1e3).toFixed(0)} k frames/s`;
  log(`netwatch decode + parse + registry: ${ours.toFixed(3)} s, ${rate(ours)}, ${events / 2} events per run`);
  log(`tshark -T fields (${fields.length} fields): ${tshark.toFixed(3)} s, ${rate(tshark)}; netwatch is ` +
    `${(tshark / ours).toFixed(1)}x tshark`);
}

main();
