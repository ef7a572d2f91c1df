// Reads every real fixture and compares counts, lengths, timestamps and interfaces with tshark's view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { forEachPacket, openCaptureFile } from './capture-file.js';
import { LinkType } from './linktype.js';
import { createPacketView, type PacketView } from './packet-view.js';
import { expectation, fixtureNames, fixturePath } from './testing/fixtures.js';

interface Seen {
  len: number;
  caplen: number;
  time: string;
  ifIndex: number;
  linktype: number;
  bytes: Buffer;
}

function readAll(
  name: string,
  chunkSize?: number,
): { seen: Seen[]; reader: ReturnType<typeof openCaptureFile> } {
  const reader = openCaptureFile(fixturePath(name), chunkSize === undefined ? {} : { chunkSize });
  const view = createPacketView();
  const seen: Seen[] = [];
  while (reader.next(view)) {
    seen.push({
      len: view.origlen,
      caplen: view.caplen,
      time: `${view.tsSec}.${String(view.tsNsec).padStart(9, '0')}`,
      ifIndex: view.interfaceIndex,
      linktype: view.linktype,
      bytes: Buffer.from(view.data.subarray(view.offset, view.offset + view.caplen)),
    });
  }
  reader.close();
  return { seen, reader };
}

/** tshark's first protocol for each link type we capture in the fixtures. */
const FIRST_PROTOCOL: Record<number, string> = {
  [LinkType.ETHERNET]: 'eth',
  [LinkType.LINUX_SLL]: 'sll',
  [LinkType.LINUX_SLL2]: 'sll',
};

/** Offset of the EtherType / protocol field for each link type: all fixture traffic is IPv4. */
const ETHERTYPE_AT: Record<number, number> = {
  [LinkType.ETHERNET]: 12,
  [LinkType.LINUX_SLL]: 14,
  [LinkType.LINUX_SLL2]: 0,
};

describe('capture files made by tcpdump, dumpcap, mergecap and editcap', () => {
  const names = fixtureNames();

  it('has the fixtures the script makes', () => {
    assert.ok(names.length >= 10, `only ${names.length} fixtures`);
  });

  for (const name of names) {
    it(`${name}: same frames as tshark`, () => {
      const want = expectation(name);
      const { seen, reader } = readAll(name);
      assert.equal(reader.format, name.endsWith('.pcapng') ? 'pcapng' : 'pcap');
      assert.ok(want.frames.length > 0);
      assert.equal(seen.length, want.frames.length);
      // tshark's frame.interface_id is the ID inside the packet's section.
      assert.deepEqual(
        seen.map((s) => [s.len, s.caplen, s.time, reader.interfaces[s.ifIndex]?.idInSection]),
        want.frames.map(([len, caplen, time, ifId]) => [len, caplen, time, ifId]),
      );
      for (const [i, s] of seen.entries()) {
        assert.equal(FIRST_PROTOCOL[s.linktype], want.frames[i]?.[4], `frame ${i} linktype`);
        const at = ETHERTYPE_AT[s.linktype] ?? -1;
        assert.equal(s.bytes.readUInt16BE(at), 0x0800, `frame ${i} is IPv4`);
      }
      assert.deepEqual(reader.stats.errors, {});
      assert.equal(reader.stats.packets, seen.length);
      assert.equal(
        reader.stats.bytes,
        seen.reduce((n, s) => n + s.caplen, 0),
      );
    });

    it(`${name}: 64-byte chunks (every record straddles or exceeds a chunk) give the same packets`, () => {
      const big = readAll(name).seen;
      const small = readAll(name, 64).seen;
      assert.deepEqual(small, big);
    });
  }

  it('pcap header fields: link types, snaplen, resolution', () => {
    const cases: [string, number, number, number][] = [
      ['lo-http-usec.pcap', LinkType.ETHERNET, 262144, 6],
      ['lo-http-usec-be.pcap', LinkType.ETHERNET, 262144, 6],
      ['lo-http-nsec-snap96.pcap', LinkType.ETHERNET, 96, 9],
      ['any-udp-sll.pcap', LinkType.LINUX_SLL, 262144, 6],
      ['any-udp-sll2.pcap', LinkType.LINUX_SLL2, 262144, 9],
    ];
    for (const [name, linktype, snaplen, exponent] of cases) {
      const r = openCaptureFile(fixturePath(name));
      assert.deepEqual(
        r.interfaces.map((i) => [i.linktype, i.snaplen, i.tsResolution.exponent, i.fcsLength]),
        [[linktype, snaplen, exponent, undefined]],
        name,
      );
      r.close();
    }
  });

  it('pcapng interfaces: two IDBs with their own link type and if_tsresol', () => {
    const { seen, reader } = readAll('multi-interface.pcapng');
    assert.deepEqual(
      reader.interfaces.map((i) => [i.linktype, i.tsResolution.base, i.tsResolution.exponent]),
      [
        [LinkType.ETHERNET, 10, 6],
        [LinkType.LINUX_SLL2, 10, 9],
      ],
    );
    assert.ok(
      seen.some((s) => s.ifIndex === 1 && !s.time.endsWith('000')),
      'ns timestamps kept',
    );
  });

  it('dumpcap on two interfaces names them (if_name)', () => {
    const { reader } = readAll('lo-any-dumpcap.pcapng');
    assert.deepEqual(
      reader.interfaces.map((i) => i.name),
      ['lo', 'any'],
    );
  });

  it('multi-section pcapng: interface numbering restarts per section, indexes stay file-wide', () => {
    const { seen, reader } = readAll('multi-section.pcapng');
    assert.deepEqual(
      reader.interfaces.map((i) => [i.section, i.idInSection]),
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    );
    assert.deepEqual([...new Set(seen.map((s) => s.ifIndex))].sort(), [0, 1, 2]);
    assert.ok(reader.stats.skippedBlocks >= 1, 'dumpcap ISB skipped');
  });

  it('the same packets in different containers have the same bytes', () => {
    const bytes = (name: string) => readAll(name).seen.map((s) => s.bytes.toString('hex'));
    assert.deepEqual(bytes('lo-http-usec-be.pcap'), bytes('lo-http-usec.pcap'));
    assert.deepEqual(bytes('lo-mixed-editcap-nsec.pcap'), bytes('lo-mixed.pcapng'));
    // mergecap keeps every packet of its inputs.
    const merged = new Set(bytes('multi-interface.pcapng'));
    for (const b of [...bytes('lo-http-usec.pcap'), ...bytes('any-udp-sll2.pcap')]) {
      assert.ok(merged.has(b));
    }
  });

  it('the view points into the file: bytes equal the file slice for pcap', () => {
    const file = readFileSync(fixturePath('lo-http-usec.pcap'));
    let at = 24;
    forEachPacket(fixturePath('lo-http-usec.pcap'), (v: PacketView) => {
      const want = file.subarray(at + 16, at + 16 + v.caplen);
      assert.ok(v.data.subarray(v.offset, v.offset + v.caplen).equals(want));
      at += 16 + v.caplen;
      return undefined;
    });
    assert.equal(at, file.length);
  });

  it('forEachPacket stops when the callback returns false and returns stats', () => {
    let n = 0;
    const stats = forEachPacket(fixturePath('lo-mixed.pcapng'), () => ++n < 3);
    assert.equal(n, 3);
    assert.equal(stats.packets, 3);
  });

  it('next() after close() returns false', () => {
    const r = openCaptureFile(fixturePath('lo-http-usec.pcap'));
    const v = createPacketView();
    assert.equal(r.next(v), true);
    r.close();
    r.close();
    assert.equal(r.next(v), false);
  });
});
