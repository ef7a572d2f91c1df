// The address book: HOME_NET on parsed words, IPv4-mapped addresses, and a cache that forgets on database reload.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { silentLogger } from '@netwatch/kit';
import { HomeNet } from '@netwatch/packet/home-net';
import { AddressBook } from './address-book.js';
import { GeoDatabases } from './geo/geo-databases.js';
import { ReloadingMmdb } from './geo/reloading-mmdb.js';
import { buildMmdb } from './testing/mmdb-writer.js';
import { amsterdam, frankfurt, replaceFile, tempDir } from './testing/test-databases.js';

const cityDb = (value: typeof frankfurt) => buildMmdb([{ prefix: '203.0.113.0/24', value }], { databaseType: 'GeoLite2-City' });

describe('AddressBook', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('tells internal from external by HOME_NET, for IPv4, IPv6 and IPv4-mapped IPv6', async () => {
    writeFileSync(tmp.path('a.mmdb'), cityDb(frankfurt));
    const db = await ReloadingMmdb.open(tmp.path('a.mmdb'), 'city', 'test',
      { watch: false, debounceMs: 10, logger: silentLogger(), name: 'city' });
    const geo = new GeoDatabases([db], [], null, []);
    const site = { location: { lat: 1, lon: 2 } };
    const book = new AddressBook(new HomeNet(['10.0.0.0/8', 'fd00::/8']), geo, site, 100);
    assert.deepEqual(book.info('10.9.8.7'), { internal: true, geo: site });
    assert.deepEqual(book.info('fd12::1'), { internal: true, geo: site });
    assert.deepEqual(book.info('::ffff:10.1.1.1'), { internal: true, geo: site });
    assert.equal(book.info('192.168.1.1').internal, false, 'not in this HOME_NET');
    assert.equal(book.info('203.0.113.9').geo?.city_name, 'Frankfurt am Main');
    assert.equal(book.info('::ffff:203.0.113.9').geo?.city_name, 'Frankfurt am Main');
    assert.deepEqual(book.info('not-an-ip'), { internal: false });
    assert.equal(book.stats.geoLookups, 3);
    assert.equal(book.stats.geoUnknown, 1);
    db.close();
  });

  it('answers from the new database once it is swapped in, not from the cache', async () => {
    writeFileSync(tmp.path('b.mmdb'), cityDb(frankfurt));
    const db = await ReloadingMmdb.open(tmp.path('b.mmdb'), 'city', 'test',
      { watch: false, debounceMs: 10, logger: silentLogger(), name: 'city' });
    const book = new AddressBook(new HomeNet([]), new GeoDatabases([db], [], null, []), undefined, 100);
    assert.equal(book.info('203.0.113.9').geo?.city_name, 'Frankfurt am Main');
    assert.equal(book.info('203.0.113.9').geo?.city_name, 'Frankfurt am Main');
    assert.equal(book.stats.cacheHits, 1);
    replaceFile(tmp.path('b.mmdb'), cityDb(amsterdam));
    assert.equal(await db.check(), true);
    assert.equal(book.cacheSize, 0);
    assert.equal(book.info('203.0.113.9').geo?.city_name, 'Amsterdam');
    book.close();
    db.close();
  });
});
