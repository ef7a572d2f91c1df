// Opening GeoIP sources: configured GeoLite2-style files (nested layout), the embedded DB-IP and ASN data, and refusals.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { NetwatchError, silentLogger } from '@netwatch/kit';
import { geo as geoSchema, strictParse } from '@netwatch/schemas';
import { tempDir, testAsnDb, testCityDb } from '../testing/test-databases.js';
import { type GeoDatabases, type GeoInfo, openGeoDatabases } from './geo-databases.js';
import { parseIpWords } from './ip-words.js';

const logger = silentLogger();
const words = new Uint32Array(4);
function resolve(dbs: GeoDatabases, ip: string): GeoInfo {
  const version = parseIpWords(ip, words);
  assert.ok(version !== 0, ip);
  return dbs.resolve(ip, version, words);
}

describe('GeoDatabases', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  before(() => {
    // Named against their content on purpose: the format comes from the metadata, not the name.
    writeFileSync(tmp.path('asn.mmdb'), testCityDb());
    writeFileSync(tmp.path('city.mmdb'), testAsnDb());
  });

  it('reads configured City and ASN databases in the nested layout, found by database_type', async () => {
    const dbs = await openGeoDatabases({ cityDb: tmp.path('asn.mmdb'), asnDb: tmp.path('city.mmdb'), embedded: false,
      watch: false, reloadDelayMs: 10 }, logger);
    try {
      assert.deepEqual(resolve(dbs, '203.0.113.7'), {
        geo: { city_name: 'Frankfurt am Main', country_iso_code: 'DE', country_name: 'Germany', continent_name: 'Europe',
          region_name: 'Hesse', location: { lat: 50.1109, lon: 8.6821 } },
        as: { number: 64500, organization: { name: 'Example Hosting GmbH' } },
      });
      // 198.51.100.200: city known, AS only for the lower /25.
      assert.deepEqual(Object.keys(resolve(dbs, '198.51.100.200')), ['geo']);
      assert.equal(resolve(dbs, '198.51.100.1').as?.number, 64501);
      assert.equal(resolve(dbs, '2001:db8:1:2::3').geo?.city_name, 'Tokyo');
      assert.equal(resolve(dbs, '2001:db8:1:2::3').as?.number, 64502);
      assert.deepEqual(resolve(dbs, '192.0.2.1'), {});
      assert.deepEqual(dbs.describe().map((d) => [d.role, d.source, d.type]),
        [['city', 'configured', 'GeoLite2-City'], ['asn', 'configured', 'GeoLite2-ASN']]);
    } finally {
      dbs.close();
    }
  });

  it('refuses a configured file of the wrong kind, or not a database, naming the variable', async () => {
    await assert.rejects(openGeoDatabases({ cityDb: tmp.path('city.mmdb'), embedded: false, watch: false,
      reloadDelayMs: 10 }, logger), (e: unknown) => e instanceof NetwatchError && e.code === 'input_unreadable' &&
        /^NETWATCH_GEOIP_CITY_DB: .* is an ASN database \("GeoLite2-ASN"\), not a city\/country one$/.test(e.message));
    writeFileSync(tmp.path('junk.mmdb'), 'hello');
    await assert.rejects(openGeoDatabases({ asnDb: tmp.path('junk.mmdb'), embedded: false, watch: false,
      reloadDelayMs: 10 }, logger), /^NetwatchError: NETWATCH_GEOIP_ASN_DB: .* is not a MaxMind DB file/);
    await assert.rejects(openGeoDatabases({ asnDb: tmp.path('missing.mmdb'), embedded: false, watch: false,
      reloadDelayMs: 10 }, logger), (e: unknown) => e instanceof NetwatchError && e.code === 'input_not_found');
  });

  describe('embedded DB-IP City Lite and ASN data', () => {
    let dbs: GeoDatabases;
    before(async () => {
      dbs = await openGeoDatabases({ embedded: true, watch: false, reloadDelayMs: 10 }, logger);
    });
    after(() => dbs.close());

    // Registry allocations of universities and an RIR that have stayed put for decades (not anycast):
    // country and AS are stable across monthly releases; city strings are not asserted.
    for (const [ip, country, asn] of [
      ['129.132.19.216', 'CH', 559], // ETH Zurich (SWITCH)
      ['133.11.0.1', 'JP', 2501], // University of Tokyo
      ['193.0.6.139', 'NL', 3333], // RIPE NCC
      ['2001:67c:2e8:22::c100:68b', 'NL', 3333], // RIPE NCC
    ] as const) {
      it(`places ${ip} in ${country}, AS${asn}`, () => {
        const info = resolve(dbs, ip);
        assert.equal(info.geo?.country_iso_code, country);
        assert.equal(info.as?.number, asn);
        const { lat, lon } = info.geo?.location ?? { lat: NaN, lon: NaN };
        assert.ok(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, `${lat},${lon}`);
        assert.ok(info.geo?.country_name && info.geo.continent_name);
        strictParse(geoSchema, info.geo);
      });
    }

    it('knows nothing of documentation and private ranges', () => {
      assert.deepEqual(resolve(dbs, '192.0.2.1'), {});
      assert.deepEqual(resolve(dbs, '2001:db8::1'), {});
      assert.deepEqual(resolve(dbs, '10.1.2.3'), {});
    });

    it('lists the embedded sources', () => {
      assert.deepEqual(dbs.describe().map((d) => [d.role, d.source, d.type]),
        [['city', 'embedded', 'city ipv4'], ['city', 'embedded', 'city ipv6'], ['asn', 'embedded', 'asn csv']]);
    });
  });
});
