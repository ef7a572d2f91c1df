// Test helper: a set of valid frames across link types and tunnels, as seeds for fuzzing and benchmarks.
import { LinkType } from '../../linktype.js';
import { EtherType, IpProtocol, TcpFlag } from '../decoded-packet.js';
import {
  arp,
  bytes,
  concat,
  ethernet,
  ethernetVlan,
  gre,
  icmp,
  ipv4,
  ipv6,
  ipv6Ext,
  ipv6Fragment,
  linuxSynOptions,
  MAC_A,
  MAC_B,
  nullHeader,
  sll,
  sll2,
  tcp,
  text,
  u16,
  u32,
  udp,
  vlanTag,
  vxlan,
} from './frame-builder.js';

export interface SeedFrame {
  name: string;
  linktype: number;
  frame: Uint8Array;
}

export function seedFrames(): SeedFrame[] {
  const syn = ipv4({ protocol: IpProtocol.TCP, df: true }, tcp({ flags: TcpFlag.SYN, options: linuxSynOptions() }));
  const data = ipv4({ protocol: IpProtocol.TCP, options: bytes(1, 1, 1, 0) }, tcp({ seq: 0x9abcdef0 }, text('GET / HTTP/1.1\r\n')));
  const v6udp = ipv6(
    { nextHeader: IpProtocol.HOPOPTS },
    concat(ipv6Ext(IpProtocol.FRAGMENT), ipv6Fragment(IpProtocol.UDP, 0, true, 42), udp(53, 5353, text('dns?'))),
  );
  const nonFirst = concat(ipv6Fragment(IpProtocol.TCP, 1448, false, 1), new Uint8Array(24));
  const v6frag = ipv6({ nextHeader: IpProtocol.FRAGMENT }, nonFirst);
  const icmp6 = ipv6({ nextHeader: IpProtocol.ICMPV6 }, icmp(128, 0, concat(u16(1), u16(2)), text('abc')));
  const innerEth = ethernet(EtherType.IPV4, data);
  return [
    { name: 'eth-ipv4-tcp-syn', linktype: LinkType.ETHERNET, frame: ethernet(EtherType.IPV4, syn) },
    { name: 'eth-ipv4-opts-tcp', linktype: LinkType.ETHERNET, frame: ethernet(EtherType.IPV4, data) },
    { name: 'vlan-ipv6-frag-udp', linktype: LinkType.ETHERNET, frame: ethernetVlan([vlanTag(0x8100, 5)], EtherType.IPV6, v6udp) },
    {
      name: 'qinq-ipv6-nonfirst',
      linktype: LinkType.ETHERNET,
      frame: ethernetVlan([vlanTag(0x88a8, 1), vlanTag(0x8100, 2)], EtherType.IPV6, v6frag),
    },
    { name: 'eth-arp', linktype: LinkType.ETHERNET, frame: ethernet(EtherType.ARP, arp(1, MAC_A, '10.0.0.1', MAC_B, '10.0.0.2')) },
    {
      name: 'eth-ipv4-icmp',
      linktype: LinkType.ETHERNET,
      frame: ethernet(EtherType.IPV4, ipv4({ protocol: 1 }, icmp(8, 0, u32(0x10001), text('ping')))),
    },
    {
      name: 'gre-teb-tcp',
      linktype: LinkType.ETHERNET,
      frame: ethernet(0x0800, ipv4({ protocol: 47 }, gre({ protocol: EtherType.TEB, key: 7, sequence: 1 }, innerEth))),
    },
    {
      name: 'vxlan-tcp',
      linktype: LinkType.ETHERNET,
      frame: ethernet(EtherType.IPV4, ipv4({ protocol: 17 }, udp(40000, 4789, vxlan(100, innerEth)))),
    },
    { name: 'ipip-ipv6', linktype: LinkType.RAW, frame: ipv4({ protocol: 41 }, icmp6) },
    { name: 'sll-ipv4-tcp', linktype: LinkType.LINUX_SLL, frame: sll(EtherType.IPV4, data) },
    { name: 'sll2-ipv6-udp', linktype: LinkType.LINUX_SLL2, frame: sll2(EtherType.IPV6, v6udp) },
    { name: 'null-ipv6-icmp', linktype: LinkType.NULL, frame: nullHeader(30, icmp6) },
    { name: 'loop-ipv4-tcp', linktype: LinkType.LOOP, frame: nullHeader(2, syn, false) },
    { name: 'ipv4-linktype', linktype: LinkType.IPV4, frame: data },
    { name: 'ipv6-linktype', linktype: LinkType.IPV6, frame: v6udp },
  ];
}
