// The DNS analyzer on the in-memory bus: pairing over UDP and TCP, timeouts, orphans, eviction, malformed counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fb from '@netwatch/packet/decode/testing/frame-builder';
import { buildMessage, optRecord, pointerName, rdata } from '@netwatch/packet/dns/testing/dns-builder';
import { CLIENT, RESOLVER, runFrames, T0, tcpDns, tcpFramed, udpDns } from './testing/dns-frames.js';

const ACK = 0x10;
const SYN = 0x02;
const PSH_ACK = 0x18;

const query = (id: number, name: string, type = 1, extra = {}) =>
  buildMessage({ id, flags: 0x0100, questions: [{ name, type }], ...extra });

const aResponse = (id: number, name: string, ...ips: string[]) => buildMessage({ id, flags: 0x8180,
  questions: [{ name, type: 1 }], answers: ips.map((ip) => ({ name: pointerName('', 12), type: 1, ttl: 60,
    rdata: rdata.a(ip) })) });

describe('createDnsAnalyzer over UDP', () => {
  it('pairs a query with its response into one answer event', async () => {
    const { events, analyzer, metrics } = await runFrames([
      { at: 0, frame: udpDns(query(0x1111, 'WWW.Example.com', 1, { additionals: [optRecord(1232, 0, 0, true)] }),
        true) },
      { at: 0.0125, frame: udpDns(aResponse(0x1111, 'WWW.Example.com', '93.184.216.34', '93.184.216.35'), false) },
    ]);
    assert.equal(events.length, 1);
    const e = events[0];
    assert.ok(e);
    assert.equal(e['@timestamp'], new Date(T0 * 1000).toISOString().replace('.000Z', '.000000000Z'));
    assert.equal(e.event.end, new Date(T0 * 1000).toISOString().replace('.000Z', '.012500000Z'));
    assert.equal(e.event.duration, 12_500_000);
    assert.deepEqual(e.source, { ip: CLIENT, port: 40000, mac: '02-00-00-00-00-0A' });
    assert.deepEqual(e.destination, { ip: RESOLVER, port: 53, mac: '02-00-00-00-00-0B' });
    assert.deepEqual(e.network, { transport: 'udp', iana_number: '17', protocol: 'dns', direction: 'internal',
      community_id: e.network.community_id, type: 'ipv4' });
    assert.match(e.network.community_id ?? '', /^1:/);
    assert.deepEqual(e.dns, {
      id: '4369', type: 'answer', op_code: 'QUERY', header_flags: ['RD', 'RA'], response_code: 'NOERROR',
      question: { name: 'www.example.com', type: 'A', class: 'IN', registered_domain: 'example.com',
        subdomain: 'www', top_level_domain: 'com' },
      answers: [
        { name: 'www.example.com', type: 'A', class: 'IN', ttl: 60, data: '93.184.216.34' },
        { name: 'www.example.com', type: 'A', class: 'IN', ttl: 60, data: '93.184.216.35' },
      ],
      resolved_ip: ['93.184.216.34', '93.184.216.35'],
    });
    assert.deepEqual(e.netwatch.dns, { id: 0x1111, qtype: 1, qclass: 1, opcode: 0, rcode: 0, flags: 0x8180,
      latency_ns: 12_500_000, rejected: false, truncated: false, answer_count: 2,
      features: { qname_length: 15, label_count: 3, longest_label: 7, entropy: 3.1899, digit_ratio: 0 },
      edns: { udp_payload_size: 1232, version: 0, dnssec_ok: true, option_codes: [] } });
    assert.deepEqual(e.related, { ip: [CLIENT, RESOLVER, '93.184.216.34', '93.184.216.35'],
      hosts: ['www.example.com'] });
    assert.deepEqual(e.observer, { hostname: 'sensor-a', type: 'sensor', vendor: 'netwatch', product: 'netwatch',
      ingress: { interface: { name: 'veth-test' } } });
    assert.equal(analyzer.stats.answered, 1);
    assert.match(metrics, /netwatch_dns_transactions_total\{outcome="answered",service="dns-test"\} 1/);
    assert.match(metrics, /netwatch_dns_messages_total\{transport="udp",service="dns-test"\} 2/);
  });

  it('reads the extended RCODE, NXDOMAIN, REFUSED and TC', async () => {
    const { events } = await runFrames([
      { at: 0, frame: udpDns(query(1, 'nx.example.com'), true) },
      { at: 0.001, frame: udpDns(buildMessage({ id: 1, flags: 0x8183, questions: [{ name: 'nx.example.com',
        type: 1 }] }), false) },
      { at: 0.002, frame: udpDns(query(2, 'x.example.org'), true) },
      { at: 0.003, frame: udpDns(buildMessage({ id: 2, flags: 0x8305, questions: [{ name: 'x.example.org', type: 1 }],
        additionals: [optRecord(512, 1)] }), false) },
    ]);
    assert.deepEqual(events.map((e) => [e.dns.response_code, e.netwatch.dns.rcode, e.netwatch.dns.rejected,
      e.netwatch.dns.truncated, e.dns.header_flags]), [
      ['NXDOMAIN', 3, false, false, ['RD', 'RA']],
      ['BADALG', (1 << 4) | 5, false, true, ['TC', 'RD']], // extended RCODE 1 above header RCODE 5
    ]);
  });

  it('publishes an unanswered query after the timeout of capture time, and keeps the first of retransmissions', async () => {
    const { events, analyzer } = await runFrames([
      { at: 0, frame: udpDns(query(7, 'lost.example.com'), true) },
      { at: 1, frame: udpDns(query(7, 'lost.example.com'), true) },
      { at: 4.9, frame: udpDns(query(8, 'other.example.com'), true, { cport: 40001 }) },
      { at: 5, frame: udpDns(query(9, 'tick.example.com'), true, { cport: 40002 }) },
    ], { timeoutSec: 5 });
    assert.deepEqual(events.map((e) => [e.dns.type, e.dns.question.name, e['@timestamp'].slice(17)]), [
      ['query', 'lost.example.com', '40.000000000Z'],
      ['query', 'other.example.com', '44.900000000Z'], // at finish
      ['query', 'tick.example.com', '45.000000000Z'],
    ]);
    assert.equal(events[0]?.netwatch.dns.latency_ns, undefined);
    assert.equal(events[0]?.dns.response_code, undefined);
    assert.equal(analyzer.stats.duplicateQueries, 1);
    assert.equal(analyzer.stats.unanswered, 3);
  });

  it('publishes a response whose query was not seen with query_seen false', async () => {
    const { events, analyzer } = await runFrames([{ at: 0, frame: udpDns(aResponse(5, 'late.example.com', '10.0.0.5'),
      false) }]);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.dns.type, 'answer');
    assert.equal(events[0]?.netwatch.dns.query_seen, false);
    assert.deepEqual(events[0]?.source, { ip: CLIENT, port: 40000, mac: '02-00-00-00-00-0A' });
    assert.deepEqual(events[0]?.dns.resolved_ip, ['10.0.0.5']);
    assert.equal(analyzer.stats.responsesWithoutQuery, 1);
  });

  it('does not pair a response with a different id, question or client port', async () => {
    const { events } = await runFrames([
      { at: 0, frame: udpDns(query(3, 'a.example.com'), true) },
      { at: 0.1, frame: udpDns(aResponse(4, 'a.example.com', '10.0.0.1'), false) },
      { at: 0.2, frame: udpDns(aResponse(3, 'b.example.com', '10.0.0.1'), false) },
      { at: 0.3, frame: udpDns(aResponse(3, 'a.example.com', '10.0.0.1'), false, { cport: 40009 }) },
      { at: 0.4, frame: udpDns(aResponse(3, 'A.EXAMPLE.COM', '10.0.0.1'), false) },
    ]);
    assert.deepEqual(events.map((e) => [e.dns.id, e.dns.question.name, e.netwatch.dns.query_seen ?? true]), [
      ['4', 'a.example.com', false], ['3', 'b.example.com', false], ['3', 'a.example.com', false],
      ['3', 'a.example.com', true],
    ]);
  });

  it('bounds the pending table, publishing the oldest query as unanswered', async () => {
    const frames = [0, 1, 2, 3].map((i) => ({ at: i * 0.01, frame: udpDns(query(i, `q${i}.example.com`), true) }));
    const { events, analyzer, metrics } = await runFrames(frames, { maxPending: 2 });
    assert.deepEqual(events.map((e) => e.dns.question.name), ['q0.example.com', 'q1.example.com', 'q2.example.com',
      'q3.example.com']);
    assert.equal(analyzer.stats.evicted, 2);
    assert.match(metrics, /netwatch_dns_pending_evicted_total\{service="dns-test"\} 2/);
  });

  it('handles IPv6, VLAN tags and other configured ports, and ignores port 5353', async () => {
    const { events } = await runFrames([
      { at: 0, frame: udpDns(query(1, 'v6.example.com', 28), true, { client: 'fd00::10', server: '2001:db8::53' }) },
      { at: 0.1, frame: udpDns(query(2, 'tagged.example.com'), true, { vlan: 42 }) },
      { at: 0.2, frame: udpDns(query(3, 'alt.example.com'), true, { sport: 5053 }) },
      { at: 0.3, frame: udpDns(query(4, 'mdns.local'), true, { sport: 5353, cport: 5353 }) },
    ], { ports: [53, 5053] });
    assert.deepEqual(events.map((e) => [e.dns.question.name, e.network.type, e.network.direction,
      e.network.vlan?.id, e.destination.port]), [
      ['v6.example.com', 'ipv6', 'outbound', undefined, 53],
      ['tagged.example.com', 'ipv4', 'internal', '42', 53],
      ['alt.example.com', 'ipv4', 'internal', undefined, 5053],
    ]);
  });

  it('counts malformed messages by reason and publishes nothing for them', async () => {
    const loop = buildMessage({ id: 1, questions: [{ name: pointerName('a', 12), type: 1 }] });
    const lying = buildMessage({ id: 2, questions: [{ name: 'x.example.com', type: 1 }], counts: [1, 9, 0, 0] });
    const { events, analyzer, metrics } = await runFrames([
      { at: 0, frame: udpDns(loop, true) },
      { at: 0, frame: udpDns(lying, true) },
      { at: 0, frame: udpDns(fb.bytes(1, 2, 3), true) },
    ]);
    assert.equal(events.length, 0);
    assert.equal(analyzer.stats.malformed.dns_pointer_loop, 1);
    assert.equal(analyzer.stats.malformed.dns_count_mismatch, 1);
    assert.equal(analyzer.stats.malformed.dns_header_truncated, 1);
    assert.match(metrics, /netwatch_dns_malformed_total\{reason="dns_pointer_loop",service="dns-test"\} 1/);
  });
});

