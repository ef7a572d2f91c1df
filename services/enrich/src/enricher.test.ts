// The enrichment core on every sensor event type, with tiny GeoLite2-style databases: strict contracts, no mutation.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '@netwatch/kit';
import { DEFAULT_HOME_NET, HomeNet } from '@netwatch/packet/home-net';
import { alertEvent, dnsEvent, exampleFor, flowEvent, strictParse, tlsEvent } from '@netwatch/schemas';
import { AddressBook } from './address-book.js';
import { createEnricher, type Enricher } from './enricher.js';
import { type GeoDatabases, openGeoDatabases } from './geo/geo-databases.js';
import { DeviceNames } from './names/device-names.js';
import { DnsNames } from './names/dns-names.js';
import { contractHasGeoName, siteGeo } from './site.js';
import { tempDir, testAsnDb, testCityDb } from './testing/test-databases.js';

const NOW = Date.parse('2025-06-12T09:20:00.000Z');
const site = { name: 'lab', lat: 47.3769, lon: 8.5417 };
const frankfurtGeo = { city_name: 'Frankfurt am Main', country_iso_code: 'DE', country_name: 'Germany',
  continent_name: 'Europe', region_name: 'Hesse', location: { lat: 50.1109, lon: 8.6821 } };

describe('createEnricher', () => {
  const tmp = tempDir();
  let geo: GeoDatabases;
  before(async () => {
    writeFileSync(tmp.path('city.mmdb'), testCityDb());
    writeFileSync(tmp.path('asn.mmdb'), testAsnDb());
    geo = await openGeoDatabases({ cityDb: tmp.path('city.mmdb'), asnDb: tmp.path('asn.mmdb'), embedded: false,
      watch: false, reloadDelayMs: 10 }, silentLogger());
  });
  after(() => {
    geo.close();
    tmp.cleanup();
  });

  function make(options: { site?: typeof site | undefined; cache?: number } = {}) {
    const addresses = new AddressBook(new HomeNet(DEFAULT_HOME_NET), geo,
      siteGeo(options.site === undefined ? { name: 'home' } : options.site), options.cache ?? 100);
    const devices = new DeviceNames(100);
    const dnsNames = new DnsNames(100);
    return { enricher: createEnricher({ addresses, devices, dnsNames, now: () => NOW }), addresses };
  }

  it('adds GeoIP and AS to the external end of a flow, the site to the internal end, and the ingest time', () => {
    const { enricher } = make({ site });
    const input = exampleFor('netwatch.flow.v1'); // 192.168.10.23 → 203.0.113.10
    const before = structuredClone(input);
    const out = strictParse(flowEvent, enricher.flow(input));
    assert.deepEqual(out.destination.geo, frankfurtGeo);
    assert.deepEqual(out.destination.as, { number: 64500, organization: { name: 'Example Hosting GmbH' } });
    assert.deepEqual(out.source.geo, contractHasGeoName ? { name: 'lab', location: { lat: 47.3769, lon: 8.5417 } }
      : { location: { lat: 47.3769, lon: 8.5417 } });
    assert.equal(out.source.as, undefined);
    assert.equal(out.event.ingested, '2025-06-12T09:20:00.000Z');
    assert.deepEqual(input, before, 'the input event is not modified');
    // Everything else is the event as it came.
    assert.deepEqual({ ...out, event: input.event, source: input.source, destination: input.destination }, input);
  });

  it('writes geo.name for the site once the contract has it', () => {
    assert.deepEqual(siteGeo(site, true), { name: 'lab', location: { lat: 47.3769, lon: 8.5417 } });
    assert.deepEqual(siteGeo(site, false), { location: { lat: 47.3769, lon: 8.5417 } });
    assert.equal(siteGeo({ name: 'lab' }), undefined);
  });

  it('gives internal addresses no geo when no site location is configured', () => {
    const { enricher } = make();
    const out = enricher.flow(exampleFor('netwatch.flow.v1'));
    assert.equal(out.source.geo, undefined);
    assert.equal(out.destination.geo?.city_name, 'Frankfurt am Main');
  });

  it('places IPv6 addresses, and inbound flows, from the same databases', () => {
    const { enricher } = make();
    const flow = exampleFor('netwatch.flow.v1');
    const out = strictParse(flowEvent, enricher.flow({ ...flow,
      source: { ...flow.source, ip: '2001:db8:1::77' }, destination: { ...flow.destination, ip: '198.51.100.7' },
      network: { ...flow.network, direction: 'external', type: 'ipv6' } }));
    assert.equal(out.source.geo?.city_name, 'Tokyo');
    assert.equal(out.source.as?.number, 64502);
    assert.equal(out.destination.geo?.country_iso_code, 'NL');
    assert.equal(out.destination.as?.number, 64501);
  });

  it('names endpoints from asset events and DNS answers, device names first, and lists them in related.hosts', () => {
    const { enricher } = make();
    enricher.learnAsset(exampleFor('netwatch.asset.v1')); // 192.168.10.23 = alices-macbook
    enricher.dns(exampleFor('netwatch.dns.v1')); // www.example.com → 203.0.113.10
    const out = strictParse(flowEvent, enricher.flow(exampleFor('netwatch.flow.v1')));
    assert.equal(out.source.domain, 'alices-macbook');
    assert.equal(out.destination.domain, 'www.example.com');
    assert.deepEqual(out.related?.hosts, ['alices-macbook', 'www.example.com']);
    assert.deepEqual(out.related?.ip, ['192.168.10.23', '203.0.113.10']);
    // A DNS answer naming an address a device already has does not replace the device name.
    const dns = exampleFor('netwatch.dns.v1');
    enricher.dns({ ...dns, dns: { ...dns.dns, question: { ...dns.dns.question, name: 'laptop.example.com' },
      resolved_ip: ['192.168.10.23'] } });
    assert.equal(enricher.flow(exampleFor('netwatch.flow.v1')).source.domain, 'alices-macbook');
    assert.equal(enricher.stats.assetsLearned, 1);
  });

  it('keeps geo, as and domain the event already has', () => {
    const { enricher } = make({ site });
    const tls = exampleFor('netwatch.tls.v1'); // destination.domain www.example.com (SNI)
    enricher.dns({ ...exampleFor('netwatch.dns.v1'), dns: { ...exampleFor('netwatch.dns.v1').dns,
      question: { ...exampleFor('netwatch.dns.v1').dns.question, name: 'other.example.org' } } });
    const out = strictParse(tlsEvent, enricher.tls(tls));
    assert.equal(out.destination.domain, 'www.example.com');
    assert.equal(out.destination.geo?.city_name, 'Frankfurt am Main');
    assert.deepEqual(out.related?.hosts, tls.related?.hosts);
    const alert = exampleFor('netwatch.alert.enriched.v1'); // already carries geo/as on both sides
    const already = strictParse(alertEvent, enricher.alert(alert));
    assert.deepEqual(already.destination?.geo, alert.destination?.geo);
    assert.deepEqual(already.source?.as, alert.source?.as);
    assert.equal(already.event.ingested, alert.event.ingested);
  });

  it('enriches DNS events and alerts, with or without endpoints', () => {
    const { enricher } = make({ site });
    const dns = strictParse(dnsEvent, enricher.dns(exampleFor('netwatch.dns.v1')));
    assert.ok(dns.source.geo?.location && dns.destination.geo?.location, 'client and resolver are both internal');
    const alert = exampleFor('netwatch.alert.v1'); // source 198.51.100.77 (scanner)
    const out = strictParse(alertEvent, enricher.alert(alert));
    assert.equal(out.source?.geo?.country_iso_code, 'NL');
    assert.equal(out.source?.as?.number, 64501);
    const high = enricher.alert({ ...alert, source: { ip: '198.51.100.200' } });
    assert.equal(high.source?.geo?.country_iso_code, 'NL');
    assert.equal(high.source?.as, undefined, 'outside the AS database\'s 198.51.100.0/25');
    const { source: _s, destination: _d, ...bare } = alert;
    const noEndpoints = strictParse(alertEvent, enricher.alert(bare));
    assert.equal(noEndpoints.source, undefined);
    assert.equal('source' in noEndpoints, false);
    assert.equal(noEndpoints.event.ingested, '2025-06-12T09:20:00.000Z');
    assert.deepEqual(enricher.stats.events, { flow: 0, dns: 1, tls: 0, alert: 3 });
  });

  it('adds the same fields to the event given when asked to work in place', () => {
    const addresses = new AddressBook(new HomeNet(DEFAULT_HOME_NET), geo, siteGeo(site), 10);
    const copying = createEnricher({ addresses, now: () => NOW });
    const inPlace = createEnricher({ addresses, devices: new DeviceNames(10), now: () => NOW, inPlace: true });
    const expected = copying.flow(exampleFor('netwatch.flow.v1'));
    inPlace.learnAsset(exampleFor('netwatch.asset.v1'));
    const input = exampleFor('netwatch.flow.v1');
    const destination = input.destination;
    const out = inPlace.flow(input);
    assert.equal(out, input);
    assert.equal(out.destination, destination);
    assert.deepEqual(out, { ...expected, source: { ...expected.source, domain: 'alices-macbook' },
      related: { ...expected.related, hosts: ['alices-macbook'] } });
    strictParse(flowEvent, out);
  });

  it('caches per address and counts lookups, hits and misses', () => {
    const { enricher, addresses } = make({ cache: 10 });
    const e: Enricher = enricher;
    for (let i = 0; i < 5; i++) e.flow(exampleFor('netwatch.flow.v1'));
    assert.deepEqual({ ...addresses.stats }, { lookups: 10, cacheHits: 8, cacheMisses: 2, geoLookups: 1,
      geoUnknown: 0, errors: 0 });
    const uncached = make({ cache: 0 });
    for (let i = 0; i < 3; i++) uncached.enricher.flow(exampleFor('netwatch.flow.v1'));
    assert.equal(uncached.addresses.stats.geoLookups, 3);
    assert.equal(uncached.addresses.stats.cacheHits, 0);
  });
});
