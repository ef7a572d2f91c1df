// The TLS analyzer over decoded frames on the in-memory bus: events valid strictly, exact fields, counters, metrics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMetrics, MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { communityId, strictParse, type TlsEvent, topics } from '@netwatch/schemas';
import { leafDer, leafExpected } from './testing/certificates.js';
import { certificateBody, clientHelloBody, ext, HANDSHAKE, handshake, records, serverHelloBody } from './testing/hello-builder.js';
import { type TimedFrame, tlsConversation } from './testing/tls-frames.js';
import { createTlsAnalyzer } from './tls-analyzer.js';
import { defaultTlsConfig } from './tls-config.js';
import { feedFrames } from '@netwatch/packet/testing/feed-analyzer';

const T0 = 1_750_000_000;

async function run(frames: readonly TimedFrame[]) {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'tls-test', logger: silentLogger() });
  const published: { topic: string; key: string | null; value: unknown }[] = [];
  broker.tap((record) => published.push(record as (typeof published)[number]));
  const metrics = createMetrics('tls-test', { processMetrics: false });
  const analyzer = createTlsAnalyzer({ bus, observer: 'sensor-t', metrics, interfaceNames: ['veth-t'] },
    defaultTlsConfig);
  feedFrames(analyzer, frames, T0);
  await bus.close();
  const events = published.filter((r) => r.topic === topics.tls.name)
    .map((r) => strictParse(topics.tls.schema, r.value));
  return { events: events as TlsEvent[], keys: published.map((r) => r.key), stats: analyzer.stats,
    metrics: await metrics.registry.metrics() };
}

const clientHello = records(HANDSHAKE, handshake(1, clientHelloBody({ ciphers: [0x0a0a, 0xc02f, 0x1301],
  extensions: [ext.sni('shop.example.com'), ext.alpn(['h2', 'http/1.1']), ext.groups([29, 23]), ext.pointFormats([0]),
    ext.signatureAlgorithms([0x0403]), ext.padding(3000)] })), 1000);
const serverFlight = records(HANDSHAKE, Buffer.concat([
  handshake(2, serverHelloBody({ cipher: 0xc02f, extensions: [ext.raw(0xff01, Buffer.from([0])), ext.alpn(['h2'])] })),
  handshake(11, certificateBody([leafDer])), handshake(14, Buffer.alloc(0))]));
const endpoints = { client: '192.168.1.10', server: '203.0.113.7', clientPort: 50123, serverPort: 8443 };

describe('createTlsAnalyzer', () => {
  it('publishes one full event for a TLS 1.2 handshake on any port, hello over several records and segments', async () => {
    const frames = tlsConversation(endpoints, [[true, clientHello], [false, serverFlight]], 700);
    const { events, keys, stats } = await run(frames);
    assert.equal(events.length, 1);
    assert.deepEqual(keys, ['192.168.1.10']);
    const e = events[0] as TlsEvent;
    assert.equal(e.tls.client.server_name, 'shop.example.com');
    assert.equal(e.tls.version, '1.2');
    assert.equal(e.tls.cipher, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    assert.equal(e.tls.next_protocol, 'h2');
    assert.equal(e.netwatch.tls.ja3_string, '771,49199-4865,0-16-10-11-13-21,29-23,0');
    assert.equal(e.netwatch.tls.ja3s_string, '771,49199,65281-16');
    // sha256('1301,c02f') and sha256('000a,000b,000d,0015_0403'), first 12 hex digits each.
    assert.equal(e.netwatch.tls.ja4, 't12d0206h2_c1929292aa6b_c4bf5905c1f3');
    assert.equal(e.tls.server?.subject, leafExpected.subject);
    assert.equal(e.tls.server?.hash?.sha1, leafExpected.sha1);
    assert.deepEqual(e.tls.client.supported_ciphers, ['GREASE_0x0A0A', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_AES_128_GCM_SHA256']);
    assert.deepEqual(e.source, { ip: '192.168.1.10', port: 50123, mac: '02-00-00-00-00-0A' });
    assert.deepEqual(e.destination, { ip: '203.0.113.7', port: 8443, mac: '02-00-00-00-00-0B', domain: 'shop.example.com' });
    assert.equal(e.network.direction, 'outbound');
    assert.equal(e.network.community_id, communityId('192.168.1.10', '203.0.113.7', 6, 50123, 8443));
    assert.equal(e.observer.ingress?.interface?.name, 'veth-t');
    assert.equal(e.event.start, '2025-06-15T15:06:40.000000000Z');
    assert.equal(stats.handshakes, 1);
    assert.equal(stats.clientOnly, 0);
  });

  it('publishes a ClientHello nobody answered when the connection ends, over IPv6', async () => {
    const v6 = { client: 'fd00::10', server: '2001:db8::443', clientPort: 40000, serverPort: 443 };
    const { events, stats } = await run(tlsConversation(v6, [[true, clientHello]]));
    assert.equal(events.length, 1);
    assert.equal(events[0]?.netwatch.tls.server_hello, undefined);
    assert.equal(events[0]?.network.type, 'ipv6');
    assert.equal(events[0]?.network.direction, 'outbound');
    assert.equal(stats.clientOnly, 1);
  });

  it('ignores other protocols and SSLv2 hellos, counting them, and publishes nothing', async () => {
    const http = tlsConversation({ ...endpoints, serverPort: 80 }, [[true, Buffer.from('GET / HTTP/1.1\r\n\r\n')],
      [false, Buffer.from('HTTP/1.1 200 OK\r\n\r\n')]]);
    const sslv2 = tlsConversation({ ...endpoints, clientPort: 50124 },
      [[true, Buffer.from([0x80, 0x2e, 1, 3, 1, 0, 0x15])]]);
    const smtp = tlsConversation({ ...endpoints, clientPort: 50125, serverPort: 25 }, [[false, Buffer.from('220 hi\r\n')]]);
    const { events, stats, metrics } = await run([...http, ...sslv2, ...smtp]);
    assert.equal(events.length, 0);
    assert.equal(stats.notTls, 2);
    assert.equal(stats.sslv2Hellos, 1);
    assert.match(metrics, /netwatch_tls_skipped_connections_total\{reason="not_tls",service="tls-test"\} 2/);
    assert.match(metrics, /netwatch_tls_skipped_connections_total\{reason="sslv2_hello",service="tls-test"\} 1/);
  });

  it('counts a lying record, publishes nothing for it, and exposes the reason', async () => {
    const lying = Buffer.from([22, 3, 1, 0x50, 0x01, 1, 0, 0, 0]);
    const { events, stats, metrics } = await run(tlsConversation(endpoints, [[true, lying]]));
    assert.equal(events.length, 0);
    assert.equal(stats.malformed.record_length, 1);
    assert.match(metrics, /netwatch_tls_malformed_total\{reason="record_length",service="tls-test"\} 1/);
    assert.match(metrics, /netwatch_tls_handshakes_total\{seen="full",service="tls-test"\} 0/);
  });
});
