// ServerHello parsing: TLS 1.2 and 1.3 hellos, HelloRetryRequest, PSK, ALPN and lying lengths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ext, HRR_RANDOM, serverHelloBody } from '../testing/hello-builder.js';
import type { ServerHello } from './hello-types.js';
import { parseServerHello } from './server-hello.js';

function parse(body: Buffer): ServerHello {
  const hello = parseServerHello(body, 0, body.length);
  assert.equal(typeof hello, 'object', `malformed: ${String(hello)}`);
  return hello as ServerHello;
}

describe('parseServerHello', () => {
  it('reads a TLS 1.3 ServerHello', () => {
    const hello = parse(serverHelloBody({ sessionId: Buffer.alloc(32, 1), cipher: 0x1302,
      extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(29), ext.preSharedKey(0)] }));
    assert.equal(hello.version, 0x0303);
    assert.equal(hello.selectedVersion, 0x0304);
    assert.equal(hello.cipher, 0x1302);
    assert.deepEqual(hello.extensions, [43, 51, 41]);
    assert.equal(hello.keyShareGroup, 29);
    assert.equal(hello.pskAccepted, true);
    assert.equal(hello.helloRetryRequest, false);
    assert.equal(hello.sessionId.length, 32);
  });

  it('recognises a HelloRetryRequest by its random and reads the requested group', () => {
    const hello = parse(serverHelloBody({ random: HRR_RANDOM, cipher: 0x1301,
      extensions: [ext.selectedVersion(0x0304), ext.retryKeyShare(23)] }));
    assert.equal(hello.helloRetryRequest, true);
    assert.equal(hello.keyShareGroup, 23);
  });

  it('reads a TLS 1.2 ServerHello with ALPN and none without extensions', () => {
    const hello = parse(serverHelloBody({ cipher: 0xc02f, extensions: [ext.raw(0xff01, Buffer.from([0])), ext.alpn(['h2'])] }));
    assert.equal(hello.alpn, 'h2');
    assert.equal(hello.selectedVersion, undefined);
    assert.deepEqual(parse(serverHelloBody({ version: 0x0301, cipher: 0x002f, extensions: null })).extensions, []);
  });

  it('counts an ALPN that selects two protocols (RFC 7301 §3.1 allows one)', () => {
    const hello = parse(serverHelloBody({ cipher: 0xc02f, extensions: [ext.alpn(['h2', 'x'])] }));
    assert.equal(hello.alpn, undefined);
    assert.equal(hello.badExtensions, 1);
  });

  it('names the lying length', () => {
    const base = serverHelloBody({ cipher: 0x1301, extensions: [ext.selectedVersion(0x0304)] });
    assert.equal(parseServerHello(base, 0, 36), 'hello_length');
    const longSession = Buffer.from(base);
    longSession[34] = 40;
    assert.equal(parseServerHello(longSession, 0, longSession.length), 'hello_length');
    assert.equal(parseServerHello(base, 0, base.length - 1), 'extension_length');
    const badExt = Buffer.from(base);
    badExt[base.length - 3] = 9;
    assert.equal(parseServerHello(badExt, 0, badExt.length), 'extension_length');
  });
});
