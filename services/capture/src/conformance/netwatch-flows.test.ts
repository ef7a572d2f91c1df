// Reading replay output: only flow records, validated, and per flow id the final (largest, cumulative) record.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFor } from '@netwatch/schemas';
import { parseReplay } from './netwatch-flows.js';

function flowLine(id: string, reason: string, packets: [number, number], bytes: [number, number]): string {
  const example = structuredClone(exampleFor('netwatch.flow.v1'));
  const value = {
    ...example,
    netwatch: { ...example.netwatch, flow: { ...example.netwatch.flow, id, export_reason: reason } },
    source: { ...example.source, packets: packets[0], bytes: bytes[0] },
    destination: { ...example.destination, packets: packets[1], bytes: bytes[1] },
  };
  return JSON.stringify({ topic: 'netwatch.flow.v1', key: value.source.ip, value });
}

describe('parseReplay', () => {
  it('keeps the last, largest record of each flow id (active-timeout updates are cumulative)', () => {
    const jsonl = [
      flowLine('f-1', 'active_timeout', [10, 12], [800, 9000]),
      JSON.stringify({ topic: 'netwatch.dns.v1', key: 'x', value: {} }),
      flowLine('f-2', 'end', [1, 1], [60, 60]),
      flowLine('f-1', 'end', [21, 39], [2874, 48213]),
      '',
    ].join('\n');
    const { conversations, records, invalid } = parseReplay(jsonl);
    assert.deepEqual(invalid, []);
    assert.equal(records.length, 3);
    assert.deepEqual(conversations.map((c) => [c.origin, c.aToB, c.bToA]), [
      ['netwatch flow f-1', { packets: 21, bytes: 2874 }, { packets: 39, bytes: 48213 }],
      ['netwatch flow f-2', { packets: 1, bytes: 60 }, { packets: 1, bytes: 60 }],
    ]);
    assert.deepEqual(conversations[0]?.a, { ip: '192.168.10.23', port: 51544 });
    assert.equal(conversations[0]?.transport, 'tcp');
  });

  it('reports a record that fails the flow schema instead of comparing it', () => {
    const broken = flowLine('f-3', 'whenever', [1, 0], [60, 0]);
    const { conversations, invalid } = parseReplay(broken);
    assert.equal(conversations.length, 0);
    assert.equal(invalid.length, 1);
    assert.match(invalid[0] ?? '', /export_reason/);
  });
});
