// Fuzz: a million mutated DNS messages through the parser: never a throw, every input a message or a named error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededUint32 } from '../seeded-random.js';
import { DNS_ERROR_COUNT, dnsErrorNames, parseDnsMessage } from './dns-message.js';
import { be16, buildMessage, optRecord, pointerName, rdata } from './testing/dns-builder.js';

/** Valid messages using every formatter, compression and EDNS: the seeds the mutations start from. */
function seeds(): Uint8Array[] {
  const q = [{ name: 'www.example.com', type: 1 }];
  const ptr = pointerName('', 12);
  return [
    buildMessage({ questions: q, additionals: [optRecord(1232, 0, 0, true, [[8, rdata.cat([be16(1),
      Uint8Array.of(24, 0), rdata.raw(192, 0, 2)])]])] }),
    buildMessage({ flags: 0x8180, questions: q, answers: [
      { name: ptr, type: 5, rdata: pointerName('edge', 16) },
      { name: pointerName('edge', 16), type: 1, rdata: rdata.a('192.0.2.1') },
      { name: ptr, type: 28, rdata: rdata.aaaa('2001:db8::1') },
      { name: ptr, type: 15, rdata: rdata.cat([be16(10), pointerName('mail', 16)]) },
      { name: ptr, type: 16, rdata: rdata.txt('v=spf1 -all', 'x') },
      { name: ptr, type: 33, rdata: rdata.srv(0, 5, 5060, 'sip.example.com') },
    ], authorities: [{ name: pointerName('', 16), type: 6, rdata: rdata.soa('ns1.example.com',
      'hostmaster.example.com', 1, 2, 3, 4, 5) }], additionals: [optRecord(4096)] }),
    buildMessage({ flags: 0x8180, questions: [{ name: 'svc.example.com', type: 65 }], answers: [
      { name: ptr, type: 65, rdata: rdata.svcb(1, '.', [[1, rdata.raw(2, 0x68, 0x32)], [3, be16(443)],
        [4, rdata.a('192.0.2.1')], [6, rdata.aaaa('2001:db8::1')]]) },
      { name: ptr, type: 257, rdata: rdata.caa(0, 'issue', 'ca.example') },
      { name: ptr, type: 43, rdata: rdata.raw(1, 2, 13, 2, 0xaa, 0xbb) },
      { name: ptr, type: 46, rdata: rdata.cat([be16(1), rdata.raw(13, 2, 0, 0, 1, 0, 1, 2, 3, 4, 1, 2, 3, 4, 0, 1),
        pointerName('', 16), rdata.raw(9, 9)]) },
      { name: ptr, type: 0xff00, rdata: rdata.raw(1, 2, 3) },
    ] }),
    // A name of exactly 255 octets: growing any label makes it too long.
    buildMessage({ questions: [{ name: ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.'),
      type: 1 }] }),
    buildMessage({ flags: 0x8583, questions: [{ name: '1.2.0.192.in-addr.arpa', type: 12 }], answers: [
      { name: ptr, type: 12, rdata: rdata.name('host.example.com') }] }),
  ];
}

describe('parseDnsMessage fuzz', () => {
  it('takes 1,000,000 bit-flipped, truncated, pointer-injected and count-inflated messages without a throw', (t) => {
    const rand = seededUint32(0xd15);
    const bases = seeds();
    for (const base of bases) assert.equal(parseDnsMessage(base, 0, base.length).error, 0);
    const buf = new Uint8Array(1024);
    const byReason = new Array<number>(DNS_ERROR_COUNT).fill(0);
    const started = performance.now();
    const total = 1_000_000;
    for (let i = 0; i < total; i++) {
      const base = bases[rand() % bases.length] as Uint8Array;
      buf.set(base);
      let length = base.length;
      const mode = i % 5;
      if (mode === 0) {
        length = rand() % (length + 1);
      } else if (mode === 1) {
        for (let k = 1 + (rand() & 7); k > 0; k--) {
          const at = rand() % length;
          buf[at] = (buf[at] as number) ^ (1 << (rand() & 7));
        }
      } else if (mode === 2) {
        // A compression pointer written anywhere, to anywhere (loops, forward, out of range, into the header).
        const at = 12 + (rand() % (length - 13));
        buf[at] = 0xc0 | (rand() & 0x3f & (rand() & 1 ? 0 : 0xff));
        buf[at + 1] = rand() & 0xff;
      } else if (mode === 3) {
        // Lying counts.
        const at = 4 + 2 * (rand() & 3);
        buf[at] = rand() & (rand() & 1 ? 0 : 0xff);
        buf[at + 1] = rand() & 0xff;
      } else {
        for (let j = 12; j < length; j++) if ((rand() & 15) === 0) buf[j] = rand() & 0xff;
        length += rand() % 8;
      }
      let result;
      try {
        result = parseDnsMessage(buf, 0, length);
      } catch (cause) {
        throw new Error(`input ${i} threw: ${Buffer.from(buf.subarray(0, length)).toString('hex')}`, { cause });
      }
      assert.ok(result.error === 0 ? result.message !== null : result.message === null);
      byReason[result.error] = (byReason[result.error] as number) + 1;
    }
    const ms = performance.now() - started;
    assert.equal(byReason.reduce((a, b) => a + b, 0), total);
    // Every reason the parser has must have been reached, and plenty of inputs still parse.
    for (let code = 0; code < DNS_ERROR_COUNT; code++) {
      assert.ok((byReason[code] as number) > 0, `${dnsErrorNames[code]} never produced`);
    }
    t.diagnostic(`${total} inputs in ${ms.toFixed(0)} ms; ${dnsErrorNames.map((n, c) => `${n} ${byReason[c]}`)
      .join(', ')}`);
  });
});
