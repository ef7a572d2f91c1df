// Pairing and differences: every mismatch shows up with its numbers, and nothing is paired by accident.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareConversations } from './compare.js';
import type { Conversation } from './conversation.js';

type Pair = [packets: number, bytes: number];

function conv(origin: string, aToB: Pair, bToA: Pair, more: Partial<Conversation> = {}): Conversation {
  return {
    transport: 'tcp', a: { ip: '10.0.0.1', port: 40000 }, b: { ip: '10.0.0.2', port: 80 },
    aToB: { packets: aToB[0], bytes: aToB[1] }, bToA: { packets: bToA[0], bytes: bToA[1] }, origin, communityId: '1:c',
    ...more,
  };
}

const kinds = (t: Conversation[], n: Conversation[]) => compareConversations(t, n).differences.map((d) => d.kind);

describe('compareConversations', () => {
  it('finds nothing to report when both see the same counts', () => {
    const result = compareConversations([conv('t', [5, 400], [4, 3000])], [conv('n', [5, 400], [4, 3000])]);
    assert.equal(result.pairs.length, 1);
    assert.deepEqual(result.differences, []);
  });

  it('reports a byte off by one, per direction, with both numbers', () => {
    const [d, ...rest] = compareConversations([conv('t', [5, 400], [4, 3000])], [conv('n', [5, 400], [4, 2999])]).differences;
    assert.equal(rest.length, 0);
    assert.equal(d?.kind, 'bytes');
    assert.equal(d?.detail, '10.0.0.2:80 sent: tshark 3000 bytes, netwatch 2999');
  });

  it('maps directions by address:port: the other orientation is only an initiator difference', () => {
    const swapped = conv('n', [4, 3000], [5, 400], { a: { ip: '10.0.0.2', port: 80 }, b: { ip: '10.0.0.1', port: 40000 } });
    assert.deepEqual(kinds([conv('t', [5, 400], [4, 3000])], [swapped]), ['initiator']);
  });

  it('pairs conversations on one reused 5-tuple by their counts, in any order', () => {
    const t = [conv('t1', [3, 200], [3, 250]), conv('t2', [6, 500], [5, 900])];
    const n = [conv('n2', [6, 500], [5, 900]), conv('n1', [3, 200], [3, 250])];
    const result = compareConversations(t, n);
    assert.deepEqual(result.differences, []);
    assert.deepEqual(result.pairs.map((p) => [p.tshark.origin, p.netwatch.origin]), [['t1', 'n1'], ['t2', 'n2']]);
  });

  it('reports a conversation netwatch split in two, and ones only one side has', () => {
    const split = [conv('n1', [3, 200], [3, 250]), conv('n2', [3, 300], [2, 650])];
    assert.deepEqual(kinds([conv('t', [6, 500], [5, 900])], split).sort(),
      ['bytes', 'bytes', 'only-netwatch', 'packets', 'packets']);
    const udp = conv('u', [1, 80], [1, 90], { transport: 'udp' });
    assert.deepEqual(kinds([udp], []), ['only-tshark']);
    assert.deepEqual(kinds([], [udp]), ['only-netwatch']);
  });

  it('reports a different Community ID, and keeps VLANs apart', () => {
    assert.deepEqual(kinds([conv('t', [1, 60], [1, 60])], [conv('n', [1, 60], [1, 60], { communityId: '1:d' })]),
      ['community-id']);
    assert.deepEqual(kinds([conv('t', [1, 60], [1, 60], { vlanId: 100 })], [conv('n', [1, 60], [1, 60])]).sort(),
      ['only-netwatch', 'only-tshark']);
  });
});
