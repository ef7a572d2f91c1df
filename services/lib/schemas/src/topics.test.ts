// Tests for the topic registry: names, lookups, retention and each key rule's branches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFor } from './examples.js';
import { dlqTopicName } from './topic.js';
import { allTopics, isTopicName, topicByName, topics } from './topics.js';

describe('topic registry', () => {
  it('defines the 14 topics of the architecture, uniquely named and versioned', () => {
    assert.deepEqual(allTopics.map((t) => t.name).sort(), [
      'netwatch.action.block.v1',
      'netwatch.alert.enriched.v1',
      'netwatch.alert.v1',
      'netwatch.asset.v1',
      'netwatch.dns.v1',
      'netwatch.dpi.v1',
      'netwatch.enriched.dns.v1',
      'netwatch.enriched.flow.v1',
      'netwatch.enriched.tls.v1',
      'netwatch.flow.v1',
      'netwatch.incident.v1',
      'netwatch.intel.ioc.v1',
      'netwatch.sensor.stats.v1',
      'netwatch.tls.v1',
    ]);
    for (const t of allTopics) {
      assert.match(t.name, /^netwatch(\.[a-z]+)+\.v[1-9]\d*$/);
      assert.ok(t.description.length > 10 && t.keyRule.length > 5, t.name);
    }
  });

  it('compacts only the indicator topic', () => {
    assert.deepEqual(
      allTopics.filter((t) => t.retention === 'compact').map((t) => t.name),
      ['netwatch.intel.ioc.v1'],
    );
  });

  it('finds topics by name', () => {
    assert.equal(topicByName('netwatch.dns.v1'), topics.dns);
    assert.equal(topicByName('netwatch.alert.enriched.v1'), topics.enrichedAlert);
    assert.equal(topicByName('netwatch.nope.v1'), undefined);
    assert.ok(isTopicName('netwatch.flow.v1'));
    assert.ok(!isTopicName('netwatch.flow.v2'));
  });

  it('names DLQ topics per service', () => {
    assert.equal(dlqTopicName('enrich'), 'netwatch.dlq.enrich.v1');
    assert.throws(() => dlqTopicName('Bad Name'));
  });
});

describe('key rules', () => {
  it('flow: destination when inbound, else source', () => {
    const flow = exampleFor('netwatch.flow.v1');
    assert.equal(topics.flow.key(flow), flow.source.ip);
    flow.network.direction = 'inbound';
    assert.equal(topics.flow.key(flow), flow.destination.ip);
    flow.network.direction = 'internal';
    assert.equal(topics.flow.key(flow), flow.source.ip);
  });

  it('asset: the IP, else the MAC', () => {
    const asset = exampleFor('netwatch.asset.v1');
    assert.equal(topics.asset.key(asset), '192.168.10.23');
    delete asset.host.ip;
    assert.equal(topics.asset.key(asset), '3C-22-FB-12-34-56');
    delete asset.host.mac;
    assert.throws(() => topics.asset.key(asset), /host\.ip or host\.mac/);
  });

  it('dpi: as flows, else tool:log_type', () => {
    const dpi = exampleFor('netwatch.dpi.v1');
    if (dpi.network) dpi.network.direction = 'inbound';
    assert.equal(topics.dpi.key(dpi), '203.0.113.10');
    delete dpi.source;
    delete dpi.destination;
    assert.equal(topics.dpi.key(dpi), 'suricata:http');
  });

  it('block: the target, also for a network', () => {
    const block = exampleFor('netwatch.action.block.v1');
    block.netwatch.block.target = '198.51.100.0/24';
    assert.ok(topics.block.schema.safeParse(block).success);
    assert.equal(topics.block.key(block), '198.51.100.0/24');
  });

  it('indicator: type:value', () => {
    const ioc = exampleFor('netwatch.intel.ioc.v1');
    ioc.netwatch.indicator = { type: 'ip', value: '203.0.113.66', confidence: 90 };
    assert.ok(topics.indicator.schema.safeParse(ioc).success);
    assert.equal(topics.indicator.key(ioc), 'ip:203.0.113.66');
  });
});
