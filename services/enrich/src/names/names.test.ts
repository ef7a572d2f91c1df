// Device names from asset events and names from DNS answers: what is learned, forgotten and bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AssetEvent, type DnsEvent, exampleFor } from '@netwatch/schemas';
import { cleanName, DeviceNames } from './device-names.js';
import { DnsNames } from './dns-names.js';

function asset(host: AssetEvent['host'], change?: { field: string; old: string; new: string }): AssetEvent {
  const e = exampleFor('netwatch.asset.v1');
  const { change: _unused, ...rest } = e.netwatch.asset;
  return { ...e, host, netwatch: { ...e.netwatch, asset: change ? { ...rest, change } : rest } };
}

function dnsAnswer(name: string, ips: string[], rcode = 'NOERROR', viaAnswers = false): DnsEvent {
  const e = exampleFor('netwatch.dns.v1');
  const answers = ips.map((ip) => ({ name, type: ip.includes(':') ? 'AAAA' : 'A', class: 'IN', ttl: 60, data: ip }));
  const { resolved_ip: _r, ...dns } = e.dns;
  return { ...e, dns: { ...dns, response_code: rcode, question: { ...e.dns.question, name }, answers,
    ...(viaAnswers ? {} : { resolved_ip: ips }) } };
}

describe('DeviceNames', () => {
  it('maps every address of the device to its host name, without a trailing dot', () => {
    const names = new DeviceNames(10);
    names.learn(asset({ ip: ['192.168.1.5', 'fd00::5'], hostname: 'printer.local.' }));
    assert.equal(names.nameOf('192.168.1.5'), 'printer.local');
    assert.equal(names.nameOf('fd00::5'), 'printer.local');
    names.learn(asset({ ip: ['192.168.1.6'], name: 'nas' }));
    assert.equal(names.nameOf('192.168.1.6'), 'nas');
    names.learn(asset({ mac: ['00-11-22-33-44-55'], hostname: 'no-ip' }));
    assert.equal(names.size, 3);
  });

  it('forgets the old address when the device moves', () => {
    const names = new DeviceNames(10);
    names.learn(asset({ ip: ['192.168.1.19'], hostname: 'laptop' }));
    names.learn(asset({ ip: ['192.168.1.23'], hostname: 'laptop' }, { field: 'host.ip', old: '192.168.1.19', new: '192.168.1.23' }));
    assert.equal(names.nameOf('192.168.1.19'), undefined);
    assert.equal(names.nameOf('192.168.1.23'), 'laptop');
  });

  it('keeps at most its bound, dropping the least recently learned', () => {
    const names = new DeviceNames(2);
    for (const n of [1, 2, 3]) names.learn(asset({ ip: [`10.0.0.${n}`], hostname: `h${n}` }));
    assert.equal(names.size, 2);
    assert.equal(names.nameOf('10.0.0.1'), undefined);
    assert.equal(names.nameOf('10.0.0.3'), 'h3');
  });

  it('cleans names', () => {
    assert.equal(cleanName(' a.b.. '), 'a.b');
    assert.equal(cleanName('.'), undefined);
    assert.equal(cleanName(undefined), undefined);
  });
});

describe('DnsNames', () => {
  it('maps answered addresses to the question name, from resolved_ip or the A/AAAA records', () => {
    const names = new DnsNames(10);
    names.learn(dnsAnswer('www.example.com', ['203.0.113.10', '2001:db8:1::10']));
    names.learn(dnsAnswer('cdn.example.net', ['198.51.100.4'], 'NOERROR', true));
    assert.equal(names.nameOf('203.0.113.10'), 'www.example.com');
    assert.equal(names.nameOf('2001:db8:1::10'), 'www.example.com');
    assert.equal(names.nameOf('198.51.100.4'), 'cdn.example.net');
    names.learn(dnsAnswer('other.example.org', ['203.0.113.10']));
    assert.equal(names.nameOf('203.0.113.10'), 'other.example.org');
  });

  it('learns nothing from failed answers, from queries, or when disabled', () => {
    const names = new DnsNames(10);
    names.learn(dnsAnswer('nx.example.com', ['203.0.113.11'], 'NXDOMAIN'));
    const query = dnsAnswer('q.example.com', ['203.0.113.12']);
    names.learn({ ...query, dns: { ...query.dns, type: 'query' } });
    assert.equal(names.size, 0);
    const off = new DnsNames(0);
    off.learn(dnsAnswer('www.example.com', ['203.0.113.10']));
    assert.equal(off.nameOf('203.0.113.10'), undefined);
  });

  it('is bounded', () => {
    const names = new DnsNames(3);
    for (let i = 0; i < 10; i++) names.learn(dnsAnswer(`n${i}.example.com`, [`203.0.113.${i}`]));
    assert.equal(names.size, 3);
    assert.equal(names.nameOf('203.0.113.9'), 'n9.example.com');
    assert.equal(names.nameOf('203.0.113.0'), undefined);
  });
});
