// The generated demo capture: readable, deterministic, with valid IPv4/TCP/UDP checksums and public remotes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { forEachPacket } from '@netwatch/packet';
import { generateDemoCapture } from './demo-capture.js';

function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < bytes.length; i += 2)
    sum += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  if (bytes.length % 2 === 1) sum += (bytes[bytes.length - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

describe('demo capture', () => {
  it('is deterministic', () => {
    assert.ok(generateDemoCapture({ seconds: 2 }).equals(generateDemoCapture({ seconds: 2 })));
  });

  it('holds well-formed IPv4 frames with valid checksums, spanning the requested time', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'netwatch-demo-')), 'demo.pcap');
    writeFileSync(path, generateDemoCapture({ seconds: 10, startSec: 1_700_000_000 }));
    const protocols = new Map<number, number>();
    const remotes = new Set<string>();
    let first = 0;
    let last = 0;
    const stats = forEachPacket(path, (p) => {
      const frame = p.data.subarray(p.offset, p.offset + p.caplen);
      assert.equal(frame.readUInt16BE(12), 0x0800);
      const ip = frame.subarray(14);
      const headerLength = ((ip[0] as number) & 0x0f) * 4;
      assert.equal(onesComplementSum(ip.subarray(0, headerLength)), 0xffff, 'IPv4 header checksum');
      const total = ip.readUInt16BE(2);
      assert.equal(total, frame.length - 14);
      const protocol = ip[9] as number;
      protocols.set(protocol, (protocols.get(protocol) ?? 0) + 1);
      const l4 = ip.subarray(headerLength, total);
      if (protocol === 6 || protocol === 17) {
        let pseudo = protocol + l4.length;
        for (let i = 12; i < 20; i += 2) pseudo += ip.readUInt16BE(i);
        assert.equal(
          onesComplementSum(l4, pseudo),
          0xffff,
          `${protocol === 6 ? 'TCP' : 'UDP'} checksum`,
        );
      } else {
        assert.equal(onesComplementSum(l4), 0xffff, 'ICMP checksum');
      }
      const dst = [...ip.subarray(16, 20)].join('.');
      if (!dst.startsWith('192.168.')) remotes.add(dst);
      const t = p.tsSec + p.tsNsec / 1e9;
      if (first === 0) first = t;
      assert.ok(t >= last, 'timestamps never go backwards');
      last = t;
      return true;
    });
    assert.deepEqual(stats.errors, {});
    assert.ok(stats.packets > 100, `${stats.packets} packets`);
    assert.deepEqual(
      [...protocols.keys()].sort((a, b) => a - b),
      [1, 6, 17],
      'ICMP, TCP and UDP',
    );
    assert.ok(remotes.size >= 5, 'talks to several public remotes');
    assert.ok(last - first >= 9 && last - first < 11, `spans ~10 s (${last - first})`);
  });
});
