// TcpStreams: in-order delivery per direction, retransmissions once, holes held then gapped, and every way a stream ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { communityId } from '@netwatch/schemas';
import { createDecodedPacket, TcpFlag } from '../decode/decoded-packet.js';
import { decodePacket } from '../decode/decode-packet.js';
import * as fb from '../decode/testing/frame-builder.js';
import { LinkType } from '../linktype.js';
import { createPacketView } from '../packet-view.js';
import { type TcpStream, type TcpStreamEndReason, TcpStreams, type TcpStreamsOptions } from './tcp-streams.js';

const CLIENT = '192.168.1.10';
const SERVER = '203.0.113.5';
const { SYN, ACK, FIN, RST, PSH } = TcpFlag;

interface Segment {
  readonly at?: number;
  readonly fromClient: boolean;
  readonly flags: number;
  readonly seq: number;
  readonly text?: string;
  readonly cport?: number;
  readonly sport?: number;
}

type Event = string;

/** Feeds segments and records what the handler saw, as readable lines. */
function run(segments: readonly Segment[], options: Partial<TcpStreamsOptions> = {}, hooks: {
  onStart?: (s: TcpStream) => boolean;
  onData?: (streams: TcpStreams, s: TcpStream, fromClient: boolean, text: string) => void;
} = {}): { events: Event[]; streams: TcpStreams; started: TcpStream[] } {
  const events: Event[] = [];
  const started: TcpStream[] = [];
  const decoder = new TextDecoder();
  const streams: TcpStreams = new TcpStreams({
    onStart: (s) => {
      started.push(s);
      events.push(`start ${s.id} ${s.client.ip}:${s.client.port} > ${s.server.ip}:${s.server.port} syn=${s.sawSyn}`);
      return hooks.onStart?.(s) ?? true;
    },
    onData: (s, fromClient, data, offset, length) => {
      const text = decoder.decode(data.subarray(offset, offset + length));
      events.push(`${fromClient ? 'c' : 's'} ${text}`);
      hooks.onData?.(streams, s, fromClient, text);
    },
    onGap: (_s, fromClient, missing) => events.push(`gap ${fromClient ? 'c' : 's'} ${missing}`),
    onEnd: (s: TcpStream, reason: TcpStreamEndReason) => events.push(`end ${s.id} ${reason}`),
  }, options);
  const view = createPacketView();
  const decoded = createDecodedPacket();
  for (const s of segments) {
    const cport = s.cport ?? 51000;
    const sport = s.sport ?? 443;
    const [src, dst, from, to] = s.fromClient ? [CLIENT, SERVER, cport, sport] : [SERVER, CLIENT, sport, cport];
    const payload = s.text === undefined ? new Uint8Array(0) : fb.text(s.text);
    const frame = fb.ethernet(0x0800, fb.ipv4({ src, dst, protocol: 6 },
      fb.tcp({ sport: from, dport: to, flags: s.flags, seq: s.seq, ack: 0 }, payload)),
    s.fromClient ? fb.MAC_B : fb.MAC_A, s.fromClient ? fb.MAC_A : fb.MAC_B);
    view.data = Buffer.from(frame);
    view.offset = 0;
    view.caplen = frame.length;
    view.origlen = frame.length;
    view.tsSec = 1_750_000_000 + Math.floor(s.at ?? 0);
    view.tsNsec = Math.round(((s.at ?? 0) % 1) * 1e9);
    view.linktype = LinkType.ETHERNET;
    const error = decodePacket(view.data, 0, view.caplen, view.linktype, decoded);
    streams.onPacket(view, decoded, error);
  }
  return { events, streams, started };
}

const handshake: Segment[] = [
  { fromClient: true, flags: SYN, seq: 1000 },
  { fromClient: false, flags: SYN | ACK, seq: 5000 },
  { fromClient: true, flags: ACK, seq: 1001 },
];

