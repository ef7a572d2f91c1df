// Two interfaces captured at once: one handle each, one callback, every packet tagged with its capture's interfaceIndex.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type LiveCaptureGroup, openLiveCaptures } from './live-captures.js';
import { haveCommand, TestNetwork, type VethPair } from './testing/network-namespace.js';
import { PacketLog, waitFor } from './testing/packet-log.js';
import { packetSocketsOn } from './testing/packet-sockets.js';
import { NumberedFrame, writeNumberedCapture } from './testing/numbered-frames.js';

const skip = process.getuid?.() === 0
  ? false
  : 'needs root: it creates network namespaces and veth pairs, and live capture needs CAP_NET_RAW and CAP_NET_ADMIN';

const PER_LINK = [6000, 4000];

describe('several live captures at once', { skip, timeout: 120_000 }, () => {
  let net: TestNetwork;
  let pairs: VethPair[];
  let dir: string;
  let group: LiveCaptureGroup | undefined;

  before(() => {
    assert.ok(haveCommand('tcpreplay'), 'tcpreplay is needed to send test traffic (apt-get install tcpreplay)');
    net = new TestNetwork();
    pairs = [net.addVethPair(), net.addVethPair()];
    dir = mkdtempSync(join(tmpdir(), 'nwt-live-'));
  });

  after(() => {
    group?.close();
    net?.destroy();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('tells the interfaces apart by interfaceIndex', async () => {
    const files = PER_LINK.map((count, link) => {
      const path = join(dir, `link${link}.pcap`);
      // The tag in each frame says which link it was sent on: 10 for the first, 11 for the second.
      const frame = new NumberedFrame({ protocol: 17, dstPort: 5001, length: 100, tag: 10 + link });
      writeNumberedCapture(path, count, [frame]);
      return path;
    });
    const [first, second] = pairs as [VethPair, VethPair];
    group = openLiveCaptures([{ interface: first.outside }, { interface: second.outside, interfaceIndex: 7 }]);
    assert.deepEqual(
      group.captures.map((c) => [c.interfaceName, c.interfaceIndex]),
      [[first.outside, 0], [second.outside, 7]],
    );
    assert.deepEqual(group.interfaceNames()[7], second.outside);
    const log = new PacketLog(20_000);
    let batchesWithMixedIndex = 0;
    group.start((batch) => {
      const before = log.count;
      log.add(batch);
      for (let i = before; i < log.count; i++) {
        if (log.interfaceIndex[i] !== batch.interfaceIndex) batchesWithMixedIndex++;
      }
    });
    await Promise.all(files.map((file, link) => net.replay(pairs[link] as VethPair, file, 10_000)));
    const total = PER_LINK.reduce((a, b) => a + b, 0);
    await waitFor(() => log.total() >= total, 5000, () => `${total} packets; have ${log.total()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    assert.equal(log.total(), total);
    assert.equal(log.foreign, 0);
    assert.equal(batchesWithMixedIndex, 0, 'a batch holds one interface only');
    const next = [0, 0];
    for (let i = 0; i < log.count; i++) {
      const link = (log.tag[i] ?? 0) - 10;
      assert.ok(link === 0 || link === 1, `packet ${i} has a known tag`);
      assert.equal(log.interfaceIndex[i], link === 0 ? 0 : 7, `packet ${i} sent on link ${link}`);
      assert.equal(log.seq[i], next[link], `link ${link} in order`);
      next[link] = (next[link] ?? 0) + 1;
    }
    assert.deepEqual(next, PER_LINK);
    const stats = group.stats();
    assert.deepEqual(stats.map((s) => [s.received, s.dropped, s.packets]), PER_LINK.map((n) => [n, 0, n]));
    group.close();
  });

  it('closes those already open when one fails to open', () => {
    const [first] = pairs as [VethPair];
    assert.equal(packetSocketsOn(first.outside), 0);
    assert.throws(
      () => openLiveCaptures([{ interface: first.outside }, { interface: `${net.id}zz` }]),
      (err: unknown) => (err as { code?: string }).code === 'no_such_device',
    );
    assert.equal(packetSocketsOn(first.outside), 0, 'the first capture was closed');
  });
});
