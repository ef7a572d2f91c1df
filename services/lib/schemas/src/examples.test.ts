// Tests that every example is a valid strict event for its topic, with the expected key.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { communityId } from './community-id.js';
import { exampleFor, examples } from './examples.js';
import { strictSafeParse } from './strict.js';
import { allTopics, type TopicName, topicByName } from './topics.js';
import { uuidV7Time } from './uuid.js';

const expectedKeys: Record<TopicName, string> = {
  'netwatch.flow.v1': '192.168.10.23', // outbound: the source
  'netwatch.dns.v1': '192.168.10.23',
  'netwatch.tls.v1': '192.168.10.23',
  'netwatch.asset.v1': '192.168.10.23',
  'netwatch.alert.v1': '198.51.100.77', // inbound scan: the offender, not the source side
  'netwatch.dpi.v1': '192.168.10.23',
  'netwatch.enriched.flow.v1': '192.168.10.23',
  'netwatch.enriched.dns.v1': '192.168.10.23',
  'netwatch.enriched.tls.v1': '192.168.10.23',
  'netwatch.alert.enriched.v1': '198.51.100.77', // outbound hit: the offender is the destination
  'netwatch.incident.v1': '198.51.100.77',
  'netwatch.action.block.v1': '198.51.100.77',
  'netwatch.intel.ioc.v1': 'domain:cdn-update.example.net',
  'netwatch.sensor.stats.v1': 'nw-sensor-01',
};

describe('examples', () => {
  it('has exactly one example per topic', () => {
    assert.deepEqual(Object.keys(examples).sort(), allTopics.map((t) => t.name).sort());
  });

  for (const topic of allTopics) {
    it(`${topic.name}: parses strictly and keys as the rule says`, () => {
      const example = examples[topic.name];
      const result = strictSafeParse(topic.schema, example);
      assert.ok(result.success, JSON.stringify(result.error?.issues, null, 2));
      const key = (topic.key as (e: unknown) => string)(result.data);
      assert.equal(key, expectedKeys[topic.name]);
      assert.equal(example.netwatch.schema_version, 1);
    });
  }

  it('carries Community IDs that match their 5-tuples', () => {
    for (const topic of allTopics) {
      const e = examples[topic.name] as {
        source?: { ip: string; port?: number };
        destination?: { ip: string; port?: number };
        network?: { iana_number?: string; community_id?: string };
      };
      if (!e.network?.community_id || !e.source || !e.destination) continue;
      const computed = communityId(
        e.source.ip,
        e.destination.ip,
        Number(e.network.iana_number),
        e.source.port,
        e.destination.port,
      );
      assert.equal(e.network.community_id, computed, topic.name);
    }
  });

  it('has event ids whose UUIDv7 time is not after the event', () => {
    for (const topic of allTopics) {
      const e = examples[topic.name];
      assert.ok(uuidV7Time(e.event.id) <= Date.parse(e['@timestamp']), topic.name);
    }
  });

  it('has TLS fingerprints consistent with their strings', () => {
    const { netwatch, tls } = examples['netwatch.tls.v1'];
    const md5 = (s = '') => createHash('md5').update(s).digest('hex');
    assert.equal(tls.client.ja3, md5(netwatch.tls.ja3_string));
    assert.equal(tls.server?.ja3s, md5(netwatch.tls.ja3s_string));
  });

  it('are frozen; exampleFor gives a mutable copy', () => {
    assert.ok(Object.isFrozen(examples['netwatch.flow.v1'].source));
    const copy = exampleFor('netwatch.flow.v1');
    copy.source.ip = '192.168.10.99';
    assert.equal(examples['netwatch.flow.v1'].source.ip, '192.168.10.23');
    assert.equal(topicByName('netwatch.flow.v1').key(copy), '192.168.10.99');
  });
});
