// Exact verdicts for hand-built SYNs and SYN+ACKs: labels, distance, fuzzy/generic, raw signatures, and no throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDecodedPacket, createPacketView, decodePacket, type PacketView } from '@netwatch/packet';
import { FuzzInputs } from '@netwatch/packet/decode/testing/fuzz-inputs';
import { ecsOs } from './ecs-os.js';
import { Fingerprinter, fingerprintSyn, type OsVerdict } from './fingerprint.js';
import { HandshakeFingerprints } from './handshake-fingerprints.js';
import { loadSignatureFile } from './signature-file.js';
import { CRAFTED, craftedFrames, type CraftedHandshake } from './testing/crafted-syns.js';

const db = loadSignatureFile();

function viewOf(frame: Uint8Array): PacketView {
  const view = createPacketView();
  view.data = Buffer.from(frame);
  view.caplen = view.origlen = frame.length;
  view.linktype = 1;
  return view;
}

/** Verdicts of one crafted handshake by name: the SYN, then the SYN+ACK (with the SYN's MSS). */
function verdicts(name: string): (OsVerdict | undefined)[] {
  const handshake = CRAFTED.find((h) => h.syn.name === name);
  assert.ok(handshake, name);
  const packet = createDecodedPacket();
  const fp = new Fingerprinter(db);
  let synMss = 0;
  return craftedFrames([handshake as CraftedHandshake]).map((frame) => {
    const view = viewOf(frame);
    decodePacket(view.data, 0, view.caplen, 1, packet);
    const verdict = fp.fingerprint(view, packet, synMss);
    if (verdict?.type === 'syn') synMss = verdict.mss;
    return verdict;
  });
}

function summary(v: OsVerdict | undefined): unknown {
  return v && { type: v.type, label: v.label?.text, distance: v.distance, fuzzy: v.fuzzy, generic: v.generic,
    params: v.params, raw: v.rawSignature, sig: v.signature };
}

