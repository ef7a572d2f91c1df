// decodePacket: walks link, network, tunnel and transport headers of one packet into a reused DecodedPacket.
import { LinkType } from '../linktype.js';
import { DecodeError } from './decode-error.js';
import { type DecodedPacket, EtherType, IpProtocol, resetDecodedPacket, TunnelType } from './decoded-packet.js';
import { decodeArp, decodeIpv4, decodeIpv6 } from './ip.js';
import { decodeEthernet, decodeNull, decodeSll, decodeSll2 } from './link.js';
import { be16, byteAt } from './read.js';
import { decodeIcmp, decodeOpaque, decodeSctp, decodeTcp, decodeUdp } from './transport.js';
import {
  enterTunnel,
  greHeaderLength,
  greKey,
  VXLAN_HEADER_LEN,
  VXLAN_PORT,
  vxlanHasVni,
  vxlanVni,
} from './tunnel.js';

/**
 * Decode the packet in `data[offset, offset + caplen)` captured on a `linktype` link into `out`
 * (reset first). Returns `DecodeError.None` or the first problem met; the fields filled before
 * it are kept. Allocates nothing, never throws, never reads outside the range.
 *
 * Tunnels (GRE with IPv4/IPv6/Ethernet inside, VXLAN on UDP port 4789, IPv4/IPv6 in IP) are
 * followed up to `MAX_TUNNEL_DEPTH` deep, iteratively: the L3/L4 fields end up describing the
 * innermost packet. Checksums are not verified (see ip.ts).
 */
