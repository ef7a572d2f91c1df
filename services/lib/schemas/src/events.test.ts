// Tests that event schemas refuse malformed values and let unknown fields through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFor } from './examples.js';
import { type AnyTopic, type EventOf, type TopicId, topics } from './topics.js';

/** Applies `change` to a copy of the topic's example and reports whether it still parses. */
function parses<K extends TopicId>(
  id: K,
  change: (event: EventOf<(typeof topics)[K]['name']>) => void,
): boolean {
  const topic: AnyTopic = topics[id];
  const event = exampleFor(topic.name);
  change(event as EventOf<(typeof topics)[K]['name']>);
  return topic.schema.safeParse(event).success;
}

describe('event schemas', () => {
  it('reject malformed addresses, ids and codes', () => {
    assert.ok(!parses('flow', (e) => (e.source.ip = '192.168.10.256')));
    assert.ok(!parses('flow', (e) => (e.source.port = 65536)));
    assert.ok(!parses('flow', (e) => (e.event.id = '0197636b-0412-4092-ae09-a7b03f3b3eb3')));
    assert.ok(!parses('flow', (e) => (e['@timestamp'] = '12/06/2025 09:14')));
    assert.ok(!parses('flow', (e) => (e.network.direction = 'sideways' as 'inbound')));
    assert.ok(!parses('flow', (e) => (e.network.iana_number = '300')));
    assert.ok(!parses('flow', (e) => (e.network.community_id = 'MRvjqd9icQp0yPki4QKueemF3/Y=')));
    assert.ok(!parses('flow', (e) => (e.source.mac = '3c:22:fb:12:34:56')));
    assert.ok(!parses('flow', (e) => (e.netwatch.flow.export_reason = 'bored' as 'end')));
    assert.ok(!parses('dns', (e) => (e.netwatch.dns.qtype = 70000)));
    assert.ok(!parses('tls', (e) => (e.tls.client.ja3 = 'B32309A26951912BE7DBA376398ABC3B')));
    assert.ok(!parses('tls', (e) => (e.netwatch.tls.ja4 = 'not-a-ja4')));
    assert.ok(!parses('alert', (e) => (e.netwatch.alert.severity = 5)));
    assert.ok(!parses('alert', (e) => (e.netwatch.alert.origin = 'snort' as 'zeek')));
    assert.ok(!parses('incident', (e) => (e.netwatch.incident.status = 'pending' as 'open')));
    assert.ok(!parses('block', (e) => (e.netwatch.block.target = '198.51.100.0/33')));
  });

  it('require what a sensor always knows', () => {
    assert.ok(!parses('flow', (e) => delete (e.event as { start?: string }).start));
    assert.ok(!parses('flow', (e) => delete (e.source as { bytes?: number }).bytes));
    assert.ok(!parses('dns', (e) => delete (e.source as { port?: number }).port));
    assert.ok(
      !parses('tls', (e) => delete (e.netwatch.tls as { client_hello?: object }).client_hello),
    );
    assert.ok(!parses('asset', (e) => (e.host = { hostname: 'no-address' })));
    assert.ok(
      !parses('alert', (e) => delete (e.netwatch.alert as { offender_ip?: string }).offender_ip),
    );
  });

  it('pin each event to its own netwatch.schema and version 1', () => {
    assert.ok(!parses('flow', (e) => (e.netwatch.schema = 'dns' as 'flow')));
    assert.ok(!parses('flow', (e) => (e.netwatch.schema_version = 2 as 1)));
    assert.ok(!topics.flow.schema.safeParse(exampleFor('netwatch.dns.v1')).success);
  });

  it('check an indicator value against its type', () => {
    const ok = (type: string, value: string) =>
      parses('indicator', (e) => {
        (e.netwatch as { indicator: object }).indicator = { type, value, confidence: 50 };
      });
    assert.ok(ok('ip', '2001:db8::66'));
    assert.ok(ok('url', 'https://cdn-update.example.net/p.bin'));
    assert.ok(ok('hash', 'd41d8cd98f00b204e9800998ecf8427e'));
    assert.ok(ok('ja4', 't13d1515h2_8daaf6152771_de4a06bb82e3'));
    assert.ok(!ok('ip', 'cdn-update.example.net'));
    assert.ok(!ok('domain', 'CDN-Update.example.net'), 'domains are lowercase');
    assert.ok(!ok('domain', 'example.net.'), 'no trailing dot');
    assert.ok(!ok('hash', 'd41d8cd98f00b204'));
    assert.ok(!ok('ja3', 'not-hex'));
    assert.ok(!ok('cve', 'CVE-2024-0001'));
  });

  it('let unknown fields through, at the top and nested', () => {
    const event = exampleFor('netwatch.dns.v1') as unknown as Record<string, unknown>;
    event.cloud = { provider: 'none' };
    (event.dns as Record<string, unknown>).future_field = [1, 2];
    const parsed = topics.dns.schema.parse(event) as Record<string, unknown>;
    assert.deepEqual(parsed.cloud, { provider: 'none' });
    assert.deepEqual((parsed.dns as Record<string, unknown>).future_field, [1, 2]);
  });
});
