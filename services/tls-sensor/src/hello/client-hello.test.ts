// ClientHello parsing: every field of a full hello, hellos without extensions, and each lying length.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientHelloBody, ext } from '../testing/hello-builder.js';
import { parseClientHello } from './client-hello.js';
import type { ClientHello } from './hello-types.js';

const full = clientHelloBody({
  sessionId: Buffer.alloc(32, 0xab),
  ciphers: [0x0a0a, 0x1301, 0xc02f, 0x00ff],
  extensions: [ext.raw(0x1a1a), ext.sni('www.example.com'), ext.alpn(['h2', 'http/1.1']), ext.groups([0x2a2a, 29, 23]),
    ext.pointFormats([0]), ext.signatureAlgorithms([0x0403, 0x0804]), ext.supportedVersions([0x3a3a, 0x0304, 0x0303]),
    ext.keyShare([0x2a2a, 29]), ext.padding(5)],
});

function parse(body: Buffer): ClientHello {
  const hello = parseClientHello(body, 0, body.length);
  assert.equal(typeof hello, 'object', `malformed: ${String(hello)}`);
  return hello as ClientHello;
}

describe('parseClientHello', () => {
  it('reads every field in wire order, GREASE kept', () => {
    const hello = parse(full);
    assert.equal(hello.version, 0x0303);
    assert.equal(hello.sessionId.toString('hex'), 'ab'.repeat(32));
    assert.deepEqual(hello.ciphers, [0x0a0a, 0x1301, 0xc02f, 0x00ff]);
    assert.deepEqual(hello.extensions, [0x1a1a, 0, 16, 10, 11, 13, 43, 51, 21]);
    assert.equal(hello.sni, 'www.example.com');
    assert.deepEqual(hello.alpn, ['h2', 'http/1.1']);
    assert.deepEqual(hello.groups, [0x2a2a, 29, 23]);
    assert.deepEqual(hello.ecPointFormats, [0]);
    assert.deepEqual(hello.signatureAlgorithms, [0x0403, 0x0804]);
    assert.deepEqual(hello.supportedVersions, [0x3a3a, 0x0304, 0x0303]);
    assert.deepEqual(hello.keyShareGroups, [0x2a2a, 29]);
    assert.equal(hello.badExtensions, 0);
  });

  it('reads a hello inside a larger buffer by its bounds', () => {
    const padded = Buffer.concat([Buffer.alloc(7, 0xee), full, Buffer.alloc(9, 0xee)]);
    const hello = parseClientHello(padded, 7, 7 + full.length) as ClientHello;
    assert.equal(hello.sni, 'www.example.com');
    assert.equal(parseClientHello(padded, 7, 7 + full.length + 1), 'extension_length');
  });

  it('accepts a hello without an extension block (RFC 5246 §7.4.1.2)', () => {
    const hello = parse(clientHelloBody({ version: 0x0301, ciphers: [0x002f, 0x0035], extensions: null }));
    assert.equal(hello.version, 0x0301);
    assert.deepEqual(hello.extensions, []);
    assert.equal(hello.sni, undefined);
  });

  it('names the lying length', () => {
    const base = clientHelloBody({ ciphers: [0x1301], extensions: [ext.sni('a.b')] });
    const lie = (at: number, value: number) => {
      const copy = Buffer.from(base);
      copy[at] = value;
      return parseClientHello(copy, 0, copy.length);
    };
    assert.equal(parseClientHello(base, 0, 34), 'hello_length'); // no session id byte
    assert.equal(lie(34, 33), 'hello_length'); // session id > 32
    assert.equal(lie(36, 3), 'hello_length'); // odd cipher length
    assert.equal(lie(36, 200), 'hello_length'); // cipher vector past the end
    assert.equal(lie(39, 20), 'hello_length'); // compression methods past the end
    assert.equal(lie(42, 99), 'extension_length'); // extension block length
    assert.equal(lie(46, 50), 'extension_length'); // first extension's length past the block
    assert.equal(parseClientHello(base, 0, base.length - 1), 'extension_length');
  });

  it('lists an extension whose body lies, counts it, and leaves its field out', () => {
    const bad = clientHelloBody({ ciphers: [0x1301], extensions: [
      ext.raw(0, Buffer.from([0, 9, 0, 0, 1, 0x61])), ext.raw(16, Buffer.from([0, 3, 0, 0x68, 0x32])),
      ext.raw(43, Buffer.from([3, 3, 4])), ext.raw(10, Buffer.from([0, 1, 0])),
      ext.raw(51, Buffer.from([0, 4, 0, 29, 0, 9])),
      ext.groups([23]), ext.raw(11, Buffer.alloc(0)), ext.raw(13, Buffer.from([0, 2, 4])),
    ] });
    const hello = parse(bad);
    assert.deepEqual(hello.extensions, [0, 16, 43, 10, 51, 10, 11, 13]);
    assert.equal(hello.badExtensions, 7);
    assert.equal(hello.sni, undefined);
    assert.equal(hello.alpn, undefined);
    assert.equal(hello.supportedVersions, undefined);
    assert.deepEqual(hello.groups, [23]); // the repeated extension's valid body
    assert.equal(hello.ecPointFormats, undefined);
  });

  it('takes the first host_name of several SNI entries and ignores other name types', () => {
    const body = Buffer.from([0, 12, 1, 0, 2, 0x78, 0x78, 0, 0, 4, 0x61, 0x2e, 0x62, 0x63]);
    const hello = parse(clientHelloBody({ ciphers: [0x1301], extensions: [ext.raw(0, body)] }));
    assert.equal(hello.sni, 'a.bc');
  });
});
