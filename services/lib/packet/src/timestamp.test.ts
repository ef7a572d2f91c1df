// Checks the allocation-free 64-bit timestamp division against BigInt for every fast-path resolution.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPacketView } from './packet-view.js';
import { TimestampConverter } from './timestamp.js';

function reference(ticks: bigint, base: 10 | 2, exponent: number): [number, number] {
  const d = BigInt(base) ** BigInt(exponent);
  return [Number(ticks / d), Number(((ticks % d) * 1_000_000_000n) / d)];
}

describe('TimestampConverter', () => {
  it('matches BigInt exactly for 10^-0..10^-12 and 2^-0..2^-40', () => {
    let s = 0x2545f491n;
    const next64 = () => {
      s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      return s;
    };
    const view = createPacketView();
    const resolutions: [10 | 2, number][] = [];
    for (let e = 0; e <= 12; e++) resolutions.push([10, e]);
    for (let e = 0; e <= 40; e++) resolutions.push([2, e]);
    for (const [base, exponent] of resolutions) {
      const conv = new TimestampConverter(base, exponent, 0);
      const d = BigInt(base) ** BigInt(exponent);
      for (let i = 0; i < 2000; i++) {
        // Mostly realistic times (2^53 seconds is out of range for Number), plus edge values.
        let ticks = next64() % (2n ** 40n * d);
        if (ticks > 0xffffffffffffffffn) ticks = next64();
        if (i === 0) ticks = 0n;
        if (i === 1) ticks = d - 1n;
        if (i === 2) ticks = 0xffffffffn;
        if (i === 3) ticks = 0x100000000n;
        const hi = Number(ticks >> 32n);
        const lo = Number(ticks & 0xffffffffn);
        conv.set(view, hi, lo);
        const [sec, nsec] = reference(ticks, base, exponent);
        assert.deepEqual(
          [view.tsSec, view.tsNsec],
          [sec, nsec],
          `${base}^-${exponent} ticks ${ticks}`,
        );
        assert.ok(Number.isInteger(view.tsNsec) && view.tsNsec >= 0 && view.tsNsec < 1e9);
      }
    }
  });

  it('adds a negative if_tsoffset', () => {
    const view = createPacketView();
    // 7_200_000_001 µs = 1 * 2^32 + 2_905_032_705
    new TimestampConverter(10, 6, -3600).set(view, 1, 2_905_032_705);
    assert.deepEqual([view.tsSec, view.tsNsec], [3600, 1000]);
  });
});
