// Round-trips packets through the pcap writer and reader in both resolutions and byte orders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { forEachPacket, openCaptureFile } from './capture-file.js';
import { LinkType } from './linktype.js';
import { createPacketView } from './packet-view.js';
import { encodePcapHeader, PcapBufferWriter, PcapFileWriter } from './pcap-writer.js';
import { fixturePath, tempDir, tempFile } from './testing/fixtures.js';

interface Pkt {
  data: Buffer;
  tsSec: number;
  tsNsec: number;
  origlen: number;
}

function packets(n: number): Pkt[] {
  let seed = 7;
  const r = (m: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % m;
  };
  const out: Pkt[] = [];
  for (let i = 0; i < n; i++) {
    const len = i === 5 ? 70_000 : r(1600);
    const data = Buffer.alloc(len);
    for (let j = 0; j < len; j++) data[j] = r(256);
    out.push({ data, tsSec: 1_700_000_000 + i, tsNsec: r(1_000_000_000), origlen: len + r(3) });
  }
  return out;
}

describe('pcap writer', () => {
  const input = packets(300);

  for (const nanosecond of [false, true]) {
    for (const bigEndian of [false, true]) {
      it(`round-trips ${nanosecond ? 'ns' : 'µs'} ${bigEndian ? 'big' : 'little'}-endian`, () => {
        const w = new PcapBufferWriter({ linktype: LinkType.RAW, nanosecond, bigEndian });
        for (const p of input) w.write(p.data, p.tsSec, p.tsNsec, p.origlen);
        const bytes = w.toBuffer();
        assert.equal(
          bytes.readUInt32BE(0),
          bigEndian ? (nanosecond ? 0xa1b23c4d : 0xa1b2c3d4) : nanosecond ? 0x4d3cb2a1 : 0xd4c3b2a1,
        );
        const r = openCaptureFile(tempFile('rt.pcap', bytes), { chunkSize: 4096 });
        assert.equal(r.interfaces[0]?.linktype, LinkType.RAW);
        const v = createPacketView();
        let i = 0;
        while (r.next(v)) {
          const p = input[i++];
          assert.ok(p);
          assert.ok(v.data.subarray(v.offset, v.offset + v.caplen).equals(p.data));
          assert.equal(v.origlen, p.origlen);
          assert.equal(v.tsSec, p.tsSec);
          assert.equal(v.tsNsec, nanosecond ? p.tsNsec : Math.floor(p.tsNsec / 1000) * 1000);
          assert.equal(v.linktype, LinkType.RAW);
        }
        assert.equal(i, input.length);
        assert.deepEqual(r.stats.errors, {});
        r.close();
      });
    }
  }

  it('cuts packets to snaplen and keeps origlen', () => {
    const w = new PcapBufferWriter({ snaplen: 10 });
    w.write(Buffer.alloc(50, 1), 1, 0);
    const r = openCaptureFile(tempFile('snap.pcap', w.toBuffer()));
    const v = createPacketView();
    assert.equal(r.next(v), true);
    assert.deepEqual([v.caplen, v.origlen, r.interfaces[0]?.snaplen], [10, 50, 10]);
    r.close();
  });

  it('file writer copies a real capture byte for byte', () => {
    const src = fixturePath('lo-http-usec.pcap');
    const out = join(tempDir(), 'copy.pcap');
    const w = new PcapFileWriter(out, { linktype: LinkType.ETHERNET });
    forEachPacket(src, (v) => {
      w.writePacket(v);
      return undefined;
    });
    w.close();
    w.close();
    assert.ok(readFileSync(out).equals(readFileSync(src)));
  });

  it('header layout (draft-ietf-opsawg-pcap §4)', () => {
    assert.equal(
      encodePcapHeader({ linktype: 276, snaplen: 65535 }).toString('hex'),
      'd4c3b2a1020004000000000000000000ffff000014010000',
    );
  });
});
