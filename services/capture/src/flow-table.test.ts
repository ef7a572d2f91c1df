// FlowTable on hand-built conversations: counters per direction, TCP state, timeouts, eviction, fragments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { communityId } from '@netwatch/schemas';
import {
  ACK, CLIENT, fb, httpConversation, PSH_ACK, RST, runFrames, SERVER, SYN, SYN_ACK, tcpFrame, type TimedFrame,
  udpFrame,
} from './testing/feed.js';

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1, `expected one item, got ${items.length}`);
  return items[0] as T;
}

describe('FlowTable: one TCP conversation', () => {
  const frames = httpConversation();
  const flow = only(runFrames(frames).flows);

  it('counts packets and frame bytes per direction, client first', () => {
    assert.equal(flow.source.ip, CLIENT);
    assert.equal(flow.source.port, 51000);
    assert.equal(flow.destination.ip, SERVER);
    assert.equal(flow.destination.port, 80);
    assert.equal(flow.source.packets, 6);
    assert.equal(flow.destination.packets, 4);
    const clientBytes = frames.filter((_, i) => [0, 2, 3, 6, 7, 9].includes(i)).reduce((n, f) => n + f.frame.length, 0);
    const all = frames.reduce((n, f) => n + f.frame.length, 0);
    assert.equal(flow.source.bytes, clientBytes);
    assert.equal(flow.destination.bytes, all - clientBytes);
    assert.equal(flow.network.packets, 10);
    assert.equal(flow.network.bytes, all);
  });

  it('follows the handshake and close: SF, Zeek history, RTT from SYN to the ACK of the SYN-ACK', () => {
    assert.equal(flow.netwatch.flow.state, 'SF');
    assert.equal(flow.netwatch.flow.history, 'ShADadFf');
    assert.equal(flow.netwatch.flow.tcp?.handshake_rtt_ns, 40_000_000);
    assert.deepEqual(flow.netwatch.flow.tcp?.flags_client_names, ['FIN', 'SYN', 'PSH', 'ACK']);
    assert.equal(flow.netwatch.flow.tcp?.retransmits_client, 0);
    assert.equal(flow.netwatch.flow.export_reason, 'end');
  });

  it('times, duration, direction, Community ID, L7 from the payload, MACs', () => {
    assert.equal(flow.event.start, '2025-06-15T15:06:40.000000000Z');
    assert.equal(flow.event.end, '2025-06-15T15:06:40.130000000Z');
    assert.equal(flow.event.duration, 130_000_000);
    assert.equal(flow.network.direction, 'outbound');
    assert.equal(flow.network.community_id, communityId(CLIENT, SERVER, 6, 51000, 80));
    assert.equal(flow.network.protocol, 'http');
    assert.equal(flow.netwatch.flow.service_source, 'payload');
    assert.equal(flow.source.mac, '02-00-00-00-00-0A');
    assert.equal(flow.destination.mac, '02-00-00-00-00-0B');
    assert.equal(flow.network.transport, 'tcp');
    assert.equal(flow.network.iana_number, '6');
    assert.equal(flow.netwatch.flow.min_ttl, 64);
  });
});

describe('FlowTable: who is the client', () => {
  it('a flow picked up mid-stream from a service port takes the other side as client (OTH)', () => {
    const flow = only(runFrames([
      { at: 0, frame: tcpFrame({ at: 0, fromClient: false, flags: PSH_ACK, seq: 9, payload: new Uint8Array(100) }) },
      { at: 0.01, frame: tcpFrame({ at: 0, fromClient: true, flags: ACK, seq: 1, ack: 109 }) },
    ]).flows);
    assert.equal(flow.source.ip, CLIENT);
    assert.equal(flow.destination.port, 80);
    assert.equal(flow.source.packets, 1);
    assert.equal(flow.destination.packets, 1);
    assert.equal(flow.netwatch.flow.state, 'OTH');
    assert.equal(flow.netwatch.flow.tcp?.handshake_rtt_ns, undefined);
  });

  it('a SYN-ACK seen first makes its receiver the client', () => {
    const flow = only(runFrames([{ at: 0, frame: tcpFrame({ at: 0, fromClient: false, flags: SYN_ACK }) }]).flows);
    assert.equal(flow.source.ip, CLIENT);
    assert.equal(flow.netwatch.flow.state, 'OTH');
    assert.equal(flow.destination.packets, 1);
  });

  it('an unanswered SYN is S0, a SYN answered by RST is REJ', () => {
    const s0 = only(runFrames([{ at: 0, frame: tcpFrame({ at: 0, fromClient: true, flags: SYN }) }]).flows);
    assert.equal(s0.netwatch.flow.state, 'S0');
    const rej = only(runFrames([
      { at: 0, frame: tcpFrame({ at: 0, fromClient: true, flags: SYN }) },
      { at: 0.001, frame: tcpFrame({ at: 0, fromClient: false, flags: RST | ACK }) },
    ]).flows);
    assert.equal(rej.netwatch.flow.state, 'REJ');
    assert.equal(rej.netwatch.flow.history, 'Sr');
  });
});

