// Files that cannot be opened throw CaptureFileError; damage inside a file is counted, never thrown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { forEachPacket, openCaptureFile } from './capture-file.js';
import { CaptureFileError, type CaptureFileErrorCode } from './capture-file-error.js';
import type { CaptureFileStats } from './capture-types.js';
import { PcapBufferWriter } from './pcap-writer.js';
import { fixturePath, tempDir, tempFile } from './testing/fixtures.js';
import { PcapngBuilder } from './testing/pcapng-builder.js';

function assertOpenFails(path: string, code: CaptureFileErrorCode, message: RegExp): void {
  assert.throws(
    () => openCaptureFile(path),
    (err: unknown) => {
      assert.ok(err instanceof CaptureFileError);
      assert.equal(err.code, code);
      assert.equal(err.path, path);
      assert.ok(err.message.includes(path), err.message);
      assert.match(err.message, message);
      return true;
    },
  );
}

function readBytes(name: string, bytes: Uint8Array, chunkSize?: number) {
  const path = tempFile(name, bytes);
  let packets = 0;
  const stats = forEachPacket(
    path,
    () => {
      packets++;
      return undefined;
    },
    chunkSize === undefined ? {} : { chunkSize },
  );
  assert.equal(stats.packets, packets);
  return stats;
}

const usec = () => readFileSync(fixturePath('lo-http-usec.pcap'));
const pcapng = () => readFileSync(fixturePath('lo-mixed.pcapng'));

/** Offsets where each pcap record starts, and the file end. */
function recordStarts(file: Buffer): number[] {
  const starts: number[] = [];
  let o = 24;
  while (o < file.length) {
    starts.push(o);
    o += 16 + file.readUInt32LE(o + 8);
  }
  starts.push(o);
  return starts;
}

describe('openCaptureFile: files that cannot be read at all', () => {
  it('missing file and missing directory component', () => {
    assertOpenFails('/nonexistent/netwatch/x.pcap', 'not_found', /no such file/);
    assertOpenFails(`${fixturePath('lo-http-usec.pcap')}/inside`, 'not_found', /no such file/);
  });

  it('directory', () => {
    assertOpenFails(tempDir(), 'is_directory', /is a directory/);
  });

  it('empty file and /dev/null', () => {
    assertOpenFails(tempFile('empty.pcap', new Uint8Array(0)), 'empty', /empty/);
    assertOpenFails('/dev/null', 'empty', /empty/);
  });

  it('random bytes and text are not a pcap or pcapng file', () => {
    let seed = 12345;
    const rnd = Buffer.alloc(4096, 0).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >>> 16;
    });
    assertOpenFails(tempFile('random.bin', rnd), 'bad_magic', /not a pcap or pcapng file/);
    assertOpenFails(
      tempFile('hello.txt', Buffer.from('hello world\n')),
      'bad_magic',
      /not a pcap or pcapng file \(starts 0x68656c6c\)/,
    );
    assertOpenFails(tempFile('two.bin', Buffer.from([0x00, 0x01])), 'bad_magic', /not a pcap/);
  });

  it('pcapng block type without a byte-order magic is not pcapng', () => {
    const b = Buffer.alloc(28);
    b.writeUInt32BE(0x0a0d0d0a, 0);
    b.writeUInt32LE(28, 4);
    assertOpenFails(tempFile('nobom.pcapng', b), 'bad_magic', /byte-order magic/);
  });

  it('truncated headers', () => {
    assertOpenFails(tempFile('h10.pcap', usec().subarray(0, 10)), 'truncated_header', /24 bytes/);
    assertOpenFails(tempFile('h23.pcap', usec().subarray(0, 23)), 'truncated_header', /23 of 24/);
    assertOpenFails(
      tempFile('h2.pcap', usec().subarray(0, 2)),
      'truncated_header',
      /after 2 bytes/,
    );
    assertOpenFails(tempFile('h20.pcapng', pcapng().subarray(0, 20)), 'truncated_header', /20/);
  });

  it('a header alone is a valid file with no packets', () => {
    const stats = readBytes('header-only.pcap', usec().subarray(0, 24));
    assert.deepEqual(stats, { packets: 0, bytes: 0, skippedBlocks: 0, errors: {} });
  });
});

