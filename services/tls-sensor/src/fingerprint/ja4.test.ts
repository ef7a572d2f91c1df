// JA4 against the FoxIO specification's example and a published browser vector, plus hand-checked edge cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClientHello } from '../hello/client-hello.js';
import type { ClientHello } from '../hello/hello-types.js';
import { chromeHello } from '../testing/chrome-hello.js';
import { clientHelloBody, type ClientHelloSpec, ext } from '../testing/hello-builder.js';
import { alpnCode, ja4 } from './ja4.js';

const hello = (spec: ClientHelloSpec) => {
  const body = clientHelloBody(spec);
  return parseClientHello(body, 0, body.length) as ClientHello;
};

const specCiphers = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c,
  0x009d, 0x002f, 0x0035];
const specSignatures = [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601];

describe('JA4', () => {
  it('reproduces the specification example t13d1516h2_8daaf6152771_e5627efa2ab1', () => {
    // JA4.md's example: 15 ciphers, 16 extensions (SNI and ALPN h2 among them), its raw lists give these hashes.
    const fingerprint = ja4(hello({ ciphers: specCiphers, extensions: [
      ext.sni('example.com'), ext.raw(0x0017), ext.raw(0xff01, Buffer.from([0])), ext.groups([29, 23, 24]),
      ext.raw(0x0023), ext.alpn(['h2', 'http/1.1']), ext.raw(0x0005, Buffer.from([1, 0, 0, 0, 0])), ext.pointFormats([0]),
      ext.signatureAlgorithms(specSignatures), ext.raw(0x0012), ext.keyShare([29]),
      ext.raw(0x002d, Buffer.from([1, 1])), ext.supportedVersions([0x0304, 0x0303]),
      ext.raw(0x001b, Buffer.from([2, 0, 2])), ext.raw(0x4469), ext.padding(10),
    ] }));
    assert.equal(fingerprint.ja4, 't13d1516h2_8daaf6152771_e5627efa2ab1');
    assert.equal(fingerprint.raw, 't13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,' +
    'cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,0805,0501,0806,0601');
  });

  it('matches the published Chrome 143 vector (ja4 and ja4_r), GREASE ignored', () => {
    const parsed = parseClientHello(chromeHello, 0, chromeHello.length) as ClientHello;
    const fingerprint = ja4(parsed);
    assert.equal(fingerprint.ja4, 't13d1516h2_8daaf6152771_d8a2da3f94cd');
    assert.equal(fingerprint.raw, 't13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,' +
    'cca9_0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,44cd,fe0d,ff01_0403,0804,0401,0503,0805,0501,0806,0601');
  });

  it('uses legacy_version without supported_versions, "i" without SNI, "00" without ALPN', () => {
    const fingerprint = ja4(hello({ version: 0x0301, ciphers: [0x002f, 0x0035],
      extensions: [ext.raw(0xff01, Buffer.from([0]))] }));
    assert.equal(fingerprint.raw, 't10i020100_002f,0035_ff01');
  });

  it('hashes empty lists to twelve zeros and writes no underscore without signature algorithms', () => {
    assert.equal(ja4(hello({ version: 0x0300, ciphers: [], extensions: null })).ja4, 'ts3i000000_000000000000_000000000000');
    const onlySniAlpn = ja4(hello({ ciphers: [0x1301], extensions: [ext.sni('a'), ext.alpn(['h2'])] }));
    assert.equal(onlySniAlpn.ja4.slice(-12), '000000000000');
    assert.equal(onlySniAlpn.raw, 't12d0102h2_1301_');
  });

  it('takes the highest non-GREASE supported version and caps counts at 99', () => {
    const ciphers = Array.from({ length: 120 }, (_, i) => 0x0100 + i);
    const fingerprint = ja4(hello({ ciphers, extensions: [ext.supportedVersions([0xfafa, 0x0302, 0x0303])] }));
    assert.equal(fingerprint.ja4.slice(0, 10), 't12i990100');
    assert.equal(ja4(hello({ ciphers: [1], extensions: [ext.supportedVersions([0x7f1c])] })).ja4.slice(0, 4), 't00i');
  });

  it('ALPN code: first and last characters, hex digits when they are not alphanumeric', () => {
    assert.equal(alpnCode(['http/1.1', 'h2']), 'h1');
    assert.equal(alpnCode(['h']), 'hh');
    assert.equal(alpnCode(undefined), '00');
    assert.equal(alpnCode([]), '00');
    assert.equal(alpnCode(['\xab\xcd']), 'ad');
    assert.equal(alpnCode(['h2/']), '6f');
  });
});
