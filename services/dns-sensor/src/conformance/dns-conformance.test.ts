// Real DNS (dnsmasq answering dig in network namespaces) read by netwatch and by tshark: every response field agrees.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DnsEvent } from '@netwatch/schemas';
import type { DnsStats } from '../dns-stats.js';
import { type ComparableResponse, fromEvent, fromTshark } from './dns-fields.js';
import { DIG_RUNS, type DnsScenario, HTTPS_TEXT, QUERY_COUNT, recordDnsScenario } from './dns-scenario.js';
import { netwatchDns } from './netwatch-dns.js';
import { tsharkDns, type TsharkRow } from './tshark-dns.js';

const isRoot = process.getuid?.() === 0;

describe('DNS conformance: dnsmasq + dig in namespaces, netwatch vs tshark', { skip: !isRoot && 'needs root for network namespaces' }, () => {
  let dir = '';
  let scenario: DnsScenario;
  let events: DnsEvent[] = [];
  let stats: DnsStats;
  let rows: TsharkRow[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-dns-'));
    scenario = await recordDnsScenario(dir);
    const result = await netwatchDns(scenario.pcap);
    events = result.events;
    stats = result.analyzer.stats;
    rows = await tsharkDns(scenario.pcap);
  });

  after(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('sees every query answered, once, with nothing malformed', () => {
    const responses = rows.filter((r) => r['dns.flags.response'][0] === '1' || r['dns.flags.response'][0] === 'True');
    assert.equal(responses.length, QUERY_COUNT, scenario.digOutput);
    assert.equal(events.length, QUERY_COUNT);
    assert.equal(stats.answered, QUERY_COUNT);
    assert.equal(stats.unanswered + stats.responsesWithoutQuery + stats.duplicateQueries, 0);
    assert.deepEqual(Object.entries(stats.malformed).filter(([, n]) => n > 0), []);
  });

  it('agrees with tshark on every response, field by field', () => {
    const ours = new Map<string, ComparableResponse>();
    for (const e of events) {
      const c = fromEvent(e);
      ours.set(`${c.transport} ${c.clientPort} ${c.id}`, c);
    }
    const responses = rows.filter((r) => r['dns.flags.response'][0] === '1' || r['dns.flags.response'][0] === 'True');
    for (const row of responses) {
      const reference = fromTshark(row);
      const key = `${reference.transport} ${reference.clientPort} ${reference.id}`;
      assert.deepEqual(ours.get(key), reference, `frame ${row['frame.number'][0]} (${key})`);
    }
  });

  it('covers each record type and outcome the scenario asks for', () => {
    const byQuestion = (name: string, type: string, transport = 'udp') => events.filter((e) =>
      e.dns.question.name === name && e.dns.question.type === type && e.network.transport === transport);
    const one = (name: string, type: string, transport = 'udp') => {
      const found = byQuestion(name, type, transport);
      assert.ok(found.length >= 1, `${name} ${type} over ${transport}`);
      return found[0] as DnsEvent;
    };
    assert.equal(one('svc.lab.test', 'HTTPS').dns.answers?.[0]?.data, HTTPS_TEXT);
    assert.equal(one('lab.test', 'CAA').dns.answers?.[0]?.data, '0 issue "letsencrypt.org"');
    assert.deepEqual(one('www.lab.test', 'A').dns.answers?.map((a) => [a.type, a.data]),
      [['CNAME', 'host.lab.test'], ['A', '10.77.0.60']]);
    assert.equal(one('missing.lab.test', 'A').dns.response_code, 'NXDOMAIN');
    assert.equal(one('example.com', 'A').dns.response_code, 'REFUSED');
    assert.equal(one('example.com', 'A').netwatch.dns.rejected, true);
    assert.equal(one('_sip._udp.lab.test', 'SRV').dns.question.registered_domain, 'lab.test');
    assert.equal(one('host.lab.test', 'AAAA').network.type, 'ipv4');
    assert.ok(byQuestion('host.lab.test', 'AAAA').some((e) => e.network.type === 'ipv6'));
    assert.ok(events.some((e) => e.dns.header_flags.includes('DO')), 'the +dnssec query shows DO');
    assert.ok(events.some((e) => e.netwatch.dns.edns === undefined), 'the +noedns query has no EDNS');
  });

  it('reads several DNS messages from one TCP connection (dig +tcp +keepopen, RFC 7766 §6.2.1)', () => {
    const tcp = events.filter((e) => e.network.transport === 'tcp');
    const expected = DIG_RUNS.find((r) => r.label === 'tcp-keepopen')?.queries.length;
    assert.equal(tcp.length, expected);
    assert.equal(new Set(tcp.map((e) => e.source.port)).size, 1, 'all on one connection');
    assert.deepEqual(tcp.map((e) => e.dns.question.name), ['host.lab.test', 'lab.test', 'txt.lab.test',
      'missing.lab.test']);
  });
});
