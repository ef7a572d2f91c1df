// Database format from metadata database_type: the names MaxMind, DB-IP and ip-location-db write.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mmdbFormatOf } from './mmdb-format.js';

describe('mmdbFormatOf', () => {
  it('knows the nested GeoIP2 layouts', () => {
    for (const type of ['GeoLite2-City', 'GeoIP2-City', 'GeoIP2-City-Europe', 'GeoLite2-Country', 'GeoIP2-Country',
      'GeoIP2-Enterprise', 'DBIP-City-Lite', 'DBIP-Country-Lite', 'DBIP-Location-ISP (compat=Enterprise)']) {
      assert.deepEqual(mmdbFormatOf(type), { kind: 'city', layout: 'nested' }, type);
    }
    for (const type of ['GeoLite2-ASN', 'GeoIP2-ISP', 'DBIP-ASN-Lite', 'DBIP-ASN-Lite (compat=GeoLite2-ASN)']) {
      assert.deepEqual(mmdbFormatOf(type), { kind: 'asn', layout: 'nested' }, type);
    }
  });

  it('knows the flat ip-location-db layouts', () => {
    for (const type of ['city ipv4', 'city ipv6', 'country ipv4', 'city']) {
      assert.deepEqual(mmdbFormatOf(type), { kind: 'city', layout: 'flat' }, type);
    }
    assert.deepEqual(mmdbFormatOf('asn ipv6'), { kind: 'asn', layout: 'flat' });
  });

  it('refuses databases with other content', () => {
    for (const type of ['GeoIP2-Connection-Type', 'GeoIP2-Domain', 'GeoIP2-Anonymous-IP', 'ipinfo standard_location', '',
      'My-City-Database']) {
      assert.equal(mmdbFormatOf(type), undefined, type);
    }
  });
});
