// The allocation-free address parser against the schemas package's parser, on every text form of IPv4 and IPv6.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIp, parseIp } from '@netwatch/schemas';
import { parseIpWords } from './ip-words.js';

function wordsOf(bytes: Uint8Array): number[] {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    words.push((((bytes[i] as number) << 24) | ((bytes[i + 1] as number) << 16) | ((bytes[i + 2] as number) << 8) |
      (bytes[i + 3] as number)) >>> 0);
  }
  return words;
}

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe('parseIpWords', () => {
  const out = new Uint32Array(4);

  it('agrees with parseIp on random IPv4 and IPv6 addresses in canonical, full and upper-case form', () => {
    const next = rng(0x5eed);
    for (let n = 0; n < 20_000; n++) {
      const v6 = n % 2 === 1;
      const bytes = new Uint8Array(v6 ? 16 : 4);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      // Runs of zero groups, so that `::` compression is exercised.
      if (v6 && n % 3 === 0) bytes.fill(0, 2 + (next() % 6) * 2, 8 + (next() % 8));
      if (v6 && bytes[0] === 0 && bytes[10] === 0xff) bytes[0] = 0x20; // keep clear of ::ffff:0:0/96
      const canonical = formatIp(bytes);
      const forms = [canonical];
      if (v6) {
        const group = (g: number) => ((bytes[2 * g] as number) << 8) | (bytes[2 * g + 1] as number);
        const groups = Array.from({ length: 8 }, (_, g) => group(g));
        forms.push(groups.map((g) => g.toString(16).padStart(4, '0')).join(':'), canonical.toUpperCase());
      }
      for (const text of forms) {
        const version = parseIpWords(text, out);
        assert.equal(version, v6 ? 6 : 4, text);
        assert.deepEqual([...out.subarray(0, v6 ? 4 : 1)], wordsOf(parseIp(text)), text);
      }
    }
  });

  it('reads compressed forms and a trailing dotted IPv4', () => {
    const cases: [string, number[]][] = [
      ['::', [0, 0, 0, 0]],
      ['::1', [0, 0, 0, 1]],
      ['1::', [0x10000, 0, 0, 0]],
      ['2001:db8::8:800:200c:417a', [0x20010db8, 0, 0x80800, 0x200c417a]],
      ['64:ff9b::192.0.2.33', [0x64ff9b, 0, 0, 0xc0000221]],
      ['::192.0.2.33', [0, 0, 0, 0xc0000221]],
    ];
    for (const [text, words] of cases) {
      assert.equal(parseIpWords(text, out), 6, text);
      assert.deepEqual([...out], words, text);
    }
  });

  it('returns IPv4-mapped IPv6 as the IPv4 address it carries (RFC 4291 §2.5.5.2)', () => {
    assert.equal(parseIpWords('::ffff:192.0.2.1', out), 4);
    assert.equal(out[0], 0xc0000201);
    assert.equal(parseIpWords('::ffff:c000:201', out), 4);
    assert.equal(out[0], 0xc0000201);
  });

  it('refuses what is not an address', () => {
    for (const text of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1..2.3', '1.2.3.4 ', 'a.b.c.d', ':', ':::', '1:2',
      '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '1:2:3:4:5:6:7::8:9', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4',
      'fe80::1%eth0', '1:', ':1', '1:2:3:4:5:6:7:8::']) {
      assert.equal(parseIpWords(text, out), 0, JSON.stringify(text));
    }
  });
});
