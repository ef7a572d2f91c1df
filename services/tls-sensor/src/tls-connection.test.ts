// Whole handshakes through TlsConnection: TLS 1.2 with certificate, 1.3, HelloRetryRequest, resumption, bad servers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leafDer, leafExpected } from './testing/certificates.js';
import { APPLICATION_DATA, certificateBody, CHANGE_CIPHER_SPEC, clientHelloBody, ext, HANDSHAKE, handshake,
  HRR_RANDOM, records, serverHelloBody } from './testing/hello-builder.js';
import { TlsConnection } from './tls-connection.js';
import { emptyTlsStats } from './tls-stats.js';

const tls13Client = (groups: number[]) => records(HANDSHAKE, handshake(1, clientHelloBody({
  sessionId: Buffer.alloc(32, 5),
  ciphers: [0x1301, 0xc02f], extensions: [ext.sni('a.test'), ext.supportedVersions([0x0304, 0x0303]),
    ext.keyShare(groups), ext.groups([29, 23])] })));
const tls12Client = records(HANDSHAKE, handshake(1, clientHelloBody({ ciphers: [0xc02f], extensions: [ext.sni('b.test')] })));

function connection() {
  const stats = emptyTlsStats();
  return { c: new TlsConnection(65536, stats), stats };
}

