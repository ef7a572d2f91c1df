// Enrichment on the real in-memory bus: sensor topics in, enriched topics out (strictly valid), metrics, a corrupt database.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createMetrics, MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { waitFor } from '@netwatch/kit/testing/wait';
import { exampleFor, strictParse, type TopicSpec, topics } from '@netwatch/schemas';
import { Reader } from 'maxmind';
import { defaultEnrichConfig, type EnrichConfig } from './enrich-config.js';
import { startEnrichment } from './enrichment.js';
import { type GeoDatabases, openGeoDatabases } from './geo/geo-databases.js';
import { buildMmdb } from './testing/mmdb-writer.js';
import { frankfurt, tempDir, testAsnDb, testCityDb } from './testing/test-databases.js';

const logger = silentLogger();
const config: EnrichConfig = { ...defaultEnrichConfig, site: { name: 'lab', lat: 47.37, lon: 8.54 } };
const outputs = [topics.enrichedFlow, topics.enrichedDns, topics.enrichedTls, topics.enrichedAlert] as const;

/** Collects every event published on the enriched topics, as a downstream consumer sees them. */
async function collect(broker: MemoryBroker) {
  const reader = new MemoryBus({ broker, service: 'reader' });
  const seen = new Map<string, unknown[]>(outputs.map((t) => [t.name, []]));
  for (const topic of outputs) {
    await reader.subscribe(topic as TopicSpec, 'test-reader', (event) => {
      seen.get(topic.name)?.push(event);
    });
  }
  return { seen, reader };
}

