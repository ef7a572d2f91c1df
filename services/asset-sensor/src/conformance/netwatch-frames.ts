// netwatch's view of the same capture: each frame run through the decoder and the protocol parser it belongs to.
import { createDecodedPacket, decodePacket, DecodeError, forEachPacket } from '@netwatch/packet';
import { type ArpInfo, createArpInfo, readArp } from '../protocols/arp.js';
import { type CdpMessage, parseCdp } from '../protocols/cdp.js';
import { type DhcpMessage, parseDhcp } from '../protocols/dhcp.js';
import { type Dhcpv6Message, parseDhcpv6 } from '../protocols/dhcpv6.js';
import { type LldpMessage, parseLldp } from '../protocols/lldp.js';
import { type MdnsMessage, parseMdns } from '../protocols/mdns.js';
import { type NbnsMessage, parseNbns } from '../protocols/nbns.js';
import type { Parsed } from '../protocols/parse-result.js';
import { parseSsdp, type SsdpMessage } from '../protocols/ssdp.js';

export type ParsedFrame =
  | { readonly protocol: 'arp'; readonly value: ArpInfo } |
  { readonly protocol: 'dhcp'; readonly value: Parsed<DhcpMessage> } |
  { readonly protocol: 'dhcpv6'; readonly value: Parsed<Dhcpv6Message> } |
  { readonly protocol: 'lldp'; readonly value: Parsed<LldpMessage> } |
  { readonly protocol: 'cdp'; readonly value: Parsed<CdpMessage> } |
  { readonly protocol: 'ssdp'; readonly value: Parsed<SsdpMessage> } |
  { readonly protocol: 'nbns'; readonly value: Parsed<NbnsMessage> } |
  { readonly protocol: 'mdns'; readonly value: Parsed<MdnsMessage> };

/** Every discovery frame of `pcap` parsed, by frame number (1-based, as tshark counts). */
export function netwatchFrames(pcap: string): Map<number, ParsedFrame> {
  const out = new Map<number, ParsedFrame>();
  const p = createDecodedPacket();
  let frame = 0;
  forEachPacket(pcap, (view) => {
    frame++;
    const error = decodePacket(view.data, view.offset, view.caplen, view.linktype, p);
    const d = view.data;
    if (p.isArp && error === DecodeError.None) {
      const info = createArpInfo();
      if (readArp(d, p, info) === '') out.set(frame, { protocol: 'arp', value: info });
    } else if (p.protocol === 17 && p.payloadOffset >= 0) {
      const ports = [p.srcPort, p.dstPort];
      const at = p.payloadOffset;
      const n = p.payloadLength;
      if (ports.includes(67) || ports.includes(68)) out.set(frame, { protocol: 'dhcp', value: parseDhcp(d, at, n) });
      else if (ports.includes(546) || ports.includes(547)) out.set(frame, { protocol: 'dhcpv6', value: parseDhcpv6(d, at, n) });
      else if (ports.includes(5353)) out.set(frame, { protocol: 'mdns', value: parseMdns(d, at, n) });
      else if (ports.includes(1900)) out.set(frame, { protocol: 'ssdp', value: parseSsdp(d, at, n) });
      else if (ports.includes(137)) out.set(frame, { protocol: 'nbns', value: parseNbns(d, at, n) });
    } else if (p.etherType === 0x88cc) {
      const start = p.l2Offset + 14 + 4 * p.vlanCount;
      out.set(frame, { protocol: 'lldp', value: parseLldp(d, start, view.offset + view.caplen - start) });
    } else if (p.etherType <= 1500 && d[p.dstMacOffset] === 0x01 && d[p.dstMacOffset + 2] === 0x0c) {
      const start = p.l2Offset + 14 + 4 * p.vlanCount;
      out.set(frame, { protocol: 'cdp', value: parseCdp(d, start, Math.min(p.etherType, view.offset + view.caplen - start)) });
    }
    return undefined;
  });
  return out;
}
