// Golden test: every frame of every capture fixture decoded and compared field by field with tshark's view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openCaptureFile } from '../capture-file.js';
import { createPacketView } from '../packet-view.js';
import { fixtureNames, fixturePath } from '../testing/fixtures.js';
import { formatAddress } from './address.js';
import { DecodeError, decodeErrorNames } from './decode-error.js';
import { decodePacket } from './decode-packet.js';
import { createDecodedPacket, type DecodedPacket } from './decoded-packet.js';

/** Written by testing/make-expectations.sh; read from src/ since tsc does not copy JSON to dist/. */
const EXPECTATIONS = new URL('../../src/decode/testing/expectations/', import.meta.url);

interface DecodeExpectation {
  file: string;
  columns: string[];
  frames: string[][];
}

/** Our view of one packet in tshark's columns and formats ("" where tshark prints nothing). */
function columns(data: Uint8Array, p: DecodedPacket): Record<string, string> {
  const v4 = p.ipVersion === 4;
  const v6 = p.ipVersion === 6;
  const isTcp = p.protocol === 6 && p.tcpHeaderLength >= 20;
  const isUdp = p.protocol === 17 && p.l4Offset >= 0;
  const num = (ok: boolean, n: number) => (ok ? String(n) : '');
  return {
    'ip.src': v4 ? formatAddress(data, p.srcAddrOffset, 4) : '',
    'ip.dst': v4 ? formatAddress(data, p.dstAddrOffset, 4) : '',
    'ipv6.src': v6 ? formatAddress(data, p.srcAddrOffset, 6) : '',
    'ipv6.dst': v6 ? formatAddress(data, p.dstAddrOffset, 6) : '',
    'ip.proto': num(v4, p.protocol),
    'tcp.srcport': num(isTcp, p.srcPort),
    'tcp.dstport': num(isTcp, p.dstPort),
    'udp.srcport': num(isUdp, p.srcPort),
    'udp.dstport': num(isUdp, p.dstPort),
    'tcp.flags': isTcp ? `0x${p.tcpFlags.toString(16).padStart(4, '0')}` : '',
    'tcp.seq_raw': num(isTcp, p.seq),
    'tcp.ack_raw': num(isTcp, p.ack),
    'tcp.window_size_value': num(isTcp, p.window),
    'tcp.options.mss_val': num(p.mss >= 0, p.mss),
    'tcp.options.wscale.shift': num(p.windowScale >= 0, p.windowScale),
    // tshark's tcp.len is what the IP header says, even when the snap length cut the capture.
    'tcp.len': num(isTcp, p.ipTotalLength - p.ipHeaderLength - p.tcpHeaderLength),
    'udp.length': num(isUdp, p.udpLength),
  };
}

describe('decoding the capture fixtures agrees with tshark', () => {
  const names = fixtureNames();

  it('has an expectation for every fixture', () => {
    assert.ok(names.length >= 10);
    for (const name of names) readFileSync(new URL(`${name}.json`, EXPECTATIONS));
  });

  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.json`, EXPECTATIONS), 'utf8')) as DecodeExpectation;
      const reader = openCaptureFile(fixturePath(name));
      const view = createPacketView();
      const p = createDecodedPacket();
      let frame = 0;
      let tcpFrames = 0;
      while (reader.next(view)) {
        const row = expected.frames[frame];
        assert.ok(row, `${name}: more frames than tshark saw`);
        const code = decodePacket(view.data, view.offset, view.caplen, view.linktype, p);
        assert.equal(decodeErrorNames[code], 'none', `${name} frame ${frame + 1}`);
        assert.equal(code, DecodeError.None);
        const ours = columns(view.data, p);
        expected.columns.forEach((column, i) => {
          const theirs = row[i] ?? '';
          assert.ok(!theirs.includes(';'), `${name} frame ${frame + 1}: ${column} occurs twice (${theirs})`);
          assert.equal(ours[column], theirs, `${name} frame ${frame + 1} ${column}`);
        });
        if (ours['tcp.srcport'] !== '') tcpFrames++;
        // The payload is what was captured of the datagram: never past caplen nor the IP total length.
        assert.ok(p.payloadOffset + p.payloadLength <= view.offset + view.caplen);
        assert.ok(p.payloadOffset + p.payloadLength <= p.l3Offset + p.ipTotalLength);
        frame++;
      }
      reader.close();
      assert.equal(frame, expected.frames.length, `${name}: frame count`);
      if (name.includes('http')) assert.ok(tcpFrames > 10, `${name}: only ${tcpFrames} TCP frames`);
    });
  }
});
