// The record layer: hellos split at every byte, across records, sharing records; lying headers; the buffer cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPLICATION_DATA, CHANGE_CIPHER_SPEC, clientHelloBody, ext, HANDSHAKE, handshake, records } from '../testing/hello-builder.js';
import { MAX_RECORD_LENGTH, type ReadResult, RecordReader } from './record-reader.js';

interface Seen {
  messages: string[];
  others: number[];
}

function reader(maxBytes = 65536, stopAfter = Infinity): { reader: RecordReader; seen: Seen } {
  const seen: Seen = { messages: [], others: [] };
  const r = new RecordReader({
    onHandshake: (type, b, start, length) => {
      seen.messages.push(`${type}:${Buffer.from(b.subarray(start, start + length)).toString('hex')}`);
      return seen.messages.length < stopAfter;
    },
    onOtherRecord: (type) => {
      seen.others.push(type);
      return true;
    },
  }, maxBytes);
  return { reader: r, seen };
}

const hello = handshake(1, clientHelloBody({ ciphers: [0x1301], extensions: [ext.sni('example.com'), ext.padding(600)] }));
const helloText = `1:${hello.subarray(4).toString('hex')}`;

function pushAll(r: RecordReader, bytes: Buffer, chunk: number): ReadResult {
  let result: ReadResult = 'more';
  for (let at = 0; at < bytes.length && result === 'more'; at += chunk) {
    result = r.push(bytes, at, Math.min(chunk, bytes.length - at));
  }
  return result;
}

describe('RecordReader', () => {
  it('joins a hello fed one byte at a time', () => {
    const { reader: r, seen } = reader();
    assert.equal(pushAll(r, records(HANDSHAKE, hello), 1), 'more');
    assert.deepEqual(seen.messages, [helloText]);
    assert.equal(r.bufferedBytes, 0);
  });

  it('joins a hello spread over several records and segments', () => {
    for (const fragment of [1, 7, 100, 333]) {
      for (const chunk of [3, 50, 1460]) {
        const { reader: r, seen } = reader();
        assert.equal(pushAll(r, records(HANDSHAKE, hello, fragment), chunk), 'more');
        assert.deepEqual(seen.messages, [helloText], `fragment ${fragment} chunk ${chunk}`);
      }
    }
  });

  it('splits messages that share one record, and reads at an offset', () => {
    const two = Buffer.concat([handshake(2, Buffer.from([1, 2, 3])), handshake(11, Buffer.from([4]))]);
    const wire = Buffer.concat([Buffer.alloc(3, 0xff), records(HANDSHAKE, two)]);
    const { reader: r, seen } = reader();
    assert.equal(r.push(wire, 3, wire.length - 3), 'more');
    assert.deepEqual(seen.messages, ['2:010203', '11:04']);
  });

  it('skips other records by counting and reports their type', () => {
    const wire = Buffer.concat([records(HANDSHAKE, hello), records(CHANGE_CIPHER_SPEC, Buffer.from([1])),
      records(APPLICATION_DATA, Buffer.alloc(5000, 0x55))]);
    const { reader: r, seen } = reader();
    assert.equal(pushAll(r, wire, 999), 'more');
    assert.deepEqual(seen.others, [20, 23]);
    assert.equal(r.bufferedBytes, 0);
  });

  it('stops when the sink has what it needs', () => {
    const wire = Buffer.concat([records(HANDSHAKE, hello), records(HANDSHAKE, hello)]);
    const { reader: r, seen } = reader(65536, 1);
    assert.equal(r.push(wire, 0, wire.length), 'stop');
    assert.equal(seen.messages.length, 1);
  });

  it('rejects lying or foreign record headers', () => {
    const cases: [number[], ReadResult][] = [
      [[22, 3, 1, (MAX_RECORD_LENGTH + 1) >> 8, (MAX_RECORD_LENGTH + 1) & 0xff], 'record_length'],
      [[22, 3, 1, 0, 0], 'record_length'],
      [[0x47, 0x45, 0x54, 0x20, 0x2f], 'record_type'], // "GET /"
      [[23, 3, 3, 0, 5], 'record_type'], // data before any handshake
      [[22, 2, 0, 0, 5], 'record_version'],
      [[22, 3, 9, 0, 5], 'record_version'],
    ];
    for (const [header, expected] of cases) {
      const { reader: r } = reader();
      assert.equal(r.push(Buffer.from(header), 0, 5), expected, header.join(','));
    }
  });

  it('accepts the largest legal record and a message straddling records', () => {
    const big = handshake(1, Buffer.alloc(MAX_RECORD_LENGTH, 0));
    const { reader: r, seen } = reader();
    assert.equal(pushAll(r, records(HANDSHAKE, big, MAX_RECORD_LENGTH), 4096), 'more');
    assert.equal(seen.messages.length, 1);
  });

  it('refuses a handshake message changing content type mid-message (RFC 8446 §5.1)', () => {
    const half = records(HANDSHAKE, hello.subarray(0, 100));
    const { reader: r } = reader();
    assert.equal(r.push(Buffer.concat([half, records(CHANGE_CIPHER_SPEC, Buffer.from([1]))]), 0, half.length + 6),
      'unexpected_message');
  });

  it('stops at the buffer cap, whether the message claims too much or keeps coming', () => {
    const claims = Buffer.from([22, 3, 1, 0, 4, 1, 0xff, 0xff, 0xff]);
    assert.equal(reader(4096).reader.push(claims, 0, claims.length), 'overflow');
    const { reader: r } = reader(4096);
    assert.equal(pushAll(r, records(HANDSHAKE, handshake(11, Buffer.alloc(5000))), 1000), 'overflow');
    assert.ok(r.bufferedBytes <= 4096);
  });
});