describe('TcpStreams', () => {
  it('delivers each direction in order after the handshake, and ends on FIN both ways', () => {
    const { events, streams, started } = run([
      ...handshake,
      { fromClient: true, flags: ACK | PSH, seq: 1001, text: 'hello ' },
      { fromClient: true, flags: ACK | PSH, seq: 1007, text: 'world' },
      { fromClient: false, flags: ACK | PSH, seq: 5001, text: 'hi' },
      { fromClient: true, flags: FIN | ACK, seq: 1012 },
      { fromClient: false, flags: FIN | ACK, seq: 5003 },
    ]);
    assert.deepEqual(events, [
      `start 1 ${CLIENT}:51000 > ${SERVER}:443 syn=true`, 'c hello ', 'c world', 's hi', 'end 1 closed',
    ]);
    assert.equal(started[0]?.client.mac, '02-00-00-00-00-0A');
    assert.equal(started[0]?.communityId, communityId(CLIENT, SERVER, 6, 51000, 443));
    assert.equal(streams.stats.active, 0);
    assert.equal(streams.stats.deliveredBytes, 13);
    assert.equal(streams.stats.ended.closed, 1);
  });

  it('holds a segment that arrives ahead of a hole and delivers it once the hole fills', () => {
    const { events, streams } = run([
      ...handshake,
      { fromClient: true, flags: ACK, seq: 1004, text: 'DEF' },
      { fromClient: true, flags: ACK, seq: 1007, text: 'GHI' },
      { fromClient: true, flags: ACK, seq: 1001, text: 'ABC' },
    ]);
    assert.deepEqual(events.slice(1), ['c ABC', 'c DEF', 'c GHI']);
    assert.equal(streams.stats.heldSegments, 2);
  });

  it('delivers retransmitted bytes once, and only the new tail of an overlapping segment', () => {
    const { events, streams } = run([
      ...handshake,
      { fromClient: true, flags: ACK, seq: 1001, text: 'ABCD' },
      { fromClient: true, flags: ACK, seq: 1001, text: 'ABCD' },
      { fromClient: true, flags: ACK, seq: 1003, text: 'CDEF' },
    ]);
    assert.deepEqual(events.slice(1), ['c ABCD', 'c EF']);
    assert.equal(streams.stats.duplicateSegments, 2);
  });

  it('declares a gap when held bytes would pass the limit, and goes on after it', () => {
    const { events, streams } = run([
      ...handshake,
      { fromClient: true, flags: ACK, seq: 1001, text: 'AB' },
      { fromClient: true, flags: ACK, seq: 1010, text: 'XYZ' },
      { fromClient: true, flags: ACK, seq: 1013, text: 'UVW' },
    ], { maxHeldBytes: 4 });
    assert.deepEqual(events.slice(1), ['c AB', 'gap c 7', 'c XYZ', 'c UVW']);
    assert.equal(streams.stats.gaps, 1);
    assert.equal(streams.stats.gapBytes, 7);
  });

  it('makes the SYN-ACK\'s receiver the client when the SYN was missed', () => {
    const { events } = run([
      { fromClient: false, flags: SYN | ACK, seq: 5000 },
      { fromClient: true, flags: ACK | PSH, seq: 1001, text: 'req' },
    ]);
    assert.deepEqual(events, [`start 1 ${CLIENT}:51000 > ${SERVER}:443 syn=true`, 'c req']);
  });

  it('picks up a connection mid-stream, taking the lower port as the server, and ignores bare ACKs', () => {
    const { events, streams } = run([
      { fromClient: false, flags: ACK, seq: 9000 },
      { fromClient: false, flags: ACK | PSH, seq: 9000, text: 'data' },
      { fromClient: true, flags: ACK | PSH, seq: 100, text: 'more' },
    ]);
    assert.deepEqual(events, [`start 1 ${CLIENT}:51000 > ${SERVER}:443 syn=false`, 's data', 'c more']);
    assert.equal(streams.stats.started, 1);
  });

  it('ends on RST, and a new SYN on the same ports is a new connection', () => {
    const { events } = run([
      ...handshake,
      { fromClient: true, flags: ACK, seq: 1001, text: 'one' },
      { fromClient: false, flags: RST, seq: 5001 },
      { fromClient: true, flags: SYN, seq: 7000 },
      { fromClient: true, flags: ACK, seq: 7001, text: 'two' },
    ]);
    assert.deepEqual(events, [
      `start 1 ${CLIENT}:51000 > ${SERVER}:443 syn=true`, 'c one', 'end 1 reset',
      `start 2 ${CLIENT}:51000 > ${SERVER}:443 syn=true`, 'c two',
    ]);
  });

  it('stops delivering what the analyzer ignores, and a refused connection is never offered again', () => {
    const { events } = run([
      ...handshake,
      { fromClient: true, flags: ACK, seq: 1001, text: 'first' },
      { fromClient: true, flags: ACK, seq: 1006, text: 'second' },
      { fromClient: false, flags: ACK, seq: 5001, text: 'reply' },
      { fromClient: true, flags: SYN, seq: 1, cport: 40000, sport: 22 },
      { fromClient: true, flags: ACK, seq: 2, cport: 40000, sport: 22, text: 'ssh' },
    ], {}, {
      onStart: (s) => s.serverPort !== 22,
      onData: (streams, s, fromClient) => streams.ignore(s, fromClient),
    });
    assert.deepEqual(events, [
      `start 1 ${CLIENT}:51000 > ${SERVER}:443 syn=true`, 'c first', 's reply',
      `start 2 ${CLIENT}:40000 > ${SERVER}:22 syn=true`,
    ]);
  });

  it('ends idle connections by capture time, evicts the least recently seen, and finishes the rest', () => {
    const { events, streams } = run([
      { at: 0, fromClient: true, flags: SYN, seq: 1, cport: 1001 },
      { at: 1, fromClient: true, flags: SYN, seq: 1, cport: 1002 },
      { at: 2, fromClient: true, flags: ACK, seq: 2, cport: 1001, text: 'a' },
      { at: 3, fromClient: true, flags: SYN, seq: 1, cport: 1003 },
    ], { maxStreams: 2, idleTimeoutSec: 10 });
    assert.deepEqual(events.filter((e) => e.startsWith('end')), ['end 2 evicted']);
    streams.advance(1_750_000_000 + 12);
    assert.deepEqual(events.filter((e) => e.startsWith('end')), ['end 2 evicted', 'end 1 idle']);
    streams.finish();
    assert.deepEqual(events.filter((e) => e.startsWith('end')), ['end 2 evicted', 'end 1 idle', 'end 3 finish']);
    assert.equal(streams.stats.active, 0);
  });

  it('reports bytes still held behind a hole as a gap when the connection ends', () => {
    const { events, streams } = run([...handshake, { fromClient: true, flags: ACK, seq: 1011, text: 'late' }]);
    assert.equal(events.length, 1, 'held, not delivered');
    streams.finish();
    assert.deepEqual(events.slice(1), ['gap c 10', 'end 1 finish']);
  });

  it('follows sequence numbers across the 2^32 wrap', () => {
    const { events } = run([
      { fromClient: true, flags: SYN, seq: 0xfffffffd },
      { fromClient: true, flags: ACK, seq: 0xfffffffe, text: 'wxyz' },
      { fromClient: true, flags: ACK, seq: 2, text: '!' },
    ]);
    assert.deepEqual(events.slice(1), ['c wxyz', 'c !']);
  });
});
