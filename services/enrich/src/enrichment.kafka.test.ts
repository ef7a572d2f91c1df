// Enrichment on a real Kafka broker (scripts/dev/infra.sh): every sensor topic in, every enriched topic out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Bus, KafkaBus, silentLogger } from '@netwatch/kit';
import { testInfra } from '@netwatch/kit/testing/infra';
import { waitFor } from '@netwatch/kit/testing/wait';
import { exampleFor, strictParse, type TopicSpec, topics } from '@netwatch/schemas';
import { defaultEnrichConfig } from './enrich-config.js';
import { startEnrichment } from './enrichment.js';
import { type GeoDatabases, openGeoDatabases } from './geo/geo-databases.js';
import { tempDir, testAsnDb, testCityDb } from './testing/test-databases.js';

const logger = silentLogger();
const outputs = [topics.enrichedFlow, topics.enrichedDns, topics.enrichedTls, topics.enrichedAlert] as const;

describe('startEnrichment on Kafka', { timeout: 120_000 }, () => {
  const infra = testInfra();
  const prefix = `enrich-test-${randomUUID().slice(0, 8)}.`;
  const tmp = tempDir();
  const buses: Bus[] = [];
  let geo: GeoDatabases;
  const connect = async (service: string) => {
    const bus = await KafkaBus.connect({
      service,
      connection: { brokers: infra.kafkaBrokers, clientId: `${service}-${prefix}` },
      topics: { partitions: 3, replicationFactor: 1 },
      topicPrefix: prefix,
      sessionTimeoutMs: 6_000,
    });
    buses.push(bus);
    return bus;
  };
  before(async () => {
    writeFileSync(tmp.path('city.mmdb'), testCityDb());
    writeFileSync(tmp.path('asn.mmdb'), testAsnDb());
    geo = await openGeoDatabases({ cityDb: tmp.path('city.mmdb'), asnDb: tmp.path('asn.mmdb'), embedded: false,
      watch: false, reloadDelayMs: 10 }, logger);
  });
  after(async () => {
    await Promise.allSettled(buses.map((b) => b.close()));
    geo.close();
    tmp.cleanup();
  });

  it('consumes the five sensor topics and publishes the four enriched ones', async () => {
    const sensors = await connect('sensors');
    // Topics exist before anyone joins (the bus creates them on first use, publish or subscribe).
    const running = await startEnrichment(await connect('enrich'), defaultEnrichConfig, logger, undefined, { geo });
    const reader = await connect('reader');
    const seen = new Map<string, unknown[]>(outputs.map((t) => [t.name, []]));
    for (const topic of outputs) {
      // A group per topic, as enrich itself uses (see enrichment.ts).
      await reader.subscribe(topic as TopicSpec, `reader-${topic.name}`, (event) => {
        seen.get(topic.name)?.push(event);
      });
    }
    sensors.publish(topics.asset, exampleFor('netwatch.asset.v1'));
    await sensors.flush();
    await waitFor(() => running.enricher.stats.assetsLearned === 1, 45_000, 'the asset event to be learned');
    sensors.publish(topics.dns, exampleFor('netwatch.dns.v1'));
    sensors.publish(topics.tls, exampleFor('netwatch.tls.v1'));
    sensors.publish(topics.alert, exampleFor('netwatch.alert.v1'));
    await sensors.flush();
    await waitFor(() => running.enricher.stats.events.dns === 1, 45_000, 'the DNS event to be enriched');
    sensors.publish(topics.flow, exampleFor('netwatch.flow.v1'));
    await sensors.flush();
    await waitFor(() => outputs.every((t) => seen.get(t.name)?.length === 1), 45_000, 'one event on each enriched topic');
    for (const topic of outputs) strictParse(topic.schema, seen.get(topic.name)?.[0]);
    const flow = strictParse(topics.enrichedFlow.schema, seen.get(topics.enrichedFlow.name)?.[0]);
    assert.equal(flow.destination.geo?.city_name, 'Frankfurt am Main');
    assert.equal(flow.destination.as?.number, 64500);
    assert.equal(flow.destination.domain, 'www.example.com');
    assert.equal(flow.source.domain, 'alices-macbook');
    await running.stop();
  });
});
