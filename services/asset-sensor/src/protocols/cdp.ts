// CDP (Cisco Discovery Protocol v1/v2, LLC/SNAP 00:00:0c 0x2000): device ID, addresses, port, platform, software.
import { formatIp } from '@netwatch/schemas';
import { type Parsed, parsed, refused } from './parse-result.js';
import { be16, be32, ipv4Text, wireText } from './wire-text.js';

/** IEEE 802.2 LLC (DSAP AA, SSAP AA, UI 03) and SNAP header: Cisco OUI 00:00:0c, protocol ID 0x2000. */
const SNAP_CDP = [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00] as const;
const CDP_HEADER_LEN = 4;

/** CDP TLV types (Cisco "CDP packet format", as Wireshark's packet-cdp.c names them). */
const Tlv = {
  DEVICE_ID: 0x0001,
  ADDRESSES: 0x0002,
  PORT_ID: 0x0003,
  CAPABILITIES: 0x0004,
  SOFTWARE_VERSION: 0x0005,
  PLATFORM: 0x0006,
  NATIVE_VLAN: 0x000a,
  MANAGEMENT_ADDRESSES: 0x0016,
} as const;

/** Capability bits, least significant first. */
export const cdpCapabilityNames = ['router', 'transparent_bridge', 'source_route_bridge', 'switch', 'host',
  'igmp', 'repeater', 'phone', 'remotely_managed', 'cvta', 'mac_relay'] as const;

const MAX_TLVS = 128;
const MAX_ADDRESSES = 32;

export interface CdpMessage {
  readonly version: number;
  readonly ttlSec: number;
  readonly deviceId: string | undefined;
  readonly addresses: readonly string[];
  readonly portId: string | undefined;
  readonly capabilities: number | undefined;
  readonly softwareVersion: string | undefined;
  readonly platform: string | undefined;
  readonly nativeVlan: number | undefined;
}

/**
 * The address list of TLV 0x0002/0x0016: a 32-bit count, then per address protocol type (1 NLPID,
 * 2 802.2), protocol length, protocol, 16-bit address length, address. NLPID 0xcc is IPv4; 802.2
 * AA-AA-03-00-00-00-86-DD is IPv6. Returns false when an entry runs past the TLV.
 */
function readAddresses(data: Uint8Array, start: number, end: number, out: string[]): boolean {
  if (end - start < 4) return false;
  const count = be32(data, start);
  let p = start + 4;
  for (let i = 0; i < count && i < MAX_ADDRESSES; i++) {
    if (end - p < 2) return false;
    const protocolType = data[p] as number;
    const protocolLength = data[p + 1] as number;
    const proto = p + 2;
    if (end - proto < protocolLength + 2) return false;
    const addressLength = be16(data, proto + protocolLength);
    const address = proto + protocolLength + 2;
    if (end - address < addressLength) return false;
    if (protocolType === 1 && protocolLength === 1 && data[proto] === 0xcc && addressLength === 4) {
      out.push(ipv4Text(data, address));
    } else if (protocolType === 2 && protocolLength === 8 && be16(data, proto + 6) === 0x86dd && addressLength === 16) {
      out.push(formatIp(data.subarray(address, address + 16)));
    }
    p = address + addressLength;
  }
  return true;
}

/**
 * Parses a CDP frame from its LLC header at `data[offset, offset + length)` (`length` from the
 * 802.3 length field, bounded by what was captured, so Ethernet padding is not read as TLVs).
 */
export function parseCdp(data: Uint8Array, offset: number, length: number): Parsed<CdpMessage> {
  const end = offset + length;
  if (length < SNAP_CDP.length + CDP_HEADER_LEN) return refused('truncated');
  for (let i = 0; i < SNAP_CDP.length; i++) if (data[offset + i] !== SNAP_CDP[i]) return refused('not_cdp');
  const h = offset + SNAP_CDP.length;
  const version = data[h] as number;
  if (version !== 1 && version !== 2) return refused('bad_version');
  const ttlSec = data[h + 1] as number;
  let deviceId: string | undefined;
  let portId: string | undefined;
  let capabilities: number | undefined;
  let softwareVersion: string | undefined;
  let platform: string | undefined;
  let nativeVlan: number | undefined;
  const addresses: string[] = [];
  let p = h + CDP_HEADER_LEN;
  for (let index = 0; p < end; index++) {
    if (index === MAX_TLVS) return refused('too_many_tlvs');
    if (end - p < 4) return refused('tlv_truncated');
    const type = be16(data, p);
    // The length counts the 4-byte type/length header; less than 4 would never advance.
    const tlvLength = be16(data, p + 2);
    if (tlvLength < 4) return refused('bad_tlv_length');
    const v = p + 4;
    const vEnd = p + tlvLength;
    if (vEnd > end) return refused('tlv_truncated');
    switch (type) {
      case Tlv.DEVICE_ID:
        deviceId = wireText(data, v, vEnd);
        break;
      case Tlv.PORT_ID:
        portId = wireText(data, v, vEnd);
        break;
      case Tlv.SOFTWARE_VERSION:
        softwareVersion = wireText(data, v, vEnd);
        break;
      case Tlv.PLATFORM:
        platform = wireText(data, v, vEnd);
        break;
      case Tlv.ADDRESSES:
      case Tlv.MANAGEMENT_ADDRESSES:
        if (!readAddresses(data, v, vEnd, addresses)) return refused('bad_address');
        break;
      case Tlv.CAPABILITIES:
        if (vEnd - v !== 4) return refused('bad_tlv_length');
        capabilities = be32(data, v);
        break;
      case Tlv.NATIVE_VLAN:
        if (vEnd - v !== 2) return refused('bad_tlv_length');
        nativeVlan = be16(data, v);
        break;
      default:
        break;
    }
    p = vEnd;
  }
  return parsed({ version, ttlSec, deviceId, addresses, portId, capabilities, softwareVersion, platform,
    nativeVlan });
}

/** Capability names of a bit map. */
export function cdpCapabilityList(bits: number): string[] {
  return cdpCapabilityNames.filter((_, i) => (bits & (1 << i)) !== 0);
}
