// Reloading a database when its file is replaced: a new answer after a change, the old one kept if the new file is bad.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '@netwatch/kit';
import { waitFor } from '@netwatch/kit/testing/wait';
import { buildMmdb } from '../testing/mmdb-writer.js';
import { asnRecord, replaceFile, tempDir, testAsnDb } from '../testing/test-databases.js';
import { ReloadingMmdb } from './reloading-mmdb.js';

const asnDb = (number: number) => buildMmdb([{ prefix: '203.0.113.0/24', value: asnRecord(number, `AS ${number}`) }],
  { databaseType: 'GeoLite2-ASN' });
const answer = (db: ReloadingMmdb) => db.current.reader.get('203.0.113.5')?.autonomous_system_number;

describe('ReloadingMmdb', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  let db: ReloadingMmdb;
  let swaps = 0;
  before(async () => {
    writeFileSync(tmp.path('asn.mmdb'), asnDb(1));
    db = await ReloadingMmdb.open(tmp.path('asn.mmdb'), 'asn', 'test', {
      watch: true, debounceMs: 30, logger: silentLogger(), name: 'asn' });
    db.onSwap(() => swaps++);
  });
  after(() => db.close());

  it('answers from the new file after it is replaced by rename', async () => {
    assert.equal(answer(db), 1);
    replaceFile(tmp.path('asn.mmdb'), asnDb(2));
    await waitFor(() => answer(db) === 2, 5_000, 'the replaced database to be served');
    assert.equal(db.reloads, 1);
    assert.equal(swaps, 1);
  });

  it('answers from the new file after it is rewritten in place', async () => {
    writeFileSync(tmp.path('asn.mmdb'), asnDb(3));
    await waitFor(() => answer(db) === 3, 5_000, 'the rewritten database to be served');
  });

  it('keeps serving the old database when the new file is not a database, counting the failure', async () => {
    const failures = db.reloadFailures;
    replaceFile(tmp.path('asn.mmdb'), Buffer.from('not a database'));
    await waitFor(() => db.reloadFailures === failures + 1, 5_000, 'the failed reload to be counted');
    assert.equal(answer(db), 3);
    // Nor a database of the wrong kind (a City database where an ASN one was).
    replaceFile(tmp.path('asn.mmdb'), buildMmdb([{ prefix: '203.0.113.0/24', value: { city: { names: { en: 'X' } } } }],
      { databaseType: 'GeoLite2-City' }));
    await waitFor(() => db.reloadFailures === failures + 2, 5_000, 'the wrong kind to be refused');
    assert.equal(answer(db), 3);
    // And recovers with the next good file.
    replaceFile(tmp.path('asn.mmdb'), testAsnDb());
    await waitFor(() => answer(db) === 64500, 5_000, 'the good database after the bad ones');
  });

  it('ignores other databases in the same directory and unchanged files', async () => {
    const reloads = db.reloads;
    writeFileSync(tmp.path('other.mmdb'), asnDb(9));
    assert.equal(await db.check(), false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(db.reloads, reloads);
    assert.equal(answer(db), 64500);
  });

  it('does not follow the file when watching is off', async () => {
    writeFileSync(tmp.path('still.mmdb'), asnDb(5));
    const still = await ReloadingMmdb.open(tmp.path('still.mmdb'), 'asn', 'test',
      { watch: false, debounceMs: 10, logger: silentLogger(), name: 'asn' });
    replaceFile(tmp.path('still.mmdb'), asnDb(6));
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(answer(still), 5);
    assert.equal(await still.check(), true); // an explicit check still reloads
    assert.equal(answer(still), 6);
    still.close();
  });
});