describe('Fingerprinter', () => {
  it('Windows 7 SYN and SYN+ACK: exact matches at distance 0', () => {
    assert.deepEqual(verdicts('Windows 7 or 8').map(summary), [
      { type: 'syn', label: 's:win:Windows:7 or 8', distance: 0, fuzzy: false, generic: false, params: 'none',
        raw: '4:128+0:0:1460:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0', sig: '*:128:0:*:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0' },
      { type: 'syn+ack', label: 's:win:Windows:7 or 8', distance: 0, fuzzy: false, generic: false, params: 'none',
        raw: '4:128+0:0:1460:8192,8:mss,nop,ws,sok,ts:df,id+:0', sig: '*:128:0:*:8192,8:mss,nop,ws,sok,ts:df,id+:0' },
    ]);
  });

  it('Windows 10 (window 64240 = 44 x MSS) falls back to the generic NT kernel label, 8 hops away', () => {
    assert.deepEqual(summary(verdicts('Windows 10 (generic NT kernel)')[0]), {
      type: 'syn', label: 'g:win:Windows:NT kernel', distance: 8, fuzzy: false, generic: true, params: 'generic',
      raw: '4:120+8:0:1460:mss*44,8:mss,nop,ws,nop,nop,sok:df,id+:0', sig: '*:128:0:*:*,*:mss,nop,ws,nop,nop,sok:df,id+:0' });
  });

  it('macOS over IPv6: df/id+ of a * signature are ignored, eol+1 matches', () => {
    assert.deepEqual(summary(verdicts('macOS 10.9+')[0]), {
      type: 'syn', label: 's:unix:MacOS X:10.9 or newer (sometimes iPhone or iPad)', distance: 4, fuzzy: false,
      generic: false, params: 'none', raw: '6:60+4:0:1440:65535,4:mss,nop,ws,nop,nop,ts,sok,eol+1::0',
      sig: '*:64:0:*:65535,4:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0' });
  });

  it('a TTL beyond 35 hops is a fuzzy match with the distance guessed from the TTL', () => {
    assert.deepEqual(summary(verdicts('Linux layout, TTL 200 (fuzzy, excess distance)')[0]), {
      type: 'syn', label: 'g:unix:Linux:2.2.x-3.x', distance: 55, fuzzy: true, generic: true,
      params: 'generic fuzzy excess_dist', raw: '4:200+?:0:1460:mss*44,7:mss,sok,ts,nop,ws:df,id+:0',
      sig: '*:64:0:*:*,*:mss,sok,ts,nop,ws:df,id+:0' });
  });

  it('an added ecn quirk, or df/id+ gone with id- added, is a fuzzy match', () => {
    assert.deepEqual(summary(verdicts('ECN setup SYN')[0]), {
      type: 'syn', label: 'g:unix:Linux:2.2.x-3.x', distance: 0, fuzzy: true, generic: true, params: 'generic fuzzy',
      raw: '4:64+0:0:1460:mss*44,7:mss,sok,ts,nop,ws:df,id+,ecn:0', sig: '*:64:0:*:*,*:mss,sok,ts,nop,ws:df,id+:0' });
    assert.deepEqual(summary(verdicts('Linux without DF (fuzzy)')[0]), {
      type: 'syn', label: 's:unix:Linux:3.11 and newer', distance: 0, fuzzy: true, generic: false, params: 'fuzzy',
      raw: '4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:id-:0', sig: '*:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0' });
  });

  it('NMap: an application match with a random TTL', () => {
    const [syn] = verdicts('NMap SYN scan');
    assert.equal(syn?.application, true);
    assert.equal(syn?.randomTtl, true);
    assert.deepEqual(summary(syn), { type: 'syn', label: 's:!:NMap:SYN scan', distance: 24, fuzzy: false, generic: false,
      params: 'random_ttl', raw: '4:40+24:0:1460:1024,0:mss::0', sig: '*:64-:0:1460:1024,0:mss::0' });
    assert.equal(syn?.label && ecsOs(syn.label), undefined);
  });

  it('window as a multiple of the MTU, and of the peer MSS minus 12 on a SYN+ACK', () => {
    assert.deepEqual(verdicts('window multiple of MTU (OpenVMS 8)').map((v) => [v?.label?.text, v?.rawSignature]), [
      ['s:unix:OpenVMS:8.x', '4:128+0:0:1460:mtu*2,0:mss,nop,ws::0'],
      [undefined, '4:64+0:0:1400:mss*10,0:mss,nop,ws:df,id+:0'],
    ]);
  });

  it('every quirk the packet shows appears in the raw signature, in p0f order', () => {
    const raw = (name: string) => verdicts(name)[0]?.rawSignature;
    assert.equal(raw('quirks seq- ack+ uptr+ pushf+'), '4:64+0:0:1460:1024,0:mss:df,id+,seq-,ack+,uptr+,pushf+:0');
    assert.equal(raw('quirks urgf+ ts1- ts2+ tos'), '4:64+0:0:1460:512,0:mss,nop,nop,ts:df,id+,urgf+,ts1-,ts2+:0');
    assert.equal(verdicts('quirks urgf+ ts1- ts2+ tos')[0]?.params, 'tos:0x2e');
    assert.equal(raw('quirk opt+ (non-zero after EOL)'), '4:64+0:0:1460:4096,0:mss,eol+7:df,id+,opt+:0');
    assert.equal(raw('non-zero in the last EOL pad byte (p0f misses it)'), '4:64+0:0:1460:4096,0:mss,eol+7:df,id+:0');
    assert.equal(raw('quirk exws, 0+ (reserved IP flag)'), '4:64+0:0:1460:8192,15:mss,nop,ws:df,id+,0+,exws:0');
    assert.equal(raw('bad: MSS length 5'), '4:64+0:0:1460:8192,0:mss,nop,nop,nop,nop:df,id+,bad:0');
    assert.equal(raw('bad: truncated timestamp'), '4:64+0:0:1460:8192,0:mss,ts:df,id+,bad:0');
    assert.equal(raw('bad: unknown option 0x22 length 1'), '4:64+0:0:1460:8192,0:mss,?34:df,id+,bad:0');
    assert.equal(raw('unknown option ?30 and SACK'), '4:64+0:0:1460:8192,0:mss,?30,sack,nop,nop:df,id+:0');
    assert.equal(raw('30 NOPs (more than 24 options)'), `4:64+0:0:1460:8192,0:mss${',nop'.repeat(23)}:df,id+,bad:0`);
    assert.equal(raw('payload on SYN'), '4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:+');
    assert.equal(raw('IPv6 flow label, Linux layout'), '6:64+0:0:1440:mss*45,7:mss,sok,ts,nop,ws:flow:0');
  });

  it('ack+ means any non-zero ACK number without the ACK flag (README §5)', () => {
    assert.equal(verdicts('quirk ack+ with ack 2 (p0f tests one bit)')[0]?.rawSignature,
      '4:64+0:0:1460:1024,0:mss:df,id+,ack+:0');
  });

  it('ignores packets that are not SYN or SYN+ACK, and SYN+FIN / SYN+RST, returning undefined', () => {
    const [frame] = craftedFrames([{ syn: { name: 'x', v6: false, ttl: 64, window: 1, options: new Uint8Array(0) } }]);
    assert.ok(frame);
    const packet = createDecodedPacket();
    for (const flags of [0x10, 0x18, 0x11, 0x04, 0x03, 0x06, 0x00]) {
      const copy = Uint8Array.from(frame);
      copy[14 + 20 + 13] = flags;
      const view = viewOf(copy);
      decodePacket(view.data, 0, view.caplen, 1, packet);
      assert.equal(fingerprintSyn(view, packet, db), undefined, `flags 0x${flags.toString(16)}`);
    }
    // A SYN cut short by the snap length is not fingerprinted either (p0f needs the whole IP packet).
    const view = viewOf(frame);
    view.caplen = frame.length - 1;
    decodePacket(view.data, 0, view.caplen, 1, packet);
    assert.equal(fingerprintSyn(view, packet, db), undefined);
  });

  it('maps OS labels to ECS host.os', () => {
    const label = (text: string) => db.request.all.find((s) => s.label.text === text)?.label;
    const os = (text: string) => {
      const l = label(text);
      return l && ecsOs(l);
    };
    assert.deepEqual(os('s:unix:Linux:3.11 and newer'),
      { name: 'Linux', family: 'linux', type: 'linux', version: '3.11 and newer', full: 'Linux 3.11 and newer' });
    assert.deepEqual(os('s:win:Windows:7 or 8'),
      { name: 'Windows', family: 'windows', type: 'windows', version: '7 or 8', full: 'Windows 7 or 8' });
    assert.deepEqual(os('s:unix:Linux:(Android)'), { name: 'Android', family: 'android', type: 'android',
      full: 'Linux (Android)' });
    assert.deepEqual(os('g:unix:Mac OS X:'), { name: 'Mac OS X', family: 'macos', type: 'macos', full: 'Mac OS X' });
    assert.deepEqual(os('s:unix:FreeBSD:9.x or newer'),
      { name: 'FreeBSD', family: 'freebsd', type: 'unix', version: '9.x or newer', full: 'FreeBSD 9.x or newer' });
    assert.deepEqual(os('s:other:Blackberry:'), { name: 'Blackberry', family: 'blackberry', full: 'Blackberry' });
  });

  it('never throws and allocates no verdict for hostile frames; 1 M inputs', () => {
    const inputs = new FuzzInputs(0x5eed);
    const packet = createDecodedPacket();
    const view: PacketView = { data: Buffer.from(inputs.buffer.buffer), offset: 0, caplen: 0, origlen: 0, tsSec: 0,
      tsNsec: 0, linktype: 1, interfaceIndex: 0 };
    const handshakes = new HandshakeFingerprints(db, { maxPending: 1000, maxAgeSec: 30 });
    let verdictsSeen = 0;
    const started = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      const input = inputs.next();
      view.offset = input.offset;
      view.caplen = view.origlen = input.caplen;
      view.linktype = input.linktype;
      decodePacket(view.data, view.offset, view.caplen, view.linktype, packet);
      const seen = handshakes.onPacket(view, packet);
      if (seen) {
        verdictsSeen++;
        assert.match(seen.verdict.rawSignature, /^[46]:\d+\+(\d+|\?):\d+:[\d*]+:[^:]*,\d+:[^:]*:[^:]*:[0+]$/);
      }
    }
    const ms = performance.now() - started;
    assert.ok(verdictsSeen > 1000, `only ${verdictsSeen} verdicts: the inputs do not reach the fingerprinter`);
    assert.ok(handshakes.stats.syn + handshakes.stats.synAck === verdictsSeen);
    assert.ok(ms < 30_000, `${ms} ms`);
  });
});