describe('damage inside a readable pcap file is counted, not thrown', () => {
  const file = usec();
  const starts = recordStarts(file);
  const total = starts.length - 1;

  it('cut at a record boundary: all packets before it, no error', () => {
    const stats = readBytes('cut-boundary.pcap', file.subarray(0, starts[3]));
    assert.equal(stats.packets, 3);
    assert.deepEqual(stats.errors, {});
  });

  for (const [what, cut] of [
    ['inside the last record header', 5],
    ['right after the last record header', 16],
    ['inside the last record data', 30],
  ] as const) {
    it(`cut ${what}: earlier packets, then pcap_truncated_record`, () => {
      const last = starts[total - 1] ?? 0;
      for (const chunkSize of [undefined, 64]) {
        const stats = readBytes('cut.pcap', file.subarray(0, last + cut), chunkSize);
        assert.equal(stats.packets, total - 1);
        assert.deepEqual(stats.errors, { pcap_truncated_record: 1 });
      }
    });
  }

  it('caplen > 256 KiB stops with pcap_caplen_too_large', () => {
    const bad = Buffer.from(file);
    bad.writeUInt32LE(262145, (starts[2] ?? 0) + 8);
    const stats = readBytes('caplen.pcap', bad);
    assert.equal(stats.packets, 2);
    assert.deepEqual(stats.errors, { pcap_caplen_too_large: 1 });
  });

  it('caplen > origlen and a bad µs fraction are counted; the packet is delivered', () => {
    const w = new PcapBufferWriter();
    w.write(Buffer.alloc(60), 100, 0, 40);
    const bytes = w.toBuffer();
    bytes.writeUInt32LE(1_500_000, 24 + 4);
    const path = tempFile('weird.pcap', bytes);
    const r = openCaptureFile(path);
    const v = { ...emptyView() };
    assert.equal(r.next(v), true);
    assert.deepEqual([v.tsSec, v.tsNsec, v.caplen, v.origlen], [101, 500_000_000, 60, 40]);
    assert.equal(r.next(v), false);
    assert.deepEqual(r.stats.errors, { pcap_caplen_exceeds_origlen: 1, pcap_bad_ts_fraction: 1 });
    r.close();
  });

  it('unknown major version is counted and read anyway', () => {
    const bad = Buffer.from(file);
    bad.writeUInt16LE(3, 4);
    const stats = readBytes('v3.pcap', bad);
    assert.equal(stats.packets, total);
    assert.deepEqual(stats.errors, { pcap_unsupported_version: 1 });
  });
});

function emptyView() {
  return {
    data: Buffer.alloc(0),
    offset: 0,
    caplen: 0,
    origlen: 0,
    tsSec: 0,
    tsNsec: 0,
    linktype: 0,
    interfaceIndex: 0,
  };
}

