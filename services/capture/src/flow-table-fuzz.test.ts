// Fuzz: a million hostile frames through the decoder and the flow table: no throw, every packet accounted, heap flat.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { FuzzReport } from './testing/fuzz-driver.js';

const driver = fileURLToPath(new URL('./testing/fuzz-driver.js', import.meta.url));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

describe('FlowTable fuzz', () => {
  it('takes 1,000,000 random, truncated and bit-flipped frames without a throw, counting every one', (t) => {
    const report = JSON.parse(execFileSync(process.execPath, [driver, '1000000'], { encoding: 'utf8' })) as FuzzReport;
    const s = report.stats;
    assert.equal(s.packets, report.frames);
    assert.equal(s.notIp + s.malformed + s.tcpPackets + s.udpPackets + s.icmpPackets + s.otherIpPackets, s.packets);
    const finalRecords = s.exported.idle_timeout + s.exported.end + s.exported.evicted;
    assert.equal(finalRecords, s.flowsCreated, 'every flow gets exactly one final record');
    assert.equal(s.activeFlows, 0);
    assert.ok(s.flowsCreated > 10_000, `only ${s.flowsCreated} flows: the mix should make many`);
    assert.ok(s.evicted > 0, 'the table never filled: eviction went untested');
    assert.ok(report.recordsChecked > 100);
    const [warm, half, end] = report.heap;
    // Flat: the second half million adds nothing the first did not (the first may still warm caches).
    assert.ok(end - half < 1024 * 1024, `heap grew ${end - half} bytes over the last 500,000 frames`);
    t.diagnostic(`${report.frames} frames, last 1M in ${report.ms.toFixed(0)} ms; flows ${s.flowsCreated}, evicted ` +
      `${s.evicted}, malformed ${s.malformed}, not IP ${s.notIp}, orphan fragments ${s.orphanFragments}; heap after ` +
      `warm-up ${kib(warm)}, +500k ${kib(half)}, +1M ${kib(end)}`);
  });
});