describe('FlowTable: loss and reordering', () => {
  const data = new Uint8Array(1000);
  const base = httpConversation().slice(0, 3);
  it('a segment resent after a pause is a retransmission; one trailing by < 3 ms is out of order', () => {
    const seg = (at: number, seq: number): TimedFrame => ({
      at, frame: tcpFrame({ at, fromClient: true, flags: PSH_ACK, seq, ack: 5001, payload: data }),
    });
    const flow = only(runFrames([
      ...base,
      seg(1, 1001),
      seg(1.2, 1001), // resent 200 ms later
      seg(1.3, 3001), // skips 2001..3000
      seg(1.301, 2001), // arrives 1 ms later: reordered
    ]).flows);
    assert.equal(flow.netwatch.flow.tcp?.retransmits_client, 1);
    assert.equal(flow.netwatch.flow.tcp?.out_of_order_client, 1);
    assert.match(flow.netwatch.flow.history ?? '', /T/);
  });
});

describe('FlowTable: timeouts and limits', () => {
  it('a pause longer than the idle timeout splits the conversation into two flows', () => {
    const later = httpConversation(100).map((f) => f);
    const { flows } = runFrames([...httpConversation(0).slice(0, 4), ...later.slice(3)], { idleTimeoutSec: 60 });
    assert.equal(flows.length, 2);
    assert.equal(flows[0]?.netwatch.flow.export_reason, 'idle_timeout');
    assert.equal(flows[0]?.network.packets, 4);
    assert.equal(flows[1]?.network.packets, 7);
  });

  it('a long flow is exported every active timeout with cumulative counters and the same id', () => {
    const frames: TimedFrame[] = [];
    for (let i = 0; i < 20; i++) {
      frames.push({ at: i * 10, frame: udpFrame(CLIENT, SERVER, 40000, 5000, new Uint8Array(10)) });
    }
    const { flows } = runFrames(frames, { activeTimeoutSec: 60, idleTimeoutSec: 30 });
    const reasons = flows.map((f) => f.netwatch.flow.export_reason);
    assert.deepEqual(reasons, ['active_timeout', 'active_timeout', 'active_timeout', 'end']);
    // advance(t) runs before the packet at t, so the update at 60 s holds the packets of 0..50 s.
    assert.deepEqual(flows.map((f) => f.network.packets), [6, 12, 18, 20]);
    assert.equal(new Set(flows.map((f) => f.netwatch.flow.id)).size, 1);
    assert.deepEqual(flows[0]?.event.type, ['connection', 'info']);
    assert.deepEqual(flows[3]?.event.type, ['connection', 'end']);
  });

  it('an idle flow is exported once the clock passes its timeout, without waiting for the end', () => {
    const frames: TimedFrame[] = [
      { at: 0, frame: udpFrame(CLIENT, SERVER, 40001, 5000, new Uint8Array(10)) },
      ...Array.from({ length: 30 }, (_, i) => ({ at: 1 + i * 5, frame: udpFrame(CLIENT, SERVER, 40002, 5000,
        new Uint8Array(10)) })),
    ];
    const { flows } = runFrames(frames, { idleTimeoutSec: 30, activeTimeoutSec: 3600 }, false);
    assert.equal(flows.length, 1);
    assert.equal(flows[0]?.source.port, 40001);
    assert.equal(flows[0]?.netwatch.flow.export_reason, 'idle_timeout');
  });

  it('closed TCP flows leave after the closed timeout; a new SYN on the same ports is a new flow', () => {
    const first = httpConversation(0);
    const again = httpConversation(1);
    const { flows } = runFrames([...first, ...again], { closedTimeoutSec: 5 });
    assert.equal(flows.length, 2);
    assert.deepEqual(flows.map((f) => f.network.packets), [10, 10]);
    assert.notEqual(flows[0]?.netwatch.flow.id, flows[1]?.netwatch.flow.id);
  });

  it('a full table evicts the oldest flow and counts it', () => {
    const frames = Array.from({ length: 6 }, (_, i) => ({ at: i, frame: udpFrame(CLIENT, SERVER, 40000 + i, 5000,
      new Uint8Array(4)) }));
    const { flows, table } = runFrames(frames, { maxFlows: 4 });
    assert.equal(table.stats.evicted, 2);
    assert.deepEqual(flows.filter((f) => f.netwatch.flow.export_reason === 'evicted').map((f) => f.source.port),
      [40000, 40001]);
    assert.equal(flows.length, 6);
  });
});

