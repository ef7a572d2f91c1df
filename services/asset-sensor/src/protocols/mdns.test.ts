// mDNS/DNS-SD on the shared DNS parser: addresses, SRV service instances, TXT entries; DNS errors by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, u16 } from '@netwatch/packet/decode/testing/frame-builder';
import { dnsName, dnsRecord, mdnsPrinterAnnouncement } from '../testing/discovery-frames.js';
import { parseMdns } from './mdns.js';

describe('parseMdns', () => {
  it('reads a printer announcement', () => {
    const b = mdnsPrinterAnnouncement();
    assert.deepEqual(parseMdns(b, 0, b.length), { ok: true, value: {
      isResponse: true,
      addresses: [{ name: 'office-printer.local', address: '192.168.1.50' }],
      services: [{ instance: 'Office\\032Printer', service: '_ipp._tcp', transport: 'tcp', port: 631,
        target: 'office-printer.local' }],
      txt: [{ name: 'Office\\032Printer._ipp._tcp.local',
        entries: ['txtvers=1', 'ty=Brother HL-L2350DW series', 'rp=ipp/print'] }],
      pointers: [{ name: '_ipp._tcp.local', target: 'Office\\032Printer._ipp._tcp.local' }],
      goodbye: false,
    } });
  });

  it('marks a goodbye (every answer with TTL 0, RFC 6762 §10.1) and still lists its records', () => {
    const answers = [dnsRecord('_ipp._tcp.local', 12, dnsName('Lab._ipp._tcp.local'), 0, 1),
      dnsRecord('lab.local', 1, bytes(10, 0, 0, 7), 0)];
    const goodbye = concat(u16(0), u16(0x8400), u16(0), u16(answers.length), u16(0), u16(0), ...answers);
    const result = parseMdns(goodbye, 0, goodbye.length);
    assert.ok(result.ok);
    assert.equal(result.value.goodbye, true);
    assert.deepEqual(result.value.addresses, [{ name: 'lab.local', address: '10.0.0.7' }]);
    // One live answer among withdrawn ones is not a goodbye.
    const mixed = concat(u16(0), u16(0x8400), u16(0), u16(2), u16(0), u16(0), answers[0] as Uint8Array,
      dnsRecord('lab.local', 1, bytes(10, 0, 0, 7), 120));
    const partial = parseMdns(mixed, 0, mixed.length);
    assert.equal(partial.ok && partial.value.goodbye, false);
  });

  it('refuses a truncated message and a self-pointer with the DNS parser\'s names', () => {
    const b = mdnsPrinterAnnouncement();
    const cut = parseMdns(b, 0, 20);
    assert.equal(cut.ok, false);
    const loop = concat(u16(0), u16(0x8400), u16(1), u16(0), u16(0), u16(0), bytes(0xc0, 12), u16(1), u16(1));
    const result = parseMdns(loop, 0, loop.length);
    assert.deepEqual(result, { ok: false, reason: 'dns_pointer_forward' });
    assert.deepEqual(cut, { ok: false, reason: 'dns_count_mismatch' });
  });
});
