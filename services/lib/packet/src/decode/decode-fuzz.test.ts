// Fuzz: a million seeded random, truncated and bit-flipped inputs; no throw, known codes, counts add up, bounded heap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DECODE_ERROR_COUNT, DecodeStats } from './decode-error.js';
import { decodePacket } from './decode-packet.js';
import { createDecodedPacket } from './decoded-packet.js';
import { FuzzInputs } from './testing/fuzz-inputs.js';

/** `gc()` even without --expose-gc (the flag can be set at run time; the function lives in a new context). */
function getGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface FuzzResult {
  stats: DecodeStats;
  bad: number;
}

/**
 * Runs `n` inputs through decodePacket. Allocation-free itself (one buffer, numbers only), so
 * any heap growth would be the decoder's.
 */
function fuzz(n: number, seed: number): FuzzResult {
  const inputs = new FuzzInputs(seed);
  const buf = inputs.buffer;
  const p = createDecodedPacket();
  const stats = new DecodeStats();
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const { offset, caplen, linktype } = inputs.next();
    let code: number;
    try {
      code = decodePacket(buf, offset, caplen, linktype, p);
    } catch (err) {
      const input = Buffer.from(buf.subarray(offset, offset + caplen)).toString('hex');
      throw new Error(`input ${i} (linktype ${linktype}) threw: ${input}`, { cause: err });
    }
    if (!(code >>> 0 === code && code < DECODE_ERROR_COUNT)) bad++;
    // Structural invariants: the payload never leaves the captured range.
    if (p.payloadOffset >= 0 && (p.payloadLength < 0 || p.payloadOffset + p.payloadLength > offset + caplen)) bad++;
    stats.count(code);
  }
  return { stats, bad };
}

describe('decodePacket fuzz', () => {
  it('survives 1,200,000 seeded inputs across link types with bounded heap', (t) => {
    const gc = getGc();
    fuzz(100_000, 1); // warm up: let V8 optimise before measuring
    gc();
    const before = process.memoryUsage().heapUsed;
    const n = 1_200_000;
    const started = performance.now();
    const { stats, bad } = fuzz(n, 0x5eed);
    const ms = performance.now() - started;
    gc();
    const growth = process.memoryUsage().heapUsed - before;

    assert.equal(bad, 0, 'unknown codes or payload outside the capture');
    assert.equal(stats.total(), n);
    const seen = Object.keys(stats.toJSON());
    // The mix must reach deep layers, not just bounce off the link header.
    assert.ok(seen.length >= 28, `only ${seen.length} distinct results: ${seen.join(' ')}`);
    assert.ok((stats.counts[0] as number) > n / 20, 'too few clean decodes');
    assert.ok(growth < 5 * 1024 * 1024, `heap grew ${growth} bytes`);
    t.diagnostic(`fuzz: ${n} inputs in ${ms.toFixed(0)} ms, heap ${(growth / 1024).toFixed(0)} KiB, ${JSON.stringify(stats)}`);
  });
});