describe('FlowTable: other protocols', () => {
  it('ICMP echo request and reply are one flow with type and code', () => {
    const echo = (type: number, src: string, dst: string) =>
      fb.ethernet(0x0800, fb.ipv4({ src, dst, protocol: 1 }, fb.icmp(type, 0, fb.bytes(0, 7, 0, 1))));
    const flow = only(runFrames([
      { at: 0, frame: echo(8, CLIENT, SERVER) },
      { at: 0.01, frame: echo(0, SERVER, CLIENT) },
    ]).flows);
    assert.equal(flow.network.transport, 'icmp');
    assert.equal(flow.source.ip, CLIENT);
    assert.equal(flow.source.port, undefined);
    assert.deepEqual(flow.netwatch.flow.icmp, { type: 8, code: 0 });
    assert.equal(flow.destination.packets, 1);
    assert.equal(flow.network.community_id, communityId(CLIENT, SERVER, 1, 8, 0));
  });

  it('DNS over UDP: the port and the payload agree; a reply first still finds the client', () => {
    const query = fb.concat(fb.bytes(0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), fb.bytes(7),
      new TextEncoder().encode('example'), fb.bytes(3), new TextEncoder().encode('com'), fb.bytes(0, 0, 1, 0, 1));
    const flow = only(runFrames([{ at: 0, frame: udpFrame(SERVER, CLIENT, 53, 53000, query) }]).flows);
    assert.equal(flow.source.ip, CLIENT);
    assert.equal(flow.destination.port, 53);
    assert.equal(flow.network.protocol, 'dns');
    assert.equal(flow.netwatch.flow.service_source, 'payload');
    assert.equal(flow.netwatch.flow.state, 'SHR');
  });

  it('IPv6 in a VLAN: type, VLAN id, internal direction', () => {
    const frame = fb.ethernetVlan([fb.vlanTag(0x8100, 42)], 0x86dd, fb.ipv6({ src: 'fd00::1', dst: 'fd00::2',
      nextHeader: 17 }, fb.udp(40000, 9999, new Uint8Array(8))));
    const flow = only(runFrames([{ at: 0, frame }]).flows);
    assert.equal(flow.network.type, 'ipv6');
    assert.equal(flow.network.vlan?.id, '42');
    assert.equal(flow.network.direction, 'internal');
    assert.equal(flow.source.ip, 'fd00::1');
  });

  it('later fragments count on their first fragment\'s flow; an orphan fragment is counted apart', () => {
    const udpHeaderAndData = fb.udp(40000, 9999, new Uint8Array(24));
    const first = fb.ethernet(0x0800, fb.ipv4({ src: CLIENT, dst: SERVER, protocol: 17, id: 77, mf: true },
      udpHeaderAndData.subarray(0, 16)));
    const second = fb.ethernet(0x0800, fb.ipv4({ src: CLIENT, dst: SERVER, protocol: 17, id: 77, fragmentOffset: 16 },
      udpHeaderAndData.subarray(16)));
    const orphan = fb.ethernet(0x0800, fb.ipv4({ src: CLIENT, dst: SERVER, protocol: 17, id: 99, fragmentOffset: 16 },
      new Uint8Array(16)));
    const { flows, table } = runFrames([{ at: 0, frame: first }, { at: 0.001, frame: second },
      { at: 0.002, frame: orphan }]);
    const withPorts = flows.find((f) => f.source.port === 40000);
    assert.equal(withPorts?.source.packets, 2);
    assert.equal(table.stats.orphanFragments, 1);
    assert.equal(flows.length, 2);
  });

  it('HOME_NET decides inbound, outbound, internal and external', () => {
    const one = (src: string, dst: string) =>
      only(runFrames([{ at: 0, frame: tcpFrame({ at: 0, fromClient: true, flags: SYN }, src, dst) }],
        { homeNet: ['10.0.0.0/8'] }).flows).network.direction;
    assert.equal(one('10.1.1.1', '8.8.8.8'), 'outbound');
    assert.equal(one('8.8.8.8', '10.1.1.1'), 'inbound');
    assert.equal(one('10.1.1.1', '10.2.2.2'), 'internal');
    assert.equal(one('8.8.8.8', '1.1.1.1'), 'external');
  });

  it('a damaged TCP header is counted as malformed, not invented into a port-0 flow', () => {
    const cut = fb.ethernet(0x0800, fb.ipv4({ src: CLIENT, dst: SERVER, protocol: 6 }, fb.bytes(1, 2, 3)));
    const { flows, table } = runFrames([{ at: 0, frame: cut }]);
    assert.equal(flows.length, 0);
    assert.equal(table.stats.malformed, 1);
  });
});