describe('TlsConnection', () => {
  it('TLS 1.2: waits for the certificate, then is ready with the leaf described', () => {
    const { c } = connection();
    assert.equal(c.push(true, tls12Client, 0, tls12Client.length), 'collecting');
    assert.equal(c.clientActive, false); // no TLS 1.3 offered: no HRR can follow
    const flight = records(HANDSHAKE, Buffer.concat([handshake(2, serverHelloBody({ cipher: 0xc02f, extensions: [] })),
      handshake(11, certificateBody([leafDer])), handshake(14, Buffer.alloc(0))]), 200);
    assert.equal(c.push(false, flight, 0, 150), 'collecting');
    assert.equal(c.push(false, flight, 150, flight.length - 150), 'ready');
    const h = c.handshake();
    assert.equal(h?.serverHello?.cipher, 0xc02f);
    assert.deepEqual(h?.certificate, leafExpected);
    assert.equal(h?.certificateCount, 1);
    assert.equal(h?.resumed, false);
  });

  it('TLS 1.2 ECDHE: the ServerKeyExchange after the certificate names the curve (RFC 8422 §5.4)', () => {
    const curveOf = (cipher: number, ske: Buffer) => {
      const { c } = connection();
      c.push(true, tls12Client, 0, tls12Client.length);
      const flight = records(HANDSHAKE, Buffer.concat([handshake(2, serverHelloBody({ cipher, extensions: [] })),
        handshake(11, certificateBody([leafDer])), handshake(12, ske), handshake(14, Buffer.alloc(0))]));
      assert.equal(c.push(false, flight, 0, flight.length), 'ready');
      assert.deepEqual(c.handshake()?.certificate, leafExpected);
      return c.handshake()?.keyExchangeGroup;
    };
    // named_curve secp384r1 (24), a 97-byte point, then a signature: what openssl -curves secp384r1 sends.
    const ecdhe = Buffer.concat([Buffer.of(3, 0, 24, 97, 4), Buffer.alloc(96, 7), Buffer.of(8, 4, 0, 2, 1, 2)]);
    assert.equal(curveOf(0xc02f, ecdhe), 24);
    // DHE's ServerKeyExchange opens with dh_p's length: 0x0300 must not be read as a named curve.
    const dhe = Buffer.concat([Buffer.of(3, 0), Buffer.alloc(768, 0xff), Buffer.of(0, 1, 2, 0, 1, 5)]);
    assert.equal(curveOf(0x009e, dhe), undefined);
    // An explicit curve (type 1, deprecated) names no group.
    assert.equal(curveOf(0xc02f, Buffer.of(1, 0, 0, 0)), undefined);
  });

  it('TLS 1.3: ready at the ServerHello, nothing more read', () => {
    const { c } = connection();
    const hello = tls13Client([29]);
    c.push(true, hello, 0, hello.length);
    assert.equal(c.clientActive, true);
    const sh = records(HANDSHAKE, handshake(2, serverHelloBody({ sessionId: Buffer.alloc(32, 5), cipher: 0x1301,
      extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(29)] })));
    assert.equal(c.push(false, sh, 0, sh.length), 'ready');
    assert.equal(c.handshake()?.resumed, false);
    assert.equal(c.handshake()?.helloRetryRequest, false);
  });

  it('HelloRetryRequest: the second ClientHello and second ServerHello make the handshake', () => {
    const { c, stats } = connection();
    const first = tls13Client([29]);
    c.push(true, first, 0, first.length);
    const hrr = Buffer.concat([records(HANDSHAKE, handshake(2, serverHelloBody({ random: HRR_RANDOM, cipher: 0x1301,
      extensions: [ext.selectedVersion(0x0304), ext.retryKeyShare(23)] }))),
    records(CHANGE_CIPHER_SPEC, Buffer.from([1]))]);
    assert.equal(c.push(false, hrr, 0, hrr.length), 'collecting');
    const second = Buffer.concat([records(CHANGE_CIPHER_SPEC, Buffer.from([1])), tls13Client([23])]);
    c.push(true, second, 0, second.length);
    assert.equal(c.clientActive, false);
    const sh = records(HANDSHAKE, handshake(2, serverHelloBody({ cipher: 0x1301,
      extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(23)] })));
    assert.equal(c.push(false, sh, 0, sh.length), 'ready');
    const h = c.handshake();
    assert.equal(h?.helloRetryRequest, true);
    assert.equal(h?.retryGroup, 23);
    assert.deepEqual(h?.clientHello.keyShareGroups, [23]);
    assert.deepEqual(h?.firstClientHello?.keyShareGroups, [29]);
    assert.equal(h?.serverHello?.keyShareGroup, 23);
    assert.equal(stats.helloRetryRequests, 1);
  });

  it('TLS 1.2 resumption: echoed session ID, or a CCS right after the ServerHello', () => {
    const sid = Buffer.alloc(32, 9);
    const client = records(HANDSHAKE,
      handshake(1, clientHelloBody({ sessionId: sid, ciphers: [0xc02f], extensions: [] })));
    const echoed = connection().c;
    echoed.push(true, client, 0, client.length);
    const sh = records(HANDSHAKE, handshake(2, serverHelloBody({ sessionId: sid, cipher: 0xc02f, extensions: [] })));
    assert.equal(echoed.push(false, sh, 0, sh.length), 'ready');
    assert.equal(echoed.handshake()?.resumed, true);

    const ticket = connection().c;
    ticket.push(true, tls12Client, 0, tls12Client.length);
    const flight = Buffer.concat([records(HANDSHAKE, handshake(2, serverHelloBody({ sessionId: Buffer.alloc(32, 1),
      cipher: 0xc02f, extensions: [] }))), records(CHANGE_CIPHER_SPEC, Buffer.from([1]))]);
    assert.equal(ticket.push(false, flight, 0, flight.length), 'ready');
    assert.equal(ticket.handshake()?.resumed, true);
    assert.equal(ticket.handshake()?.certificate, undefined);
  });

  it('a server that speaks first, or a client that does not open with a ClientHello, is dropped', () => {
    const { c } = connection();
    assert.equal(c.push(false, Buffer.from('SSH-2.0-x\r\n'), 0, 11), 'dropped');
    const { c: d, stats } = connection();
    const notHello = records(HANDSHAKE, handshake(2, Buffer.alloc(40)));
    assert.equal(d.push(true, notHello, 0, notHello.length), 'dropped');
    assert.equal(stats.malformed.handshake_type, 1);
    assert.equal(d.handshake(), undefined);
  });

  it('a broken server side or a gap still leaves the ClientHello to publish', () => {
    const { c, stats } = connection();
    c.push(true, tls12Client, 0, tls12Client.length);
    const garbage = records(APPLICATION_DATA, Buffer.alloc(10));
    assert.equal(c.push(false, garbage, 0, garbage.length), 'ready');
    assert.equal(stats.malformed.record_type, 1);
    assert.equal(c.handshake()?.serverHello, undefined);

    const { c: g, stats: gs } = connection();
    const hello = tls13Client([29]);
    g.push(true, hello, 0, 20);
    assert.equal(g.onGap(true), 'dropped');
    assert.equal(gs.gaps, 1);
  });

  it('a certificate that does not parse is counted and left out', () => {
    const { c, stats } = connection();
    c.push(true, tls12Client, 0, tls12Client.length);
    const flight = records(HANDSHAKE, Buffer.concat([handshake(2, serverHelloBody({ cipher: 0xc02f, extensions: [] })),
      handshake(11, certificateBody([Buffer.from('not a certificate')])), handshake(14, Buffer.alloc(0))]));
    assert.equal(c.push(false, flight, 0, flight.length), 'ready');
    assert.equal(stats.malformed.certificate, 1);
    assert.equal(c.handshake()?.certificate, undefined);
    assert.equal(c.handshake()?.certificateCount, 1);
  });
});
