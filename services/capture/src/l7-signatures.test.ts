// Payload signatures: each protocol's opening bytes are recognised from the right side, and look-alikes are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { l7Names } from './l7-ports.js';
import { signatureOf } from './l7-signatures.js';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...values: number[]) => Uint8Array.from(values);

function name(payload: Uint8Array, isTcp: boolean, fromClient: boolean): string {
  return l7Names[signatureOf(payload, 0, payload.length, isTcp, fromClient)] ?? '?';
}

describe('signatureOf', () => {
  const dnsQuery = Uint8Array.from([0xab, 0xcd, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, ...text('www'), 4, ...text('test'), 0,
    0, 1, 0, 1]);
  const mysqlGreeting = (() => {
    const body = [10, ...text('8.0.36'), 0, 1, 0, 0, 0];
    return Uint8Array.from([body.length, 0, 0, 0, ...body]);
  })();
  const cases: [string, Uint8Array, boolean, boolean][] = [
    ['http', text('GET /index.html HTTP/1.1\r\n'), true, true],
    ['http', text('HTTP/1.1 404 Not Found\r\n'), true, false],
    ['tls', bytes(0x16, 3, 1, 0, 200, 1, 0, 0, 196), true, true],
    ['tls', bytes(0x16, 3, 3, 0, 90, 2, 0, 0, 86), true, false],
    ['ssh', text('SSH-2.0-OpenSSH_9.2p1\r\n'), true, false],
    ['ssh', text('SSH-2.0-Go\r\n'), true, true],
    ['smb', bytes(0, 0, 0, 0x45, 0xfe, 0x53, 0x4d, 0x42, 64, 0), true, true],
    ['smb', bytes(0, 0, 0, 0x2f, 0xff, 0x53, 0x4d, 0x42, 0x72), true, true],
    ['rdp', bytes(3, 0, 0, 11, 6, 0xe0, 0, 0, 0, 0, 0), true, true],
    ['smtp', text('220 mail.example.org ESMTP Postfix\r\n'), true, false],
    ['smtp', text('EHLO client.example\r\n'), true, true],
    ['ftp', text('220 (vsFTPd 3.0.3)\r\n'), true, false],
    ['ftp', text('USER anonymous\r\n'), true, true],
    ['mysql', mysqlGreeting, true, false],
    ['redis', text('*1\r\n$4\r\nPING\r\n'), true, true],
    ['mqtt', bytes(0x10, 16, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 2, 0, 60, 0, 4, 0x61, 0x62, 0x63, 0x64), true, true],
    ['dns', dnsQuery, false, true],
    ['quic', bytes(0xc3, 0, 0, 0, 1, 8, 1, 2, 3, 4, 5, 6, 7, 8), false, true],
    ['ssdp', text('M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n'), false, true],
    ['ssdp', text('NOTIFY * HTTP/1.1\r\n'), false, true],
  ];
  for (const [expected, payload, isTcp, fromClient] of cases) {
    it(`${expected}: ${JSON.stringify(new TextDecoder('latin1').decode(payload.subarray(0, 12)))}`, () => {
      assert.equal(name(payload, isTcp, fromClient), expected);
    });
  }

  it('recognises nothing in look-alikes and noise', () => {
    const none: [Uint8Array, boolean, boolean][] = [
      [text('GETTING started'), true, true],
      [text('HTTP/1.1 200 OK'), true, true], // a response sent by the client side
      [bytes(0x16, 3, 9, 0, 1, 1), true, true], // TLS version byte out of range
      [text('220 welcome'), true, false], // a greeting that names no protocol
      [bytes(0xc3, 0, 0, 0, 9, 8), false, true], // unknown QUIC version
      [dnsQuery.subarray(0, 15), false, true], // question cut inside a label
      [new Uint8Array(64), false, true],
      [new Uint8Array(0), true, true],
    ];
    for (const [payload, isTcp, fromClient] of none) assert.equal(name(payload, isTcp, fromClient), '');
  });

  it('reads only inside the window it is given', () => {
    const buffer = new Uint8Array(64);
    buffer.set(text('SSH-2.0-x'), 10);
    assert.equal(signatureOf(buffer, 10, 3, true, true), 0);
    assert.equal(l7Names[signatureOf(buffer, 10, 9, true, true)], 'ssh');
  });
});
