// Live capture on veth pairs of our own: exact counts, bytes and sequence numbers, nanosecond timestamps, filters, drop counters.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { createPacketView } from '../packet-view.js';
import { LiveCaptureError } from './live-capture-error.js';
import { type LiveCapture, openLiveCapture } from './live-capture.js';
import { PacketLog, waitFor } from './testing/packet-log.js';
import { packetSocketsOn } from './testing/packet-sockets.js';
import { haveCommand, TestNetwork, type VethPair } from './testing/network-namespace.js';
import { NumberedFrame, writeNumberedCapture } from './testing/numbered-frames.js';

const skip = process.getuid?.() === 0
  ? false
  : 'needs root: it creates network namespaces and veth pairs, and live capture needs CAP_NET_RAW and CAP_NET_ADMIN';

const TOTAL = 21_000;
const NOISE_EVERY = 20; // every 20th frame goes to another port, for the filter to drop
const WANTED = TOTAL - Math.floor(TOTAL / NOISE_EVERY);
const WANTED_PORT = 5001;
const NOISE_PORT = 5002;
const PPS = 20_000;

describe('live capture on a veth pair', { skip, timeout: 120_000 }, () => {
  let net: TestNetwork;
  let pair: VethPair;
  let dir: string;
  let pcapPath: string;
  /** Per sequence number: 1 for a wanted frame, 2 for noise; and the frame length. */
  const kind = new Uint8Array(TOTAL);
  const length = new Uint16Array(TOTAL);
  const captures: LiveCapture[] = [];

  before(() => {
    assert.ok(haveCommand('tcpreplay'), 'tcpreplay is needed to send test traffic (apt-get install tcpreplay)');
    net = new TestNetwork();
    pair = net.addVethPair();
    dir = mkdtempSync(join(tmpdir(), 'nwt-live-'));
    pcapPath = join(dir, 'numbered.pcap');
    // Sizes vary (60-1514 bytes) so bytes are checked, not just counts.
    const wanted = [60, 128, 600, 1514].map(
      (n) => new NumberedFrame({ protocol: 17, dstPort: WANTED_PORT, length: n, tag: 1 }),
    );
    const noise = new NumberedFrame({ protocol: 17, dstPort: NOISE_PORT, length: 90, tag: 1 });
    const templates = [...wanted, noise];
    const pick = (i: number) => (i % NOISE_EVERY === NOISE_EVERY - 1 ? 4 : i % 4);
    writeNumberedCapture(pcapPath, TOTAL, templates, pick);
    for (let i = 0; i < TOTAL; i++) {
      const t = pick(i);
      kind[i] = t === 4 ? 2 : 1;
      length[i] = templates[t]?.bytes.length ?? 0;
    }
  });

  after(() => {
    for (const c of captures) c.close();
    net?.destroy();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('says which interface does not exist', () => {
    const name = `${net.id}zz`;
    assert.throws(
      () => openLiveCapture({ interface: name }),
      (err: unknown) => {
        assert.ok(err instanceof LiveCaptureError);
        assert.equal(err.code, 'no_such_device');
        assert.equal(err.interfaceName, name);
        assert.match(err.message, new RegExp(`^${name}: no such network interface`));
        return true;
      },
    );
  });

  it('names a bad BPF filter and what is wrong with it', () => {
    const filter = 'udp port nope or (';
    assert.throws(
      () => openLiveCapture({ interface: pair.outside, filter }),
      (err: unknown) => {
        assert.ok(err instanceof LiveCaptureError);
        assert.equal(err.code, 'bad_filter');
        assert.ok(err.message.startsWith(`${pair.outside}: bad capture filter "${filter}": `), err.message);
        assert.ok(err.message.length > `${pair.outside}: bad capture filter "${filter}": `.length, 'libpcap says why');
        return true;
      },
    );
  });

  it('rejects out-of-range options by name', () => {
    assert.throws(() => openLiveCapture({ interface: pair.outside, snaplen: 0 }), /snaplen must be an integer from 1/);
    assert.throws(() => openLiveCapture({ interface: pair.outside, timeoutMs: 0 }), /timeoutMs must be/);
    assert.throws(() => openLiveCapture({ interface: pair.outside, snaplen: 1000, batchBytes: 100 }), /batchBytes must be/);
  });

  it('receives exactly the frames sent, in order, with nanosecond timestamps; the filter keeps only its port', async () => {
    const all = openLiveCapture({ interface: pair.outside });
    captures.push(all);
    const filtered = openLiveCapture({ interface: pair.outside, filter: `udp dst port ${WANTED_PORT}`, interfaceIndex: 3 });
    captures.push(filtered);
    assert.equal(all.linktype, LinkType.ETHERNET);
    assert.equal(all.timestampPrecision, 'nano');
    assert.equal(all.warning, undefined);
    const allLog = new PacketLog(TOTAL + 1000);
    const filteredLog = new PacketLog(TOTAL + 1000);
    let batches = 0;
    all.start((b) => {
      batches++;
      allLog.add(b);
    });
    filtered.start(filteredLog.add);

    const startMs = Date.now();
    await net.replay(pair, pcapPath, PPS);
    const endMs = Date.now();
    // The last ring block is handed over within the packet buffer timeout (50 ms).
    await waitFor(
      () => allLog.total() >= TOTAL && filteredLog.total() >= WANTED,
      5000,
      () => `${TOTAL} and ${WANTED} packets; have ${allLog.total()} and ${filteredLog.total()}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything extra would arrive by now

    // Counts, bytes and numbers: every frame once, in the order sent, nothing else.
    assert.equal(allLog.total(), TOTAL);
    assert.equal(allLog.foreign, 0, 'no packets but ours on the veth');
    let bytes = 0;
    let expectedBytes = 0;
    for (let i = 0; i < TOTAL; i++) {
      assert.equal(allLog.seq[i], i, `packet ${i} carries sequence number ${i}`);
      assert.equal(allLog.caplen[i], length[i]);
      assert.equal(allLog.origlen[i], length[i]);
      assert.equal(allLog.interfaceIndex[i], 0);
      bytes += allLog.caplen[i] ?? 0;
      expectedBytes += length[i] ?? 0;
    }
    assert.equal(bytes, expectedBytes);
    assert.ok(batches < TOTAL / 10, `batched delivery: ${batches} batches for ${TOTAL} packets`);

    // Timestamps: monotonic, inside the wall-clock window of the replay, with sub-microsecond digits.
    let subMicro = 0;
    for (let i = 0; i < TOTAL; i++) {
      const sec = allLog.tsSec[i] ?? 0;
      const nsec = allLog.tsNsec[i] ?? 0;
      assert.ok(nsec >= 0 && nsec < 1e9 && Number.isInteger(nsec));
      if (i > 0) {
        const prevSec = allLog.tsSec[i - 1] ?? 0;
        assert.ok(sec > prevSec || (sec === prevSec && nsec >= (allLog.tsNsec[i - 1] ?? 0)), `timestamp ${i} not before ${i - 1}`);
      }
      const ms = sec * 1000 + nsec / 1e6;
      assert.ok(ms >= startMs - 1 && ms <= endMs + 1, `timestamp ${ms} outside [${startMs}, ${endMs}]`);
      if (nsec % 1000 !== 0) subMicro++;
    }
    assert.ok(subMicro > TOTAL / 2, `nanosecond digits present (${subMicro} of ${TOTAL} not whole microseconds)`);

    // The filter: exactly the wanted frames, noise never, tagged with its own interfaceIndex.
    assert.equal(filteredLog.total(), WANTED);
    let next = 0;
    for (let i = 0; i < WANTED; i++) {
      while (kind[next] !== 1) next++;
      assert.equal(filteredLog.seq[i], next);
      assert.equal(filteredLog.interfaceIndex[i], 3);
      next++;
    }

    // Kernel counters (PACKET_STATISTICS via pcap_stats): nothing dropped at this rate; received counts what passed the filter.
    const s = all.stats();
    assert.deepEqual(
      { received: s.received, dropped: s.dropped, packets: s.packets, discarded: s.discarded },
      { received: TOTAL, dropped: 0, packets: TOTAL, discarded: 0 },
    );
    assert.ok(Number.isInteger(s.ifDropped) && s.ifDropped >= 0, `ifDropped exposed (${s.ifDropped})`);
    const f = filtered.stats();
    assert.deepEqual([f.received, f.dropped, f.packets], [WANTED, 0, WANTED]);

    assert.equal(packetSocketsOn(pair.outside), 2);
    all.close();
    filtered.close();
    all.close(); // twice is fine
    assert.equal(packetSocketsOn(pair.outside), 0, 'close() closed the packet sockets');
    assert.deepEqual(all.stats(), s, 'stats after close are the totals at close');
    assert.throws(() => all.start(() => {}), (err: unknown) => err instanceof LiveCaptureError && err.code === 'closed');
  });

  it('sends a frame out of the interface with inject, seen on the wire byte for byte', async () => {
    const sender = openLiveCapture({ interface: pair.outside, filter: 'ether proto 0x88b5' });
    const watcher = openLiveCapture({ interface: pair.outside, filter: 'ether proto 0x88b5' });
    captures.push(sender, watcher);
    // IEEE 802 local experimental EtherType 0x88B5 to a locally administered address: nothing will act on it.
    const frame = Uint8Array.from([0x02, 0, 0, 0, 0, 0x0b, 0x02, 0, 0, 0, 0, 0x0a, 0x88, 0xb5,
      ...Array.from({ length: 46 }, (_, i) => i)]);
    const seen: Buffer[] = [];
    const view = createPacketView();
    watcher.start((batch) => {
      while (batch.next(view)) seen.push(Buffer.from(view.data.subarray(view.offset, view.offset + view.caplen)));
    });
    assert.equal(sender.inject(frame), frame.length);
    await waitFor(() => seen.length >= 1, 5000, () => `${seen.length} frames seen`);
    assert.deepEqual(seen.map((b) => b.toString('hex')), [Buffer.from(frame).toString('hex')]);
    watcher.close();
    sender.close();
    assert.throws(() => sender.inject(frame), (err: unknown) => err instanceof LiveCaptureError && err.code === 'closed');
  });

  it('refuses a second start', () => {
    const c = openLiveCapture({ interface: pair.outside });
    captures.push(c);
    c.start(() => {});
    assert.throws(() => c.start(() => {}), (err: unknown) => err instanceof LiveCaptureError && err.code === 'already_started');
    c.close();
  });

  it('reports capture_failed naming the interface when it goes away', async () => {
    const gone = net.addVethPair();
    const c = openLiveCapture({ interface: gone.outside });
    captures.push(c);
    let failure: LiveCaptureError | undefined;
    c.start(() => {}, (err) => (failure = err));
    net.inNamespace('ip', ['link', 'del', gone.inside]); // takes the outside end with it
    await waitFor(() => failure !== undefined, 5000, () => 'the capture to fail');
    assert.equal(failure?.code, 'capture_failed');
    assert.equal(failure?.interfaceName, gone.outside);
    assert.match(failure?.message ?? '', new RegExp(`^${gone.outside}: `));
    assert.equal(c.closed, true);
  });
});
