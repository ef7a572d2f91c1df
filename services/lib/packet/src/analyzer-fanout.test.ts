// AnalyzerFanout: every analyzer sees every packet decoded once, and onTime once per later second.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PacketAnalyzer } from './analyzer.js';
import { AnalyzerFanout } from './analyzer-fanout.js';
import * as fb from './decode/testing/frame-builder.js';
import { createPacketView } from './packet-view.js';

describe('AnalyzerFanout', () => {
  it('decodes each packet once for all analyzers and ticks only when capture time enters a later second', () => {
    const seen: string[] = [];
    const decodedRecords = new Set<object>();
    const analyzer = (name: string): PacketAnalyzer => ({
      name,
      onPacket: (view, packet, error) => {
        decodedRecords.add(packet);
        seen.push(`${name}:${view.tsSec}:${packet.protocol}:${error}`);
      },
      onTime: (sec) => seen.push(`${name}:tick ${sec}`),
      finish: () => seen.push(`${name}:finish`),
    });
    const fanout = new AnalyzerFanout([analyzer('a'), analyzer('b')]);
    const frame = Buffer.from(fb.ethernet(0x0800, fb.ipv4({ protocol: 17 }, fb.udp(1, 2, new Uint8Array(4)))));
    const view = createPacketView();
    view.data = frame;
    view.caplen = view.origlen = frame.length;
    view.linktype = 1;
    for (const sec of [10, 10, 11, 10]) {
      view.tsSec = sec;
      fanout.dispatch(view);
    }
    fanout.tick(9); // an older time is still passed on: analyzers keep their own monotone clocks
    fanout.finish();
    assert.deepEqual(seen, [
      'a:tick 10', 'b:tick 10', 'a:10:17:0', 'b:10:17:0', 'a:10:17:0', 'b:10:17:0',
      'a:tick 11', 'b:tick 11', 'a:11:17:0', 'b:11:17:0', 'a:10:17:0', 'b:10:17:0',
      'a:tick 9', 'b:tick 9', 'a:finish', 'b:finish',
    ]);
    assert.equal(decodedRecords.size, 1, 'one reused DecodedPacket for everyone');
  });
});
