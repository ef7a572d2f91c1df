// The frame tally: streams, directions, ICMP errors quoting UDP, fragments placed by tshark's reassembly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tallyFrames } from './tshark-frames.js';

type Fields = Partial<Record<'ip.src' | 'ip.dst' | 'ipv6.src' | 'ipv6.dst' | 'tcp.srcport' | 'tcp.dstport' |
  'tcp.stream' | 'udp.srcport' | 'udp.dstport' | 'udp.stream' | 'icmp.type' | 'icmpv6.type' | 'vlan.id' |
  'communityid' | 'ip.reassembled_in' | 'ipv6.reassembled.in', string>>;

/** One line of `tshark -T fields` output in the tally's field order. */
function line(frame: number, len: number, f: Fields): string {
  return [String(frame), String(len), f['ip.src'], f['ip.dst'], f['ipv6.src'], f['ipv6.dst'], f['tcp.srcport'],
    f['tcp.dstport'], f['tcp.stream'], f['udp.srcport'], f['udp.dstport'], f['udp.stream'], f['icmp.type'],
    f['icmpv6.type'], f['vlan.id'], f.communityid, f['ip.reassembled_in'], f['ipv6.reassembled.in']]
    .map((v) => v ?? '').join('\t');
}

const query = { 'ip.src': '10.0.0.1', 'ip.dst': '10.0.0.2', 'udp.srcport': '40000', 'udp.dstport': '53', 'udp.stream': '0' };
const reply = { 'ip.src': '10.0.0.2', 'ip.dst': '10.0.0.1', 'udp.srcport': '53', 'udp.dstport': '40000', 'udp.stream': '0' };

describe('tallyFrames', () => {
  it('counts each direction of a stream, A being the first sender', () => {
    const tally = tallyFrames([line(1, 80, query), line(2, 120, reply), line(3, 81, query), ''].join('\n'));
    assert.equal(tally.frames, 3);
    assert.deepEqual(tally.conversations, [{
      transport: 'udp', a: { ip: '10.0.0.1', port: 40000 }, b: { ip: '10.0.0.2', port: 53 },
      aToB: { packets: 2, bytes: 161 }, bToA: { packets: 1, bytes: 120 }, origin: 'tshark udp.stream 0',
    }]);
  });

  it('puts an ICMP error in an ICMP conversation, though tshark fills udp.* from the datagram it quotes', () => {
    const error = { ...reply, 'ip.src': '10.0.0.2', 'ip.dst': '10.0.0.1', 'icmp.type': '3', communityid: '1:x' };
    const tally = tallyFrames([line(1, 80, query), line(2, 110, error)].join('\n'));
    assert.deepEqual(tally.conversations.map((c) => [c.transport, c.aToB.packets, c.bToA.packets]), [['udp', 1, 0], ['icmp', 1, 0]]);
    assert.equal(tally.conversations[1]?.communityId, '1:x');
  });

  it('counts a fragment in the conversation of the frame completing its datagram, and notes it', () => {
    const fragment = { 'ip.src': '10.0.0.1', 'ip.dst': '10.0.0.2', 'ip.reassembled_in': '3' };
    const tally = tallyFrames([line(1, 1514, fragment), line(2, 1514, fragment), line(3, 82, query)].join('\n'));
    const [udp] = tally.conversations;
    assert.deepEqual(udp?.aToB, { packets: 3, bytes: 3110 });
    const none = { packets: 0, bytes: 0 };
    assert.deepEqual(udp && tally.fragments.get(udp), { aToB: { packets: 2, bytes: 3028 }, bToA: none });
  });

  it('leaves frames that are not TCP, UDP or ICMP over IP to otherFrames, with IPv6 addresses made canonical', () => {
    const v6 = { 'ipv6.src': 'FD00:0:0::1', 'ipv6.dst': 'fd00::2', 'icmpv6.type': '128', communityid: '1:y' };
    const tally = tallyFrames([line(1, 42, {}), line(2, 118, v6)].join('\n'));
    assert.equal(tally.otherFrames, 1);
    assert.deepEqual(tally.conversations[0]?.a, { ip: 'fd00::1' });
  });
});
