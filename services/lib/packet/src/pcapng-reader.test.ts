// pcapng features no tool here writes: big-endian sections, SPB, obsolete PB, power-of-2 and ps resolutions, if_tsoffset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openCaptureFile } from './capture-file.js';
import { LinkType } from './linktype.js';
import { createPacketView } from './packet-view.js';
import { tempFile } from './testing/fixtures.js';
import { PcapngBuilder, tsresol } from './testing/pcapng-builder.js';

function readAll(bytes: Buffer, chunkSize?: number) {
  const r = openCaptureFile(
    tempFile('t.pcapng', bytes),
    chunkSize === undefined ? {} : { chunkSize },
  );
  const v = createPacketView();
  const out: {
    ts: string;
    caplen: number;
    origlen: number;
    linktype: number;
    ifIndex: number;
    hex: string;
  }[] = [];
  while (r.next(v)) {
    out.push({
      ts: `${v.tsSec}.${String(v.tsNsec).padStart(9, '0')}`,
      caplen: v.caplen,
      origlen: v.origlen,
      linktype: v.linktype,
      ifIndex: v.interfaceIndex,
      hex: v.data.toString('hex', v.offset, v.offset + v.caplen),
    });
  }
  r.close();
  return { out, reader: r };
}

const pkt = (n: number, fill: number) => Buffer.alloc(n, fill);

describe('pcapng', () => {
  it('big-endian and little-endian sections read the same, byte order switching per SHB', () => {
    const build = (le: boolean) =>
      new PcapngBuilder()
        .shb(le)
        .idb(LinkType.ETHERNET, 65535, [tsresol(9)])
        .epb(0, 1_700_000_000_123_456_789n, pkt(60, 1), 1514)
        .toBuffer();
    const le = readAll(build(true)).out;
    const be = readAll(build(false)).out;
    assert.deepEqual(be, le);
    assert.deepEqual(le[0]?.ts, '1700000000.123456789');
    assert.equal(le[0]?.origlen, 1514);
    const both = readAll(Buffer.concat([build(false), build(true), build(false)]));
    assert.equal(both.out.length, 3);
    assert.deepEqual(
      both.out.map((p) => p.ifIndex),
      [0, 1, 2],
    );
  });

  it('several interfaces with their own link type, resolution and offset', () => {
    const b = new PcapngBuilder()
      .shb()
      .idb(LinkType.ETHERNET) // default 10^-6
      .idb(LinkType.RAW, 0, [tsresol(9)])
      .idb(LinkType.IPV6, 0, [tsresol(0x80 | 20)]) // 2^-20 s units
      .idb(LinkType.LINUX_SLL2, 0, [
        tsresol(12), // picoseconds (BigInt path): 2^64 ps is only 213 days, so an offset is needed
        { code: 14, value: new PcapngBuilder().u64(1_700_000_000n) },
      ])
      .idb(LinkType.IPV4, 0, [
        tsresol(3),
        { code: 14, value: new PcapngBuilder().u64(1_600_000_000n) }, // if_tsoffset
      ])
      .idb(LinkType.NULL, 0, [tsresol(0x80 | 32)]); // 2^-32: widest fast path
    b.epb(0, 1_700_000_000_000_001n, pkt(4, 0));
    b.epb(1, 1_700_000_000_999_999_999n, pkt(4, 1));
    b.epb(2, (1_700_000_000n << 20n) + 3n * 2n ** 18n + 1n, pkt(4, 2)); // .75 + 2^-20
    b.epb(3, 5_123_456_789_999n, pkt(4, 3));
    b.epb(4, 12_345n, pkt(4, 4));
    b.epb(5, (1_700_000_000n << 32n) + 2n ** 31n, pkt(4, 5));
    const { out, reader } = readAll(b.toBuffer());
    assert.deepEqual(
      out.map((p) => [p.ts, p.linktype, p.ifIndex]),
      [
        ['1700000000.000001000', LinkType.ETHERNET, 0],
        ['1700000000.999999999', LinkType.RAW, 1],
        ['1700000000.750000953', LinkType.IPV6, 2], // 2^-20 s = 953.67 ns, floored
        ['1700000005.123456789', LinkType.LINUX_SLL2, 3],
        ['1600000012.345000000', LinkType.IPV4, 4],
        ['1700000000.500000000', LinkType.NULL, 5],
      ],
    );
    assert.deepEqual(reader.interfaces[2]?.tsResolution, { base: 2, exponent: 20 });
    assert.equal(reader.interfaces[4]?.tsOffset, 1_600_000_000);
  });

  it('SPB uses interface 0 and its snaplen; obsolete PB reads like an EPB', () => {
    const b = new PcapngBuilder().shb().idb(LinkType.ETHERNET, 8).idb(LinkType.RAW);
    b.spb(100, pkt(8, 7)); // captured = min(origlen 100, snaplen 8)
    b.spb(5, pkt(5, 9)); // origlen below snaplen; block padded to 8 bytes
    b.pb(1, 2_000_000n, pkt(10, 3), 99);
    const { out } = readAll(b.toBuffer());
    assert.deepEqual(
      out.map((p) => [p.ts, p.caplen, p.origlen, p.linktype, p.hex]),
      [
        ['0.000000000', 8, 100, LinkType.ETHERNET, '0707070707070707'],
        ['0.000000000', 5, 5, LinkType.ETHERNET, '0909090909'],
        ['2.000000000', 10, 99, LinkType.RAW, '03030303030303030303'],
      ],
    );
  });

  it('NRB, ISB, DSB, custom and unknown blocks are skipped and counted', () => {
    const b = new PcapngBuilder().shb().idb(LinkType.ETHERNET);
    b.block(4, pkt(20, 0)); // NRB
    b.epb(0, 1n, pkt(3, 1));
    b.block(5, pkt(24, 0)); // ISB
    b.block(0x0a, pkt(16, 0)); // DSB
    b.block(0x00000bad, pkt(8, 0)); // custom
    b.block(0x40000bad, pkt(8, 0)); // custom, not to be copied
    b.block(0x12345678, pkt(5000, 0)); // unknown and bigger than the test chunk
    b.epb(0, 2n, pkt(3, 2));
    const { out, reader } = readAll(b.toBuffer(), 64);
    assert.equal(out.length, 2);
    assert.equal(reader.stats.skippedBlocks, 6);
    assert.deepEqual(reader.stats.errors, {});
  });

  it('packets bigger than the chunk and EPB options after the data', () => {
    const b = new PcapngBuilder().shb().idb(LinkType.ETHERNET);
    const big = Buffer.alloc(200_000);
    for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
    b.epb(0, 1n, big);
    b.epb(0, 2n, pkt(1, 5));
    const bytes = b.toBuffer();
    for (const chunk of [64, 4096, undefined]) {
      const { out } = readAll(bytes, chunk);
      assert.equal(out.length, 2);
      assert.equal(out[0]?.hex, big.toString('hex'));
      assert.equal(out[1]?.hex, '05');
    }
  });
});
