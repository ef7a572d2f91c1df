// The asset analyzer on the in-memory bus: first sightings, rate limiting, changes, conflicts, eviction, p0f, metrics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMetrics, MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import {
  concat, ethernet, ethernetVlan, ipv4, linuxSynOptions, tcp, vlanTag,
} from '@netwatch/packet/decode/testing/frame-builder';
import { type AssetEvent, strictParse, topics } from '@netwatch/schemas';
import { createAssetAnalyzer } from './asset-analyzer.js';
import { type AssetConfig, defaultAssetConfig } from './asset-config.js';
import { loadSignatureFile } from './os/index.js';
import {
  arpFrame, BROADCAST, cdpFrame, dhcpAck, dhcpPayload, dhcpRequest, dhcpv6ReplyFrame, dhcpv6SolicitFrame, LAPTOP_MAC,
  lldpFrame, mac, MDNS_MULTICAST, mdnsPrinterAnnouncement, nbnsRegistration, option, PRINTER_MAC, ROUTER_MAC,
  sampleCdp, sampleLldp, SSDP_MULTICAST, ssdpNotify, udpFrame,
} from './testing/discovery-frames.js';
import { feedFrames } from '@netwatch/packet/testing/feed-analyzer';

const T0 = 1_750_000_000;
const OTHER_MAC = mac('3c:22:fb:00:00:99');
const signatures = loadSignatureFile();

interface Timed { at: number; frame: Uint8Array }

async function run(frames: readonly Timed[], config: Partial<AssetConfig> = {}) {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'asset-test', logger: silentLogger() });
  const events: AssetEvent[] = [];
  const keys: (string | null)[] = [];
  broker.tap((record) => {
    if (record.topic !== topics.asset.name) return;
    events.push(strictParse(topics.asset.schema, record.value) as AssetEvent);
    keys.push(record.key);
  });
  const metrics = createMetrics('asset-test', { processMetrics: false });
  const analyzer = createAssetAnalyzer({ bus, observer: 'sensor-a', metrics, interfaceNames: ['veth-test'] },
    { ...defaultAssetConfig, observer: 'sensor-a', ...config }, { signatures });
  feedFrames(analyzer, frames, T0);
  await bus.close();
  return { events, keys, analyzer, metrics: await metrics.registry.metrics() };
}

const dhcpClient = (payload: Uint8Array, src = LAPTOP_MAC) =>
  udpFrame({ srcMac: src, dstMac: BROADCAST, src: '0.0.0.0', dst: '255.255.255.255', sport: 68, dport: 67 }, payload);
const dhcpServer = (payload: Uint8Array) =>
  udpFrame({ srcMac: ROUTER_MAC, dstMac: LAPTOP_MAC, src: '192.168.1.1', dst: '192.168.1.23', sport: 67, dport: 68 },
    payload);