describe('createDnsAnalyzer over TCP (RFC 7766)', () => {
  it('pairs several queries on one connection, with messages and prefixes split across segments', async () => {
    const q1 = query(0x0a01, 'one.example.com');
    const q2 = query(0x0a02, 'two.example.com', 16);
    const r1 = aResponse(0x0a01, 'one.example.com', '10.1.1.1');
    const r2 = buildMessage({ id: 0x0a02, flags: 0x8180, questions: [{ name: 'two.example.com', type: 16 }],
      answers: [{ name: pointerName('', 12), type: 16, rdata: rdata.txt('hello', 'world') }] });
    const up = tcpFramed(q1, q2);
    const down = tcpFramed(r1, r2);
    const c = 1000;
    const s = 5000;
    const cut = 3; // the first segment ends inside q1
    const downCut = down.length - 5; // the last response arrives in two segments
    const { events, analyzer } = await runFrames([
      { at: 0, frame: tcpDns(true, SYN, c, 0) },
      { at: 0.001, frame: tcpDns(false, SYN | ACK, s, c + 1) },
      { at: 0.002, frame: tcpDns(true, ACK, c + 1, s + 1) },
      { at: 0.003, frame: tcpDns(true, PSH_ACK, c + 1, s + 1, up.subarray(0, cut)) },
      { at: 0.004, frame: tcpDns(true, PSH_ACK, c + 1 + cut, s + 1, up.subarray(cut)) },
      { at: 0.010, frame: tcpDns(false, PSH_ACK, s + 1, c + 1 + up.length, down.subarray(0, downCut)) },
      { at: 0.020, frame: tcpDns(false, PSH_ACK, s + 1 + downCut, c + 1 + up.length, down.subarray(downCut)) },
    ]);
    assert.deepEqual(events.map((e) => [e.network.transport, e.dns.question.name, e.dns.answers?.[0]?.data,
      e.netwatch.dns.latency_ns, e.source.port, e.destination.port]), [
      ['tcp', 'one.example.com', '10.1.1.1', 6_000_000, 41000, 53],
      ['tcp', 'two.example.com', '"hello" "world"', 16_000_000, 41000, 53],
    ]);
    assert.equal(analyzer.stats.tcpMessages, 4);
    assert.equal(events[0]?.network.iana_number, '6');
  });

  it('counts a connection that ends mid-message', async () => {
    const up = tcpFramed(query(1, 'cut.example.com'));
    const { events, analyzer } = await runFrames([
      { at: 0, frame: tcpDns(true, SYN, 0, 0) },
      { at: 0.001, frame: tcpDns(false, SYN | ACK, 0, 1) },
      { at: 0.002, frame: tcpDns(true, PSH_ACK, 1, 1, up.subarray(0, 10)) },
    ]);
    assert.equal(events.length, 0);
    assert.equal(analyzer.stats.malformed.dns_tcp_truncated, 1);
  });
});
