// The country filter and topology countries for addresses whose enrichment knew the country but no coordinates.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { topics } from '@netwatch/schemas';
import { flowListShape, topologyShape } from '../contract/shapes.js';
import { flowEvent, type Harness, startHarness } from '../testing/harness.js';

let h: Harness;

before(async () => {
  h = await startHarness();
  // A country-level record (no location), as a country-only database or a GeoIP miss on the city gives.
  const countryOnly = flowEvent({ id: 'country-only', dst: '198.51.100.7' });
  countryOnly.destination.geo = { country_iso_code: 'nl', country_name: 'Netherlands' };
  // The same country with coordinates, and another country, so the filter has something to leave out.
  const located = flowEvent({ id: 'located', dst: '198.51.100.8' });
  located.destination.geo = { country_iso_code: 'NL', location: { lat: 52.37, lon: 4.9 } };
  const elsewhere = flowEvent({ id: 'elsewhere', dst: '203.0.113.9' });
  const unknown = flowEvent({ id: 'unknown', dst: '203.0.113.10' });
  delete unknown.destination.geo;
  for (const event of [countryOnly, located, elsewhere, unknown]) {
    h.bus.publish(topics.enrichedFlow, event);
    await h.settle();
  }
});

after(async () => {
  await h.close();
});

async function flowIds(query: string): Promise<string[]> {
  const res = await fetch(`${h.base}/api/v1/flows?${query}`);
  assert.equal(res.status, 200);
  return flowListShape.parse(await res.json()).flows.map((f) => f.id);
}

describe('country without a location', () => {
  it('matches ?country= on a side that has a country but no coordinates', async () => {
    assert.deepEqual(await flowIds('country=NL'), ['located', 'country-only']);
    assert.deepEqual(await flowIds('country=nl&ip=198.51.100.7'), ['country-only']);
    assert.deepEqual(await flowIds('country=DE'), ['elsewhere']);
    assert.deepEqual(await flowIds('country=FR'), []);
  });

  it('gives the flow its country and no geo (the globe needs coordinates)', async () => {
    const res = await fetch(`${h.base}/api/v1/flows?ip=198.51.100.7`);
    const [flow] = flowListShape.parse(await res.json()).flows;
    assert.equal(flow?.dst.country, 'NL');
    assert.equal(flow?.dst.geo, undefined);
  });

  it('labels the external topology node with that country', async () => {
    const res = await fetch(`${h.base}/api/v1/topology`);
    const topology = topologyShape.parse(await res.json());
    const node = (ip: string) => topology.nodes.find((n) => n.id === `ext-${ip}`);
    assert.equal(node('198.51.100.7')?.country, 'NL');
    assert.equal(node('198.51.100.8')?.country, 'NL');
    assert.equal(node('203.0.113.10')?.country, undefined);
  });
});
