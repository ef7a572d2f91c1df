// Leaf certificate fields equal openssl x509's (RFC 2253 names, dates, SHA-1); garbage and lying lists are refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leafDer, leafExpected } from '../testing/certificates.js';
import { certificateBody } from '../testing/hello-builder.js';
import { parseCertificateList } from './certificate-message.js';
import { rfc4514FromNodeName } from './distinguished-name.js';
import { describeLeafCertificate, rfc3339FromOpensslTime } from './leaf-certificate.js';

describe('describeLeafCertificate', () => {
  it('gives what openssl x509 -nameopt RFC2253 says about the fixture', () => {
    assert.deepEqual(describeLeafCertificate(leafDer), leafExpected);
  });

  it('returns null for garbage, truncated DER and an empty buffer', () => {
    assert.equal(describeLeafCertificate(Buffer.from('30820100deadbeef', 'hex')), null);
    assert.equal(describeLeafCertificate(leafDer.subarray(0, leafDer.length - 10)), null);
    assert.equal(describeLeafCertificate(Buffer.alloc(0)), null);
  });
});

describe('rfc4514FromNodeName', () => {
  it('reverses RDNs and the attributes of a multi-valued RDN, keeping escapes', () => {
    assert.equal(rfc4514FromNodeName('C=DE\nOU=Lab + O=Ex\\, Org\nCN=a\\+b'), 'CN=a\\+b,O=Ex\\, Org+OU=Lab,C=DE');
    assert.equal(rfc4514FromNodeName(''), '');
  });
});

describe('rfc3339FromOpensslTime', () => {
  it('reads ASN1_TIME_print text, space-padded days included', () => {
    assert.equal(rfc3339FromOpensslTime('Jan  5 00:00:00 2025 GMT'), '2025-01-05T00:00:00Z');
    assert.equal(rfc3339FromOpensslTime('Dec 31 23:59:59 9999 GMT'), '9999-12-31T23:59:59Z');
    assert.equal(rfc3339FromOpensslTime('Foo 31 23:59:59 9999 GMT'), null);
    assert.equal(rfc3339FromOpensslTime('2025-01-05'), null);
  });
});

describe('parseCertificateList', () => {
  it('copies the leaf and counts the chain', () => {
    const body = certificateBody([leafDer, Buffer.from([0x30, 0])]);
    const list = parseCertificateList(body, 0, body.length);
    assert.equal(list?.count, 2);
    assert.ok(list?.leaf?.equals(leafDer));
    assert.deepEqual(parseCertificateList(Buffer.from([0, 0, 0]), 0, 3), { leaf: undefined, count: 0 });
  });

  it('refuses lying lengths', () => {
    const body = certificateBody([leafDer]);
    assert.equal(parseCertificateList(body, 0, body.length - 1), null);
    const inner = Buffer.from(body);
    inner[5] = (inner[5] as number) + 1;
    assert.equal(parseCertificateList(inner, 0, inner.length), null);
    assert.equal(parseCertificateList(Buffer.from([0, 0, 3, 0, 0, 0]), 0, 6), null); // zero-length certificate
  });
});