export function decodePacket(
  data: Uint8Array,
  offset: number,
  caplen: number,
  linktype: number,
  out: DecodedPacket,
): DecodeError {
  resetDecodedPacket(out);
  out.linktype = linktype;
  // `x >>> 0 === x` holds only for integers in [0, 2^32): rejects NaN, fractions and negatives.
  if (offset >>> 0 !== offset || caplen >>> 0 !== caplen || offset + caplen > data.length) {
    return DecodeError.BadBounds;
  }
  out.l2Offset = offset;
  let capEnd = offset + caplen;
  let pos: number;
  let type: number;

  switch (linktype) {
    case LinkType.ETHERNET:
      pos = decodeEthernet(data, offset, capEnd, out, true);
      if (pos < 0) return -pos as DecodeError;
      type = be16(data, pos - 2);
      out.etherType = type;
      break;
    case LinkType.LINUX_SLL:
      pos = decodeSll(data, offset, capEnd, out);
      if (pos < 0) return -pos as DecodeError;
      type = out.etherType;
      break;
    case LinkType.LINUX_SLL2:
      pos = decodeSll2(data, offset, capEnd, out);
      if (pos < 0) return -pos as DecodeError;
      type = out.etherType;
      break;
    case LinkType.NULL:
    case LinkType.LOOP:
      pos = decodeNull(data, offset, capEnd, out);
      if (pos < 0) return -pos as DecodeError;
      type = out.etherType;
      break;
    case LinkType.RAW: {
      // LINKTYPE_RAW: the IP version nibble decides.
      if (caplen === 0) return DecodeError.IpUnknownVersion;
      const version = byteAt(data, offset) >> 4;
      if (version === 4) type = EtherType.IPV4;
      else if (version === 6) type = EtherType.IPV6;
      else return DecodeError.IpUnknownVersion;
      pos = offset;
      out.etherType = type;
      break;
    }
    case LinkType.IPV4:
      pos = offset;
      type = EtherType.IPV4;
      out.etherType = type;
      break;
    case LinkType.IPV6:
      pos = offset;
      type = EtherType.IPV6;
      out.etherType = type;
      break;
    default:
      return DecodeError.UnsupportedLinktype;
  }

  // One pass per encapsulation level; each tunnel either returns or raises tunnelDepth, which
  // enterTunnel bounds, so the loop ends.
  for (;;) {
    let l4: number;
    if (type === EtherType.IPV4) l4 = decodeIpv4(data, pos, capEnd, out);
    else if (type === EtherType.IPV6) l4 = decodeIpv6(data, pos, capEnd, out);
    else if (type === EtherType.ARP) return decodeArp(data, pos, capEnd, out);
    else return DecodeError.UnsupportedEthertype;
    if (l4 < 0) return -l4 as DecodeError;

    // The IP datagram's end as its header states it (0: not stated, so the capture bounds it).
    const ipEnd = out.ipTotalLength === 0 ? capEnd : out.l3Offset + out.ipTotalLength;
    const end = ipEnd < capEnd ? ipEnd : capEnd;
    if (out.isFragment && out.fragmentOffset !== 0) {
      // A non-first fragment carries no transport header (RFC 791 §3.2, RFC 8200 §4.5).
      out.payloadOffset = l4;
      out.payloadLength = end > l4 ? end - l4 : 0;
      return DecodeError.None;
    }

    const protocol = out.protocol;
    if (protocol === IpProtocol.TCP) return decodeTcp(data, l4, capEnd, ipEnd, out);
    if (protocol === IpProtocol.UDP) {
      const err = decodeUdp(data, l4, capEnd, ipEnd, out);
      if (err !== DecodeError.None || out.dstPort !== VXLAN_PORT) return err;
      const vx = out.payloadOffset;
      const innerEnd = vx + out.payloadLength;
      if (innerEnd - vx < VXLAN_HEADER_LEN) return DecodeError.VxlanTruncated;
      if (!vxlanHasVni(data, vx)) return DecodeError.None;
      if (!enterTunnel(out, TunnelType.VXLAN, vxlanVni(data, vx))) return DecodeError.TunnelTooDeep;
      // RFC 7348 §5: the VXLAN payload is an Ethernet frame without FCS.
      pos = decodeEthernet(data, vx + VXLAN_HEADER_LEN, innerEnd, out, false);
      if (pos < 0) return -pos as DecodeError;
      type = be16(data, pos - 2);
      capEnd = innerEnd;
      continue;
    }
    if (protocol === IpProtocol.GRE) {
      const headerLength = greHeaderLength(data, l4, end);
      if (headerLength < 0) {
        decodeOpaque(l4, capEnd, ipEnd, out);
        return -headerLength as DecodeError;
      }
      const greType = be16(data, l4 + 2);
      if (greType !== EtherType.IPV4 && greType !== EtherType.IPV6 && greType !== EtherType.TEB) {
        decodeOpaque(l4, capEnd, ipEnd, out);
        out.payloadOffset = l4 + headerLength;
        out.payloadLength = end - out.payloadOffset;
        return DecodeError.GreUnsupportedProtocol;
      }
      if (!enterTunnel(out, TunnelType.GRE, greKey(data, l4))) return DecodeError.TunnelTooDeep;
      pos = l4 + headerLength;
      capEnd = end;
      if (greType === EtherType.TEB) {
        pos = decodeEthernet(data, pos, capEnd, out, false);
        if (pos < 0) return -pos as DecodeError;
        type = be16(data, pos - 2);
      } else {
        type = greType;
      }
      continue;
    }
    if (protocol === IpProtocol.IPIP || protocol === IpProtocol.IPV6) {
      // IPv4 in IP (RFC 2003) and IPv6 in IP (RFC 4213 §3.5): the inner header follows directly.
      if (!enterTunnel(out, TunnelType.IP_IN_IP, -1)) return DecodeError.TunnelTooDeep;
      type = protocol === IpProtocol.IPIP ? EtherType.IPV4 : EtherType.IPV6;
      pos = l4;
      capEnd = end;
      continue;
    }
    if (protocol === IpProtocol.ICMP) return decodeIcmp(data, l4, capEnd, ipEnd, out, false);
    if (protocol === IpProtocol.ICMPV6) return decodeIcmp(data, l4, capEnd, ipEnd, out, true);
    if (protocol === IpProtocol.SCTP) return decodeSctp(data, l4, capEnd, ipEnd, out);
    return decodeOpaque(l4, capEnd, ipEnd, out);
  }
}
