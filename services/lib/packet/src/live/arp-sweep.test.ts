// ARP sweep: the targets of a range, the request's bytes, and a real sweep of a veth whose far end answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDecodedPacket } from '../decode/decoded-packet.js';
import { decodePacket } from '../decode/decode-packet.js';
import { formatAddress, formatMac } from '../decode/address.js';
import { LinkType } from '../linktype.js';
import { createPacketView } from '../packet-view.js';
import { ArpSweep, arpRequestFrame, sweepTargets } from './arp-sweep.js';
import { type LiveCapture, openLiveCapture } from './live-capture.js';
import { waitFor } from './testing/packet-log.js';
import { OUTSIDE_MAC, TestNetwork, type VethPair } from './testing/network-namespace.js';

const ip4 = (text: string) => text.split('.').reduce((n, part) => (n * 256 + Number(part)) >>> 0, 0);
const text4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const mac = (text: string) => Uint8Array.from(text.split(':').map((h) => parseInt(h, 16)));

describe('sweepTargets', () => {
  it('lists the hosts of each prefix, without network and broadcast below /31', () => {
    assert.deepEqual(sweepTargets(['192.168.7.0/29']).map(text4),
      ['192.168.7.1', '192.168.7.2', '192.168.7.3', '192.168.7.4', '192.168.7.5', '192.168.7.6']);
    assert.deepEqual(sweepTargets(['10.0.0.4/31', '10.0.0.9']).map(text4), ['10.0.0.4', '10.0.0.5', '10.0.0.9']);
    assert.equal(sweepTargets(['10.1.0.0/16']).length, 65_534);
  });

  it('refuses IPv6, ranges over a /16 and bad text, naming the prefix', () => {
    assert.throws(() => sweepTargets(['fd00::/64']), /"fd00::\/64": an ARP sweep needs an IPv4 prefix/);
    assert.throws(() => sweepTargets(['10.0.0.0/15']), /"10\.0\.0\.0\/15": the sweep would exceed 65536/);
    assert.throws(() => sweepTargets(['lan']), /"lan" is not an IPv4 or IPv6 prefix/);
  });
});

describe('arpRequestFrame', () => {
  it('is a broadcast who-has that the decoder reads back field by field', () => {
    const frame = arpRequestFrame(mac('02:aa:bb:cc:dd:ee'), ip4('10.9.8.1'), ip4('10.9.8.77'));
    assert.equal(frame.length, 60);
    const p = createDecodedPacket();
    assert.equal(decodePacket(frame, 0, frame.length, LinkType.ETHERNET, p), 0);
    assert.equal(formatMac(frame, p.dstMacOffset), 'ff:ff:ff:ff:ff:ff');
    assert.deepEqual([p.isArp, p.arpOpcode, p.arpHwType, p.arpProtoType], [true, 1, 1, 0x0800]);
    assert.equal(formatMac(frame, p.arpSenderHwOffset), '02:aa:bb:cc:dd:ee');
    assert.equal(formatAddress(frame, p.arpSenderProtoOffset, 4), '10.9.8.1');
    assert.equal(formatMac(frame, p.arpTargetHwOffset), '00:00:00:00:00:00');
    assert.equal(formatAddress(frame, p.arpTargetProtoOffset, 4), '10.9.8.77');
  });
});

const skip = process.getuid?.() === 0 ? false : 'needs root: creates a namespace and sends ARP on its veth';

describe('ArpSweep on a veth pair', { skip, timeout: 30_000 }, () => {
  let net: TestNetwork;
  let pair: VethPair;
  const captures: LiveCapture[] = [];

  before(() => {
    net = new TestNetwork();
    pair = net.addVethPair();
    net.inNamespace('ip', ['addr', 'add', '10.99.0.5/24', 'dev', pair.inside]);
  });

  after(() => {
    for (const c of captures) c.close();
    net.destroy();
  });

  it('asks for every address at the set rate, and the one host there answers', async () => {
    const insideMac = /link\/ether ([0-9a-f:]{17})/.exec(net.inNamespace('ip', ['link', 'show', pair.inside]))?.[1];
    assert.ok(insideMac !== undefined);
    const sender = openLiveCapture({ interface: pair.outside, filter: 'arp' });
    const watcher = openLiveCapture({ interface: pair.outside, filter: 'arp' });
    captures.push(sender, watcher);
    const seen: { op: number; senderMac: string; senderIp: string; targetIp: string }[] = [];
    const view = createPacketView();
    const p = createDecodedPacket();
    watcher.start((batch) => {
      while (batch.next(view)) {
        decodePacket(view.data, view.offset, view.caplen, view.linktype, p);
        if (!p.isArp) continue;
        seen.push({ op: p.arpOpcode, senderMac: formatMac(view.data, p.arpSenderHwOffset),
          senderIp: formatAddress(view.data, p.arpSenderProtoOffset, 4),
          targetIp: formatAddress(view.data, p.arpTargetProtoOffset, 4) });
      }
    });
    let passes = 0;
    const sweep = new ArpSweep({
      prefixes: ['10.99.0.0/29'], senderMac: mac(OUTSIDE_MAC), senderIp: ip4('10.99.0.1'), ratePerSecond: 20,
      send: (frame) => sender.inject(frame), onPassDone: () => passes++,
    });
    const startedMs = Date.now();
    sweep.start();
    await waitFor(() => passes === 1 && seen.some((s) => s.op === 2), 10_000, () => JSON.stringify(seen));
    const elapsedMs = Date.now() - startedMs;
    // 5 requests (.2 … .6; .1 is the sweep's own address) at 2 per 100 ms tick: at least two ticks.
    assert.equal(sweep.sent, 5);
    assert.ok(elapsedMs >= 200, `a 5-address sweep at 20/s took ${elapsedMs} ms`);
    assert.deepEqual(seen.filter((s) => s.op === 1).map((s) => s.targetIp),
      ['10.99.0.2', '10.99.0.3', '10.99.0.4', '10.99.0.5', '10.99.0.6']);
    assert.deepEqual(seen.filter((s) => s.op === 2), [
      { op: 2, senderMac: insideMac, senderIp: '10.99.0.5', targetIp: '10.99.0.1' },
    ]);
    assert.equal(sweep.running, false);
  });
});
