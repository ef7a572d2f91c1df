// netwatch's mDNS/DNS-SD parsing and asset events against tshark 4.0, on what a real avahi-daemon puts on the wire.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mdnsObservation } from '../observations/mdns.js';
import { AVAHI_HOSTNAME, AVAHI_SERVICE, type AvahiRecording, recordAvahi } from './record-avahi.js';
import { netwatchFrames, type ParsedFrame } from './netwatch-frames.js';
import { tsharkFields } from './tshark-fields.js';
import { labSkip } from './lab-skip.js';
import { assetEventsOf } from './asset-events-of.js';
import { framesOf, ok, unescapeDns, type ValueOf } from './field-helpers.js';

const skip = labSkip('network and mount namespaces, tcpdump', ['tshark', 'avahi-daemon', 'unshare', 'dig', 'tcpdump']);

describe('mDNS from a real avahi-daemon equals tshark', { skip }, () => {
  let dir = '';
  let rec: AvahiRecording;
  let frames: Map<number, ParsedFrame>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-avahi-conformance-'));
    rec = await recordAvahi(dir);
    frames = netwatchFrames(rec.pcap);
  });
  after(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('responses: A, AAAA, SRV port and target, TXT entries, PTR targets, frame by frame', () => {
    const shark = tsharkFields(rec.pcap, 'mdns && dns.flags.response == 1', ['dns.a', 'dns.aaaa', 'dns.srv.port',
      'dns.srv.target', 'dns.txt', 'dns.ptr.domain_name', 'dns.resp.ttl']);
    const ours = framesOf(frames, 'mdns');
    // Announcements over IPv4 and IPv6, the two legacy unicast answers to dig, the goodbyes.
    assert.ok(shark.size >= 8, `${shark.size} mDNS responses (avahi said: ${rec.log})`);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as ValueOf<'mdns'>, n);
      assert.equal(m.isResponse, true, `frame ${n}`);
      assert.deepEqual({
        a: m.addresses.filter((a) => !a.address.includes(':')).map((a) => a.address),
        aaaa: m.addresses.filter((a) => a.address.includes(':')).map((a) => a.address),
        port: m.services.map((s) => String(s.port)), target: m.services.map((s) => s.target),
        txt: m.txt.flatMap((t) => t.entries), ptr: m.pointers.map((p) => unescapeDns(p.target)),
        goodbye: m.goodbye,
      }, {
        a: row['dns.a'], aaaa: row['dns.aaaa'], port: row['dns.srv.port'], target: row['dns.srv.target'],
        // Explained below: tshark lists the zero-length string of an empty TXT record, netwatch no entry.
        txt: (row['dns.txt'] ?? []).filter((e) => e !== ''), ptr: row['dns.ptr.domain_name'],
        goodbye: (row['dns.resp.ttl'] ?? []).every((t) => t === '0'),
      }, `frame ${n}`);
    }
    const instances = new Set([...ours.values()].flatMap((p) => (p.ok ? p.value.services.map((s) => s.instance) : [])));
    assert.ok(instances.has(AVAHI_SERVICE.instance.replace(/ /g, '\\032')), [...instances].join(', '));
  });

  it('explained: an empty TXT record (RFC 6763 §6.1, one zero-length string) has no entries for netwatch', () => {
    const shark = tsharkFields(rec.pcap, 'mdns && dns.flags.response == 1', ['dns.txt']);
    const ours = framesOf(frames, 'mdns');
    // avahi's _workstation._tcp instance has no keys, so its TXT record is the single zero byte.
    const empty = [...shark].filter(([, row]) => (row['dns.txt'] ?? []).includes(''));
    assert.ok(empty.length >= 1, 'no empty TXT record on the wire');
    for (const [n] of empty) {
      const workstation = ok(ours.get(n) as ValueOf<'mdns'>, n).txt.find((t) => t.name.includes('._workstation._tcp.'));
      assert.deepEqual(workstation?.entries, [], `frame ${n}`);
    }
  });

  it('explained: probes and queries parse, but their records are not reported (tentative, RFC 6762 §8.2)', () => {
    const queries = tsharkFields(rec.pcap, 'mdns && dns.flags.response == 0', ['dns.count.auth_rr']);
    const ours = framesOf(frames, 'mdns');
    const probes = [...queries].filter(([, row]) => Number(row['dns.count.auth_rr']?.[0] ?? 0) > 0);
    assert.ok(probes.length >= 3, `${probes.length} probes: RFC 6762 §8.1 sends three`);
    for (const [n] of queries) assert.equal(ok(ours.get(n) as ValueOf<'mdns'>, n).isResponse, false, `frame ${n}`);
  });

  it('goodbyes: avahi withdraws every record as it stops; netwatch marks them and observes nothing from them', () => {
    const goodbyes = [...framesOf(frames, 'mdns')].filter(([, p]) => p.ok && p.value.goodbye);
    assert.ok(goodbyes.length >= 1, 'no goodbye frame');
    for (const [n, p] of goodbyes) {
      const m = ok(p, n);
      assert.ok(m.addresses.length > 0 && m.services.length > 0, `frame ${n} still lists what it withdraws`);
      assert.equal(mdnsObservation(m, { mac: 1, frameMac: 1, ip: rec.serverIp }), undefined, `frame ${n}`);
    }
  });

  it('asset events: avahi\'s host with its name, both addresses, its services and the printer model', () => {
    const { events, stats } = assetEventsOf(rec.pcap);
    const mac = rec.serverMac.toUpperCase().replace(/:/g, '-');
    const avahi = events.filter((e) => e.host.mac?.[0] === mac);
    const last = avahi.at(-1);
    assert.ok(last !== undefined, `no asset event for ${rec.serverMac}`);
    assert.equal(last.host.hostname, AVAHI_HOSTNAME);
    assert.deepEqual([...(last.host.ip ?? [])].sort(), [rec.serverIp, 'fd77:6e77::2'].sort());
    const services = (last.netwatch.asset.services ?? []).map((s) => `${s.name}/${s.transport}/${s.port}`).sort();
    assert.deepEqual(services, ['_ipp._tcp/tcp/631', '_workstation._tcp/tcp/9']);
    assert.equal(last.device?.model?.name, AVAHI_SERVICE.model);
    assert.deepEqual(stats.malformed.mdns, {});
  });
});