describe('createAssetAnalyzer', () => {
  it('reports a DHCP client when first seen, and what the ACK adds once the interval allows', async () => {
    const { events, keys } = await run([{ at: 0, frame: dhcpClient(dhcpRequest()) },
      { at: 0.01, frame: dhcpServer(dhcpAck()) }]);
    // The laptop (REQUEST), the DHCP server (ACK from 192.168.1.1), then the laptop's merged news at the end.
    assert.equal(events.length, 3);
    const [first, server, merged] = events as [AssetEvent, AssetEvent, AssetEvent];
    assert.deepEqual(first.event.type, ['creation']);
    assert.deepEqual(first.host, { mac: ['3C-22-FB-12-34-56'], hostname: 'alices-laptop' });
    assert.equal(first.device?.manufacturer, 'Apple, Inc.');
    assert.equal(first.observer.ingress?.interface?.name, 'veth-test');
    assert.deepEqual(first.netwatch.asset.details, {
      'dhcp.fingerprint': '1,3,6,15,31,33,43,44,46,47,119,121,249,252', 'dhcp.vendor_class': 'MSFT 5.0',
      'dhcp.client_id': '01:3c:22:fb:12:34:56', 'dhcp.requested_ip': '192.168.1.23',
    });
    assert.equal(first.netwatch.asset.first_seen, '2025-06-15T15:06:40.000000000Z');
    assert.equal(keys[0], '3C-22-FB-12-34-56');
    assert.deepEqual(server.host, { ip: ['192.168.1.1'], mac: ['02-00-00-00-00-01'], type: 'dhcp_server' });
    assert.deepEqual(server.netwatch.asset.services, [{ name: 'dhcp', transport: 'udp', port: 67 }]);
    assert.deepEqual(merged.event.type, ['info']);
    assert.deepEqual(merged.host.ip, ['192.168.1.23']);
    assert.equal(merged.netwatch.asset.details?.['dhcp.server_id'], '192.168.1.1');
    assert.equal(merged.netwatch.asset.last_seen, '2025-06-15T15:06:40.010000000Z');
    assert.equal(keys[2], '192.168.1.23');
  });

  it('publishes one event for a thousand identical ARPs', async () => {
    const frames = Array.from({ length: 1000 }, (_, i) =>
      ({ at: i / 10, frame: arpFrame(1, LAPTOP_MAC, '192.168.1.23', new Uint8Array(6), '192.168.1.1') }));
    const { events, analyzer } = await run(frames);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.host.ip, ['192.168.1.23']);
    assert.equal(events[0]?.netwatch.asset.source, 'arp');
    assert.equal(events[0]?.netwatch.asset.last_seen, '2025-06-15T15:06:40.000000000Z');
    assert.equal(analyzer.stats.messages.arp, 1000);
    assert.equal(analyzer.registry.get(0x3c22fb123456)?.lastSec, T0 + 99);
  });

  it('reports an IP change and a hostname change at once, as change events', async () => {
    const { events } = await run([
      { at: 0, frame: dhcpClient(dhcpRequest()) },
      { at: 1, frame: dhcpServer(dhcpAck()) },
      { at: 2, frame: dhcpServer(dhcpAck(LAPTOP_MAC, '192.168.1.77')) },
      { at: 3, frame: dhcpClient(dhcpRequest(LAPTOP_MAC, 'alices-new-name')) },
    ]);
    const changes = events.filter((e) => e.event.type.includes('change'));
    assert.deepEqual(changes.map((e) => e.netwatch.asset.change), [
      { field: 'host.ip', old: '192.168.1.23', new: '192.168.1.77' },
      { field: 'host.hostname', old: 'alices-laptop', new: 'alices-new-name' },
    ]);
    assert.deepEqual(changes[0]?.host.ip, ['192.168.1.77']);
    assert.deepEqual(changes[0]?.related?.ip, ['192.168.1.77', '192.168.1.23']);
    assert.equal(changes[1]?.host.hostname, 'alices-new-name');
  });

  it('reports two MACs claiming one address as a conflict, once per interval', async () => {
    const frames: Timed[] = [{ at: 0, frame: arpFrame(2, LAPTOP_MAC, '192.168.1.23', ROUTER_MAC, '192.168.1.1') }];
    for (let i = 1; i <= 10; i++) {
      frames.push({ at: i, frame: arpFrame(2, OTHER_MAC, '192.168.1.23', ROUTER_MAC, '192.168.1.1') });
      frames.push({ at: i + 0.5, frame: arpFrame(2, LAPTOP_MAC, '192.168.1.23', ROUTER_MAC, '192.168.1.1') });
    }
    const { events, analyzer, metrics } = await run(frames);
    const conflicts = events.filter((e) => e.tags?.includes('ip_conflict'));
    assert.deepEqual(conflicts.map((e) => e.netwatch.asset.change), [
      { field: 'host.mac', old: '3c:22:fb:12:34:56', new: '3c:22:fb:00:00:99' },
      { field: 'host.mac', old: '3c:22:fb:00:00:99', new: '3c:22:fb:12:34:56' },
    ]);
    assert.equal(conflicts[0]?.netwatch.asset.details?.['arp.conflict_ip'], '192.168.1.23');
    assert.deepEqual(conflicts[0]?.event.type, ['change']);
    assert.equal(analyzer.registry.stats.conflicts, 2);
    assert.match(metrics, /netwatch_asset_conflicts_total\{service="asset-test"\} 2/);
  });

  it('learns a switch from LLDP and CDP, also inside a VLAN tag', async () => {
    const lldp = lldpFrame(sampleLldp());
    const tagged = ethernetVlan([vlanTag(0x8100, 20)], 0x88cc, sampleLldp());
    tagged.set(mac('00:1e:49:10:20:31'), 6);
    const { events } = await run([{ at: 0, frame: lldp }, { at: 1, frame: cdpFrame(sampleCdp(), mac('00:1e:49:10:20:32')) },
      { at: 2, frame: tagged }]);
    assert.equal(events.length, 3);
    assert.deepEqual(events[0]?.host, { ip: ['192.168.1.2'], mac: ['00-1E-49-10-20-30'], hostname: 'core-sw1',
      type: 'router' });
    assert.equal(events[0]?.netwatch.asset.details?.['lldp.system_description'], 'Juniper EX2300-24T, JunOS 21.4R3');
    assert.equal(events[0]?.netwatch.asset.details?.['lldp.capabilities'], 'bridge,router');
    assert.deepEqual(events[1]?.host, { ip: ['192.168.1.3'], mac: ['00-1E-49-10-20-32'],
      hostname: 'edge-sw2.example.net', type: 'switch' });
    assert.equal(events[1]?.device?.model?.name, 'cisco WS-C2960-24TT-L');
    assert.equal(events[1]?.netwatch.asset.details?.['cdp.native_vlan'], '10');
    assert.equal(events[2]?.host.mac?.[0], '00-1E-49-10-20-31');
  });

  it('learns a DHCPv6 client: its name and fingerprint from the Solicit, its address from the Reply', async () => {
    const { events } = await run([{ at: 0, frame: dhcpv6SolicitFrame() }, { at: 1, frame: dhcpv6ReplyFrame() }]);
    assert.equal(events.length, 2);
    assert.deepEqual(events[0]?.host, { mac: ['3C-22-FB-12-34-56'], hostname: 'alices-laptop' });
    assert.deepEqual(events[0]?.netwatch.asset.details, { 'dhcpv6.fingerprint': '23,24,39',
      'dhcpv6.vendor_class': 'MSFT 5.0', 'dhcpv6.enterprise': '311', 'dhcpv6.duid': '00:03:00:01:3c:22:fb:12:34:56' });
    assert.deepEqual(events[1]?.host.ip, ['fd00::23']);
    assert.equal(events[1]?.netwatch.asset.source, 'dhcp');
  });

  it('learns names and services from mDNS, SSDP and NBNS', async () => {
    const { events } = await run([
      { at: 0, frame: udpFrame({ srcMac: PRINTER_MAC, dstMac: MDNS_MULTICAST, src: '192.168.1.50', dst: '224.0.0.251',
        sport: 5353, dport: 5353, ttl: 255 }, mdnsPrinterAnnouncement()) },
      { at: 1, frame: udpFrame({ srcMac: mac('48:a6:b8:e2:c0:de'), dstMac: SSDP_MULTICAST, src: '192.168.1.40',
        dst: '239.255.255.250', sport: 1900, dport: 1900 }, ssdpNotify()) },
      { at: 2, frame: udpFrame({ srcMac: LAPTOP_MAC, dstMac: BROADCAST, src: '192.168.1.23', dst: '192.168.1.255',
        sport: 137, dport: 137 }, nbnsRegistration('DESKTOP-7QK2', 0, '192.168.1.23')) },
    ]);
    assert.equal(events.length, 3);
    assert.deepEqual(events[0]?.host, { ip: ['192.168.1.50'], mac: ['00-1B-A9-AA-BB-01'], hostname: 'office-printer' });
    assert.deepEqual(events[0]?.netwatch.asset.services, [{ name: '_ipp._tcp', transport: 'tcp', port: 631 }]);
    assert.equal(events[0]?.device?.model?.name, 'Brother HL-L2350DW series');
    assert.equal(events[0]?.device?.manufacturer, 'Brother industries, LTD.');
    assert.equal(events[1]?.host.type, 'media_player');
    assert.deepEqual(events[1]?.netwatch.asset.services, [{ name: 'urn:schemas-upnp-org:device:MediaRenderer:1',
      transport: 'udp', port: 1900, product: 'Linux/4.9 UPnP/1.0 Sonos/70.3-35220 (ZPS27)' }]);
    assert.equal(events[1]?.netwatch.asset.details?.['ssdp.uuid'], 'RINCON_48A6B8E2C0DE01400');
    assert.deepEqual(events[2]?.host, { ip: ['192.168.1.23'], mac: ['3C-22-FB-12-34-56'], hostname: 'DESKTOP-7QK2' });
  });

  it('fingerprints a local SYN onto the device ARP bound, and a routed one by IP only inside HOME_NET', async () => {
    const syn = (srcMac: Uint8Array, src: string) => ethernet(0x0800, ipv4({ protocol: 6, src, dst: '192.168.1.1',
      ttl: 64, df: true }, tcp({ flags: 0x02, window: 29200, options: linuxSynOptions() })), ROUTER_MAC, srcMac);
    const { events } = await run([
      { at: 0, frame: arpFrame(1, LAPTOP_MAC, '192.168.1.23', new Uint8Array(6), '192.168.1.1') },
      { at: 1, frame: syn(LAPTOP_MAC, '192.168.1.23') },
      { at: 2, frame: syn(ROUTER_MAC, '10.20.0.5') },
      { at: 3, frame: syn(ROUTER_MAC, '203.0.113.5') },
    ], { minEventIntervalSec: 0 });
    assert.equal(events.length, 3);
    assert.deepEqual(events[1]?.host.os, { name: 'Linux', family: 'linux', full: 'Linux 3.11 and newer', type: 'linux',
      version: '3.11 and newer' });
    assert.equal(events[1]?.netwatch.asset.os_confidence, 90);
    assert.deepEqual(events[1]?.host.mac, ['3C-22-FB-12-34-56']);
    assert.deepEqual(events[2]?.host.ip, ['10.20.0.5']);
    assert.equal(events[2]?.host.mac, undefined);
    assert.equal(events[2]?.netwatch.asset.source, 'p0f');
  });

  it('evicts the least recently seen device when full, and counts it', async () => {
    const frames = [0, 1, 2].map((i) => ({ at: i,
      frame: arpFrame(1, mac(`02:00:00:00:01:0${i}`), `192.168.1.${10 + i}`, new Uint8Array(6), '192.168.1.1') }));
    const { analyzer, metrics } = await run(frames, { maxDevices: 2 });
    assert.equal(analyzer.registry.size, 2);
    assert.equal(analyzer.registry.get(0x020000000100), undefined);
    assert.match(metrics, /netwatch_asset_evictions_total\{service="asset-test"\} 1/);
    assert.match(metrics, /netwatch_asset_devices\{service="asset-test"\} 2/);
  });

  it('counts malformed messages by protocol and reason, and publishes nothing for them', async () => {
    const badDhcp = dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(53, [1, 2])] });
    const lldp = sampleLldp();
    const { events, analyzer, metrics } = await run([
      { at: 0, frame: dhcpClient(badDhcp) },
      { at: 1, frame: lldpFrame(lldp.subarray(0, 5)) },
      { at: 2, frame: cdpFrame(concat(sampleCdp().subarray(0, 4), Uint8Array.of(0, 1, 0, 1))) },
      { at: 3, frame: udpFrame({ srcMac: LAPTOP_MAC, dstMac: SSDP_MULTICAST, src: '192.168.1.23',
        dst: '239.255.255.250', sport: 1900, dport: 1900 }, new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n')) },
      { at: 4, frame: udpFrame({ srcMac: LAPTOP_MAC, dstMac: BROADCAST, src: '192.168.1.23', dst: '192.168.1.255',
        sport: 137, dport: 137 }, Uint8Array.of(1, 2, 3)) },
    ]);
    assert.equal(events.length, 0);
    assert.deepEqual(analyzer.stats.malformed.dhcp, { bad_option_length: 1 });
    assert.deepEqual(analyzer.stats.malformed.lldp, { tlv_truncated: 1 });
    assert.deepEqual(analyzer.stats.malformed.cdp, { bad_tlv_length: 1 });
    assert.deepEqual(analyzer.stats.malformed.ssdp, { bad_start_line: 1 });
    assert.deepEqual(analyzer.stats.malformed.nbns, { truncated: 1 });
    assert.match(metrics, /netwatch_asset_malformed_total\{protocol="dhcp",reason="bad_option_length",service="asset-test"\} 1/);
  });
});
