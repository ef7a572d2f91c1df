// The conversation-table parser: real tshark text, a known capture to pin the column order, tshark's byte rounding.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { figureMatches, parseConversationTables, splitAddressPort, table, tsharkConversations } from './tshark-conversations.js';

// Printed by this tshark (4.0) for a lab capture: a long IPv6 address shifts the later columns.
const SAMPLE = `================================================================================
IPv6 Conversations
Filter:icmpv6
                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |
                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |
fd77:6e77::1         <-> ff02::1:ff00:2             0 0 bytes         1 86 bytes        1 86 bytes      0.000000000         0.0000
fe80::2c67:8ff:feb3:f7cb <-> ff02::16                   0 0 bytes         1 110 bytes       1 110 bytes     0.126328000         0.0000
================================================================================
================================================================================
TCP Conversations
Filter:<No Filter>
                                                           |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |
                                                           | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |
fd77:6e77::1:41598         <-> fd77:6e77::2:8080               19 202 kB         19 1909 bytes      38 204 kB        0.000064000         0.0507
10.77.0.1:54298            <-> 10.77.0.2:5201                  55 3638 bytes      57 2100 kB       112 2104 kB       0.000490000         1.0044
================================================================================
`;

/** Ethernet + IPv4 + UDP frame from a to b; `origlen` may exceed the bytes stored (tshark counts origlen). */
function udpFrame(src: number, dst: number, sport: number, dport: number, payload: number): Buffer {
  const frame = Buffer.alloc(14 + 20 + 8 + payload);
  frame.writeUInt16BE(0x0800, 12);
  frame.writeUInt8(0x45, 14);
  frame.writeUInt16BE(20 + 8 + payload, 16);
  frame.writeUInt8(64, 22);
  frame.writeUInt8(17, 23);
  frame.writeUInt32BE(src, 26);
  frame.writeUInt32BE(dst, 30);
  frame.writeUInt16BE(sport, 34);
  frame.writeUInt16BE(dport, 36);
  frame.writeUInt16BE(8 + payload, 38);
  return frame;
}

/** A classic pcap (draft-ietf-opsawg-pcap §4-5) of `frames`, one millisecond apart. */
function pcap(frames: { data: Buffer; origlen?: number }[]): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(262144, 16);
  header.writeUInt32LE(1, 20);
  const records = frames.map(({ data, origlen }, i) => {
    const record = Buffer.alloc(16);
    record.writeUInt32LE(1_700_000_000, 0);
    record.writeUInt32LE(i * 1000, 4);
    record.writeUInt32LE(data.length, 8);
    record.writeUInt32LE(origlen ?? data.length, 12);
    return Buffer.concat([record, data]);
  });
  return Buffer.concat([header, ...records]);
}

describe('tshark conversation tables', () => {
  it('parses rows by tokens, IPv6 included, with frames and byte figures per direction', () => {
    const tables = parseConversationTables(SAMPLE);
    assert.deepEqual(tables.map((t) => [t.title, t.filter, t.rows.length]), [['IPv6', 'icmpv6', 2], ['TCP', '<No Filter>', 2]]);
    assert.deepEqual(table(tables, 'IPv6', 'icmpv6').rows[1], {
      a: 'fe80::2c67:8ff:feb3:f7cb', b: 'ff02::16', relativeStart: 0.126328,
      bToA: { frames: 0, bytes: { value: 0, unit: 'bytes' } },
      aToB: { frames: 1, bytes: { value: 110, unit: 'bytes' } },
    });
    const tcp = table(tables, 'TCP').rows[0];
    assert.deepEqual(tcp?.bToA, { frames: 19, bytes: { value: 202, unit: 'kB' } });
    assert.deepEqual(splitAddressPort(tcp?.a ?? ''), { ip: 'fd77:6e77::1', port: 41598 });
  });

  it('refuses a row it cannot read, and one whose directions do not add up', () => {
    assert.throws(() => parseConversationTables('TCP Conversations\nFilter:<No Filter>\nsomething else\n'), /unparsed/);
    const bad = SAMPLE.replace('38 204 kB', '39 204 kB');
    assert.throws(() => parseConversationTables(bad), /do not add up/);
  });

  it('knows how tshark rounds: exact below 10,000 bytes, then whole kB/MB truncated', () => {
    assert.ok(figureMatches(9999, { value: 9999, unit: 'bytes' }));
    assert.ok(!figureMatches(10_000, { value: 10_000, unit: 'bytes' }));
    assert.ok(figureMatches(10_000, { value: 10, unit: 'kB' }));
    assert.ok(figureMatches(10_999, { value: 10, unit: 'kB' }));
    assert.ok(!figureMatches(11_000, { value: 10, unit: 'kB' }));
    assert.ok(figureMatches(2_100_500, { value: 2100, unit: 'kB' }));
    assert.ok(figureMatches(10_000_000, { value: 10, unit: 'MB' }));
    assert.ok(!figureMatches(9_999_999, { value: 9, unit: 'MB' }));
  });

  it('"->" is A→B and "<-" is B→A, A the first sender (a known capture through the installed tshark)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwatch-tshark-conv-'));
    try {
      const a = 0x0a000001;
      const b = 0x0a000002;
      const path = join(dir, 'known.pcap');
      // A sends one 100-byte frame and one counted as 12,345 bytes; B answers with three 60-byte frames.
      writeFileSync(path, pcap([
        { data: udpFrame(a, b, 40000, 53, 58) },
        { data: udpFrame(b, a, 53, 40000, 18) },
        { data: udpFrame(b, a, 53, 40000, 18) },
        { data: udpFrame(a, b, 40000, 53, 18), origlen: 12_345 },
        { data: udpFrame(b, a, 53, 40000, 18) },
      ]));
      const rows = table(await tsharkConversations(path), 'UDP').rows;
      assert.deepEqual(rows, [{
        a: '10.0.0.1:40000', b: '10.0.0.2:53', relativeStart: 0,
        aToB: { frames: 2, bytes: { value: 12, unit: 'kB' } },
        bToA: { frames: 3, bytes: { value: 180, unit: 'bytes' } },
      }]);
      assert.ok(figureMatches(100 + 12_345, rows[0]?.aToB.bytes ?? { value: 0, unit: 'bytes' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
