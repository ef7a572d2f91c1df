// The ASN table: CSV parsing (quotes, overlaps, errors), range boundaries, and the embedded data on stable addresses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AsnTable } from './asn-table.js';
import { loadEmbeddedAsnTable } from './embedded.js';
import { parseIpWords } from './ip-words.js';

const csv = (text: string) => new TextEncoder().encode(text);
const words = new Uint32Array(4);
const v6 = (text: string) => {
  assert.equal(parseIpWords(text, words), 6);
  return words;
};
const v4 = (text: string) => {
  assert.equal(parseIpWords(text, words), 4);
  return words[0] as number;
};

describe('AsnTable', () => {
  // 1.0.0.0–1.0.0.255, 1.0.4.0–1.0.7.255, 193.0.0.0–193.0.7.255; 2001::/32, 2001:200::–2001:200:1b9:ffff:… in decimal.
  const table = AsnTable.fromCsv(
    csv('16777216,16777471,13335,"Cloudflare, Inc."\n16778240,16779263,38803,Gtelecom Pty Ltd\r\n' +
      '3238002688,3238004735,3333,"LLC ""SPUTNIK"""\n'),
    csv('42540488161975842760550356425300246528,42540488241204005274814694018844196863,6939,Hurricane Electric LLC\n' +
      '42540528726795050063891204319802818560,42540528727329395276160870415022948351,2500,WIDE Project'),
  );

  it('finds the range holding an address, inclusive at both ends, and nothing between ranges', () => {
    assert.deepEqual(table.lookupV4(v4('1.0.0.0')), { number: 13335, organization: { name: 'Cloudflare, Inc.' } });
    assert.equal(table.lookupV4(v4('1.0.0.255'))?.number, 13335);
    assert.equal(table.lookupV4(v4('1.0.1.0')), undefined);
    assert.equal(table.lookupV4(v4('1.0.3.255')), undefined);
    assert.equal(table.lookupV4(v4('1.0.4.0'))?.organization.name, 'Gtelecom Pty Ltd');
    assert.equal(table.lookupV4(v4('1.0.7.255'))?.number, 38803);
    assert.equal(table.lookupV4(v4('0.255.255.255')), undefined);
    assert.equal(table.lookupV4(v4('255.255.255.255')), undefined);
    assert.equal(table.lookupV4(v4('193.0.6.139'))?.organization.name, 'LLC "SPUTNIK"');
  });

  it('does the same on 128-bit IPv6 ranges', () => {
    assert.equal(table.lookupV6(v6('2001::'))?.number, 6939);
    assert.equal(table.lookupV6(v6('2001:0:ffff:ffff:ffff:ffff:ffff:ffff'))?.number, 6939);
    assert.equal(table.lookupV6(v6('2001:1::')), undefined);
    assert.equal(table.lookupV6(v6('2001:200:1b9:ffff::1'))?.organization.name, 'WIDE Project');
    assert.equal(table.lookupV6(v6('2001:200:1ba::')), undefined);
    assert.equal(table.lookupV6(v6('::1')), undefined);
    assert.equal(table.lookupV6(v6('ffff::')), undefined);
  });

  it('shares one frozen object per AS between its ranges', () => {
    const t = AsnTable.fromCsv(csv('1,10,7,A\n20,30,7,A\n'), csv(''));
    assert.equal(t.lookupV4(5), t.lookupV4(25));
    assert.ok(Object.isFrozen(t.lookupV4(5)));
    assert.equal(t.stats.systems, 1);
  });

  it('cuts an overlapped range short so the later one wins', () => {
    const t = AsnTable.fromCsv(csv('100,200,1,A\n150,250,2,B\n'), csv(''));
    assert.equal(t.lookupV4(149)?.number, 1);
    assert.equal(t.lookupV4(150)?.number, 2);
    assert.equal(t.lookupV4(250)?.number, 2);
    assert.equal(t.stats.overlapsClipped, 1);
  });

  it('agrees with a linear scan on random ranges, wide and narrow, across /16 boundaries', () => {
    let seed = 99;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0);
    const rows: [number, number, number][] = [];
    let at = next() % 1_000_000;
    while (at < 0xffff_0000 && rows.length < 3000) {
      const size = next() % 4 === 0 ? next() % 50_000_000 : next() % 70_000;
      const end = Math.min(at + size, 0xffff_ffff);
      rows.push([at, end, rows.length % 50]);
      at = end + 1 + (next() % 3 === 0 ? next() % 5_000_000 : 0);
    }
    const t = AsnTable.fromCsv(csv(rows.map(([a, b, n]) => `${a},${b},${n},AS${n}\n`).join('')), csv(''));
    for (let i = 0; i < 20_000; i++) {
      const address = i < 10 ? [0, 0xffffffff, rows[0]?.[0] ?? 0][i % 3] as number : next();
      const hit = rows.find(([a, b]) => a <= address && address <= b);
      assert.equal(t.lookupV4(address)?.number, hit?.[2], `address ${address}`);
    }
  });

  it('names the line of a malformed row', () => {
    assert.throws(() => AsnTable.fromCsv(csv('1,2,3,A\n5,x,3,A\n'), csv('')), /IPv4 CSV line 2: bad range end/);
    assert.throws(() => AsnTable.fromCsv(csv('1,2,3,A\n0,1,3,A\n'), csv('')), /line 2: rows are not in ascending order/);
    assert.throws(() => AsnTable.fromCsv(csv('5,2,3,A\n'), csv('')), /range ends before it starts/);
    assert.throws(() => AsnTable.fromCsv(csv('1,4294967296,3,A\n'), csv('')), /bad range end/);
    assert.throws(() => AsnTable.fromCsv(csv('1,2,3,"A\n'), csv('')), /unterminated/);
    assert.throws(() => AsnTable.fromCsv(csv(''), csv('1,340282366920938463463374607431768211456,3,A')), /IPv6 CSV line 1: bad range end/);
  });

  it('loads the embedded data and answers for stable, non-anycast networks', async () => {
    const embedded = await loadEmbeddedAsnTable();
    assert.ok(embedded.stats.v4Ranges > 100_000 && embedded.stats.v6Ranges > 10_000, JSON.stringify(embedded.stats));
    // ETH Zurich (SWITCH), University of Tokyo, RIPE NCC: registry allocations that have not moved in decades.
    assert.equal(embedded.lookupV4(v4('129.132.19.216'))?.number, 559);
    assert.equal(embedded.lookupV4(v4('133.11.0.1'))?.number, 2501);
    assert.equal(embedded.lookupV4(v4('193.0.6.139'))?.number, 3333);
    assert.equal(embedded.lookupV6(v6('2001:67c:2e8:22::c100:68b'))?.number, 3333);
    assert.equal(embedded.lookupV4(v4('10.1.2.3')), undefined);
    assert.equal(embedded.lookupV6(v6('2001:db8::1')), undefined);
  });
});
