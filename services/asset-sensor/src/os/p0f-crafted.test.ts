// Crafted SYNs of many stacks, written to a pcap and fingerprinted by both p0f 3 and netwatch: every line must agree.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BUNDLED_P0F_DB, loadSignatureFile } from './signature-file.js';
import { compareOnCapture, type Comparison, writeCrafted } from './testing/compare.js';
import { CRAFTED } from './testing/crafted-syns.js';
import { p0fAvailable } from './testing/p0f-tool.js';

const skip = p0fAvailable() ? false : 'needs p0f (apt package p0f)';
/** The one crafted SYN whose ACK number (2) p0f 3.09b does not flag as ack+ (see the last test). */
const ACK_BIT_CASE = 40000 + CRAFTED.findIndex((h) => h.syn.name.startsWith('quirk ack+ with ack 2'));

describe('netwatch fingerprints equal p0f 3 on crafted SYNs and SYN+ACKs', { skip }, () => {
  let dir = '';
  let result: Comparison = { p0f: [], netwatch: [] };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nw-p0f-crafted-'));
    const capture = join(dir, 'crafted.pcap');
    writeCrafted(capture, CRAFTED);
    result = compareOnCapture(capture, BUNDLED_P0F_DB, loadSignatureFile());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('both report the same SYNs and SYN+ACKs, in order', () => {
    const handshakes = CRAFTED.length + CRAFTED.filter((h) => h.synAck).length;
    // The SYN+ACK answering NMap is not fingerprinted by either: p0f drops a flow after an application match.
    assert.equal(result.p0f.length, handshakes - 1);
    assert.deepEqual(result.netwatch.map((l) => [l.mod, l.cli, l.srv]), result.p0f.map((l) => [l.mod, l.cli, l.srv]));
  });

  it('label, distance, params and raw signature agree on every line but the ack+ one', () => {
    const differing = result.p0f.filter((line, i) => JSON.stringify(line) !== JSON.stringify(result.netwatch[i]));
    assert.deepEqual(differing.map((l) => l.cli), [`10.99.0.1/${ACK_BIT_CASE}`]);
  });

  it('more than one OS label is exercised, as p0f names them', () => {
    const labels = new Set(result.p0f.filter((l) => l.os !== '???').map((l) => l.os));
    for (const os of ['Windows 7 or 8', 'Windows XP', 'Windows NT kernel', 'Mac OS X 10.x', 'iOS iPhone or iPad',
      'FreeBSD 9.x or newer', 'OpenBSD 4.x-5.x', 'Linux 2.6.x', 'Linux 2.4.x', 'Linux 2.0', 'Linux (Android)',
      'Solaris 10', 'Blackberry', 'NMap SYN scan', 'OpenVMS 8.x', 'Linux 3.11 and newer']) {
      assert.ok(labels.has(os), `${os} missing from ${[...labels].join('; ')}`);
    }
  });

  it('difference: p0f 3.09b flags ack+ only when bit 24 of the ACK number is set; netwatch for any non-zero ACK', () => {
    // process.c tests `RD32(tcp->ack) & !(flags & RST)`: a bitwise AND with 1 on the raw network-order word, i.e.
    // the low bit of the first ACK byte on little-endian hosts. README §5 defines ack+ as "ACK number is non-zero".
    const p0f = result.p0f.find((l) => l.cli === `10.99.0.1/${ACK_BIT_CASE}`);
    const netwatch = result.netwatch.find((l) => l.cli === `10.99.0.1/${ACK_BIT_CASE}`);
    assert.deepEqual([p0f?.os, p0f?.params, p0f?.rawSig],
      ['Linux 2.2.x-3.x (barebone)', 'generic', '4:64+0:0:1460:1024,0:mss:df,id+:0']);
    assert.deepEqual([netwatch?.os, netwatch?.params, netwatch?.rawSig], ['???', 'none', '4:64+0:0:1460:1024,0:mss:df,id+,ack+:0']);
    // With bit 24 set (ack 0x01000000) both flag it: the quirk itself is the same.
    const both = (lines: typeof result.p0f) => lines.find((l) => l.rawSig.includes('seq-,ack+,uptr+'))?.rawSig;
    assert.equal(both(result.p0f), '4:64+0:0:1460:1024,0:mss:df,id+,seq-,ack+,uptr+,pushf+:0');
    assert.equal(both(result.netwatch), both(result.p0f));
  });
});
