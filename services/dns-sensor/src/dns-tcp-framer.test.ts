// TCP framing: several messages per chunk, messages and length prefixes split across chunks, zero lengths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DnsTcpFramer } from './dns-tcp-framer.js';

function framed(...messages: number[][]): Uint8Array {
  return Uint8Array.from(messages.flatMap((m) => [m.length >> 8, m.length & 0xff, ...m]));
}

function feed(chunks: Uint8Array[]): { messages: number[][]; framer: DnsTcpFramer } {
  const framer = new DnsTcpFramer();
  const messages: number[][] = [];
  for (const chunk of chunks) {
    framer.push(chunk, 0, chunk.length, (data, offset, length) => messages.push([...data.subarray(offset,
      offset + length)]));
  }
  return { messages, framer };
}

describe('DnsTcpFramer', () => {
  it('hands over several messages from one chunk', () => {
    assert.deepEqual(feed([framed([1, 2, 3], [4], [5, 6])]).messages, [[1, 2, 3], [4], [5, 6]]);
  });

  it('joins a message and its length prefix split at every possible byte', () => {
    const stream = framed([1, 2, 3, 4, 5], [6, 7]);
    for (let cut = 1; cut < stream.length; cut++) {
      const { messages, framer } = feed([stream.subarray(0, cut), stream.subarray(cut)]);
      assert.deepEqual(messages, [[1, 2, 3, 4, 5], [6, 7]], `cut at ${cut}`);
      assert.equal(framer.midMessage, false);
    }
  });

  it('joins a message delivered one byte at a time', () => {
    const stream = framed([9, 8, 7], [6]);
    const { messages } = feed([...stream].map((b) => Uint8Array.of(b)));
    assert.deepEqual(messages, [[9, 8, 7], [6]]);
  });

  it('skips and counts zero-length prefixes, and knows when it is mid-message', () => {
    const { messages, framer } = feed([Uint8Array.of(0, 0, 0, 1, 42, 0, 5, 1)]);
    assert.deepEqual(messages, [[42]]);
    assert.equal(framer.zeroLengthMessages, 1);
    assert.equal(framer.midMessage, true);
  });
});