describe('damage inside a readable pcapng file is counted, not thrown', () => {
  const data = Buffer.from('0123456789abcdef');

  it('cut inside the last block: pcapng_truncated_block', () => {
    const full = new PcapngBuilder().shb().idb(1).epb(0, 1n, data).epb(0, 2n, data).toBuffer();
    for (const cut of [4, 10, 30]) {
      const stats = readBytes('cut.pcapng', full.subarray(0, full.length - cut), 64);
      assert.equal(stats.packets, 1, `cut ${cut}`);
      assert.deepEqual(stats.errors, { pcapng_truncated_block: 1 });
    }
  });

  it('cut inside a skipped block is also truncation', () => {
    const full = new PcapngBuilder()
      .shb()
      .idb(1)
      .epb(0, 1n, data)
      .block(5, Buffer.alloc(40))
      .toBuffer();
    const stats = readBytes('cut-isb.pcapng', full.subarray(0, full.length - 8));
    assert.equal(stats.packets, 1);
    assert.deepEqual(stats.errors, { pcapng_truncated_block: 1 });
  });

  for (const len of [0, 8, 13, 30]) {
    it(`block length ${len} is impossible: pcapng_bad_block_length, stop`, () => {
      const b = new PcapngBuilder().shb().idb(1).epb(0, 1n, data);
      b.epb(0, 2n, data).block(6, data, { lengthOverride: len }).epb(0, 3n, data);
      const stats = readBytes('badlen.pcapng', b.toBuffer());
      assert.equal(stats.packets, 2);
      assert.deepEqual(stats.errors, { pcapng_bad_block_length: 1 });
    });
  }

  it('trailing length differs: pcapng_block_length_mismatch, stop', () => {
    const b = new PcapngBuilder().shb().idb(1).epb(0, 1n, data);
    b.block(6, Buffer.alloc(40), { trailer: 999 }).epb(0, 3n, data);
    const stats = readBytes('mismatch.pcapng', b.toBuffer());
    assert.equal(stats.packets, 1);
    assert.deepEqual(stats.errors, { pcapng_block_length_mismatch: 1 });
  });

  it('a huge length on a packet block is bad; on an unknown block past EOF, truncation', () => {
    const huge = new PcapngBuilder().shb().idb(1).epb(0, 1n, data);
    huge.block(6, data, { lengthOverride: 0x7ffffff0 });
    assert.deepEqual(readBytes('huge.pcapng', huge.toBuffer()).errors, {
      pcapng_bad_block_length: 1,
    });
    const skip = new PcapngBuilder().shb().idb(1).epb(0, 1n, data);
    skip.block(0x999, data, { lengthOverride: 0x7ffffff0 });
    assert.deepEqual(readBytes('hugeskip.pcapng', skip.toBuffer()).errors, {
      pcapng_truncated_block: 1,
    });
  });

  it('per-block damage skips the block and reading goes on', () => {
    const b = new PcapngBuilder().shb().idb(1, 0);
    b.epb(0, 1n, data);
    b.epb(7, 2n, data); // no such interface
    b.epb(0, 3n, data, 16, 300_000); // caplen > 256 KiB
    b.epb(0, 4n, data, 16, 40); // caplen runs past the block
    b.spb(100, data); // SPB origlen 100 but only 16 bytes present (snaplen 0: no limit)
    b.epb(0, 5n, data);
    const stats = readBytes('perblock.pcapng', b.toBuffer());
    assert.equal(stats.packets, 2);
    assert.deepEqual(stats.errors, {
      pcapng_bad_interface_id: 1,
      pcapng_caplen_too_large: 1,
      pcapng_bad_caplen: 2,
    });
  });

  it('packet before any IDB is a bad interface ID', () => {
    const stats = readBytes(
      'noidb.pcapng',
      new PcapngBuilder().shb().epb(0, 1n, data).spb(16, data).toBuffer(),
    );
    assert.deepEqual(stats.errors, { pcapng_bad_interface_id: 2 });
  });

  it('unsupported section version and bad later byte-order magic stop reading', () => {
    const v2 = new PcapngBuilder().shb(true, 2).idb(1).epb(0, 1n, data).toBuffer();
    assert.deepEqual(readBytes('v2.pcapng', v2).errors, { pcapng_unsupported_version: 1 });
    const good = new PcapngBuilder().shb().idb(1).epb(0, 1n, data).toBuffer();
    const bad = Buffer.from(good.subarray(0, 28));
    bad.writeUInt32LE(0x11223344, 8);
    const stats = readBytes('badbom.pcapng', Buffer.concat([good, bad]));
    assert.equal(stats.packets, 1);
    assert.deepEqual(stats.errors, { pcapng_bad_byte_order_magic: 1 });
  });

  it('an option running past its block is counted and ignored', () => {
    const b = new PcapngBuilder().shb();
    const idbBody = Buffer.alloc(12);
    idbBody.writeUInt16LE(1, 0);
    idbBody.writeUInt16LE(9, 8); // if_tsresol ...
    idbBody.writeUInt16LE(200, 10); // ... claiming 200 bytes
    b.block(1, idbBody).epb(0, 1_000_001n, data);
    const path = tempFile('badopt.pcapng', b.toBuffer());
    const r = openCaptureFile(path);
    const v = emptyView();
    assert.equal(r.next(v), true);
    assert.deepEqual([v.tsSec, v.tsNsec], [1, 1000]); // default µs resolution kept
    assert.deepEqual(r.stats.errors, { pcapng_bad_option: 1 });
    r.close();
  });
});

describe('fuzz: mutated real captures never throw and always end', () => {
  let seed = 0x9e3779b9;
  const rand = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };

  for (const name of ['lo-http-usec.pcap', 'lo-any-dumpcap.pcapng', 'multi-section.pcapng']) {
    it(name, () => {
      const orig = readFileSync(fixturePath(name));
      let counted = 0;
      for (let round = 0; round < 200; round++) {
        const b = Buffer.from(orig);
        const flips = 1 + rand(8);
        // Keep the first 28 bytes so the file still opens; damage the rest.
        for (let i = 0; i < flips; i++) b[28 + rand(b.length - 28)] = rand(256);
        const cut = rand(4) === 0 ? 28 + rand(b.length - 28) : b.length;
        let stats: CaptureFileStats | undefined;
        try {
          stats = readBytes('fuzz.bin', b.subarray(0, cut), rand(2) ? 64 : undefined);
        } catch (err) {
          assert.fail(`round ${round} threw ${String(err)}`);
        }
        if (Object.keys(stats.errors).length > 0) counted++;
      }
      assert.ok(counted > 0, 'some mutations were noticed');
    });
  }

  it('random bytes after a valid pcapng section header', () => {
    const shb = new PcapngBuilder().shb().toBuffer();
    for (let round = 0; round < 100; round++) {
      const junk = Buffer.alloc(1 + rand(300)).map(() => rand(256));
      const stats = readBytes('junk.pcapng', Buffer.concat([shb, junk]));
      assert.ok(stats.packets <= 1);
    }
  });
});
