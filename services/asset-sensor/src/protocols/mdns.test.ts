// mDNS/DNS-SD on the shared DNS parser: addresses, SRV service instances, TXT entries; DNS errors by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, u16 } from '@netwatch/packet/decode/testing/frame-builder';
import { mdnsPrinterAnnouncement } from '../testing/discovery-frames.js';
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
    } });
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