describe('startEnrichment', () => {
  const tmp = tempDir();
  let geo: GeoDatabases;
  before(async () => {
    writeFileSync(tmp.path('city.mmdb'), testCityDb());
    writeFileSync(tmp.path('asn.mmdb'), testAsnDb());
    geo = await openGeoDatabases({ cityDb: tmp.path('city.mmdb'), asnDb: tmp.path('asn.mmdb'), embedded: false,
      watch: false, reloadDelayMs: 10 }, logger);
  });
  after(() => {
    geo.close();
    tmp.cleanup();
  });

  it('republishes flow, DNS, TLS and alert events enriched, valid under their topics\' strict schemas', async () => {
    const broker = new MemoryBroker();
    const sensors = new MemoryBus({ broker, service: 'sensors' });
    const metrics = createMetrics('enrich', { processMetrics: false });
    const bus = new MemoryBus({ broker, service: 'enrich', metrics: metrics.bus });
    const running = await startEnrichment(bus, config, logger, metrics, { geo });
    const { seen, reader } = await collect(broker);

    sensors.publish(topics.asset, exampleFor('netwatch.asset.v1'));
    await broker.idle(); // device names learned before the flow arrives (topics are consumed independently)
    sensors.publish(topics.dns, exampleFor('netwatch.dns.v1'));
    sensors.publish(topics.tls, exampleFor('netwatch.tls.v1'));
    sensors.publish(topics.alert, exampleFor('netwatch.alert.v1'));
    await broker.idle();
    sensors.publish(topics.flow, exampleFor('netwatch.flow.v1'));
    await broker.idle();
    await waitFor(() => outputs.every((t) => seen.get(t.name)?.length === 1), 5_000, 'one event per enriched topic');

    for (const topic of outputs) strictParse(topic.schema, seen.get(topic.name)?.[0]);
    const flow = strictParse(topics.enrichedFlow.schema, seen.get(topics.enrichedFlow.name)?.[0]);
    assert.equal(flow.destination.geo?.city_name, 'Frankfurt am Main');
    assert.equal(flow.destination.as?.number, 64500);
    assert.equal(flow.destination.domain, 'www.example.com', 'learned from the DNS answer');
    assert.equal(flow.source.domain, 'alices-macbook', 'learned from the asset event');
    assert.deepEqual(flow.source.geo?.location, { lat: 47.37, lon: 8.54 });
    const alert = strictParse(topics.enrichedAlert.schema, seen.get(topics.enrichedAlert.name)?.[0]);
    assert.equal(alert.source?.geo?.country_iso_code, 'NL');

    const text = await metrics.registry.metrics();
    for (const topic of outputs) assert.match(text, new RegExp(`netwatch_enrich_events_total\\{topic="${topic.name}"[^}]*\\} 1`));
    assert.match(text, /netwatch_enrich_lookups_total\{[^}]*\} 8/);
    // Domains: the laptop in the DNS, TLS, alert and flow events, and the web server in the flow.
    assert.match(text, /netwatch_enrich_endpoints_total\{field="domain"[^}]*\} 5/);
    assert.match(text, /netwatch_enrich_names\{source="device"[^}]*\} 1/);
    assert.match(text, /netwatch_enrich_db_build_timestamp_seconds\{database="city"[^}]*\} 1750000000/);
    assert.match(text, /netwatch_events_sent_total\{topic="netwatch.enriched.flow.v1"[^}]*\} 1/);

    await running.stop();
    sensors.publish(topics.flow, exampleFor('netwatch.flow.v1'));
    await broker.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(seen.get(topics.enrichedFlow.name)?.length, 1, 'nothing is enriched after stop()');
    await reader.close();
  });

  it('shares the partitions of a topic between two instances in the group', async () => {
    const broker = new MemoryBroker({ partitions: 4 });
    const sensors = new MemoryBus({ broker, service: 'sensors' });
    const a = await startEnrichment(new MemoryBus({ broker, service: 'enrich' }), config, logger, undefined, { geo });
    const b = await startEnrichment(new MemoryBus({ broker, service: 'enrich' }), config, logger, undefined, { geo });
    const { seen, reader } = await collect(broker);
    const flow = exampleFor('netwatch.flow.v1');
    for (let i = 1; i <= 40; i++) sensors.publish(topics.flow, { ...flow, source: { ...flow.source, ip: `192.168.10.${i}` } });
    await broker.idle();
    await waitFor(() => seen.get(topics.enrichedFlow.name)?.length === 40, 5_000, '40 enriched flows');
    assert.equal(a.enricher.stats.events.flow + b.enricher.stats.events.flow, 40);
    assert.ok(a.enricher.stats.events.flow > 0 && b.enricher.stats.events.flow > 0, 'both instances took a share');
    await Promise.all([a.stop(), b.stop(), reader.close()]);
  });

  it('publishes the event unenriched when a database is corrupt where the lookup leads, and counts it', async () => {
    const bytes = buildMmdb([{ prefix: '203.0.113.0/24', value: frankfurt }], { databaseType: 'GeoLite2-City' });
    // Break the data section's first control byte: extended type 0 + 7 is not a type (spec: extended types are 8+).
    const nodeCount = new Reader(bytes).metadata.nodeCount;
    bytes[nodeCount * 6 + 16] = 0x00;
    bytes[nodeCount * 6 + 17] = 0x00;
    writeFileSync(tmp.path('broken.mmdb'), bytes);
    const broken = await openGeoDatabases({ cityDb: tmp.path('broken.mmdb'), embedded: false, watch: false,
      reloadDelayMs: 10 }, logger);
    const broker = new MemoryBroker();
    const metrics = createMetrics('enrich', { processMetrics: false });
    const running = await startEnrichment(new MemoryBus({ broker, service: 'enrich' }), config, logger, metrics,
      { geo: broken });
    const { seen, reader } = await collect(broker);
    new MemoryBus({ broker, service: 'sensors' }).publish(topics.flow, exampleFor('netwatch.flow.v1'));
    await broker.idle();
    await waitFor(() => seen.get(topics.enrichedFlow.name)?.length === 1, 5_000, 'the flow to be published');
    const flow = strictParse(topics.enrichedFlow.schema, seen.get(topics.enrichedFlow.name)?.[0]);
    assert.equal(flow.destination.geo, undefined);
    assert.match(await metrics.registry.metrics(), /netwatch_enrich_geoip_lookups_total\{result="error"[^}]*\} 1/);
    await Promise.all([running.stop(), reader.close()]);
    broken.close();
  });
});
