// LLDP (IEEE 802.1AB-2016 §8): the chassis, port, name, description and capabilities a device announces.
import { formatIp } from '@netwatch/schemas';
import { type Parsed, parsed, refused } from './parse-result.js';
import { be16, hexColons, ipv4Text, wireText } from './wire-text.js';

/** 802.1AB §8.5 TLV types. */
const Tlv = {
  END: 0,
  CHASSIS_ID: 1,
  PORT_ID: 2,
  TTL: 3,
  PORT_DESCRIPTION: 4,
  SYSTEM_NAME: 5,
  SYSTEM_DESCRIPTION: 6,
  SYSTEM_CAPABILITIES: 7,
  MANAGEMENT_ADDRESS: 8,
} as const;

/** §8.5.8.1 system capability bits, least significant first. */
export const lldpCapabilityNames = ['other', 'repeater', 'bridge', 'wlan_ap', 'router', 'telephone', 'docsis',
  'station', 'c_vlan', 's_vlan', 'tpmr'] as const;

/** Most TLVs read from one LLDPDU (a full 1500-byte frame holds at most 750 empty ones). */
const MAX_TLVS = 128;

export interface LldpMessage {
  /** §8.5.2.2 chassis ID subtype (4 = MAC address, 5 = network address, 7 = locally assigned…). */
  readonly chassisIdSubtype: number;
  /** MAC text for subtype 4, an IP for 5 (hex if not IPv4/IPv6), else the ID as text. */
  readonly chassisId: string;
  readonly portIdSubtype: number;
  readonly portId: string;
  readonly ttlSec: number;
  readonly portDescription: string | undefined;
  readonly systemName: string | undefined;
  readonly systemDescription: string | undefined;
  readonly capabilities: number | undefined;
  readonly enabledCapabilities: number | undefined;
  readonly managementAddresses: readonly string[];
}

/** An IANA address family number (1 IPv4, 2 IPv6) followed by the address, as text (§8.5.2.3, §8.5.9.4). */
function networkAddress(data: Uint8Array, start: number, end: number): string | undefined {
  const family = data[start];
  if (family === 1 && end - start === 5) return ipv4Text(data, start + 1);
  if (family === 2 && end - start === 17) return formatIp(data.subarray(start + 1, end));
  return undefined;
}

/** Chassis ID (§8.5.2) and port ID (§8.5.3) values: MAC subtypes as MACs, address subtypes as IPs. */
function idText(data: Uint8Array, subtype: number, start: number, end: number, macSubtype: number,
  addressSubtype: number): string {
  if (subtype === macSubtype && end - start === 6) return hexColons(data, start, end);
  if (subtype === addressSubtype) return networkAddress(data, start, end) ?? hexColons(data, start, end);
  return wireText(data, start, end);
}

/** Parses the LLDPDU at `data[offset, offset + length)` (after the Ethernet header, EtherType 0x88cc). */
export function parseLldp(data: Uint8Array, offset: number, length: number): Parsed<LldpMessage> {
  const end = offset + length;
  let p = offset;
  let chassisIdSubtype = -1;
  let chassisId = '';
  let portIdSubtype = -1;
  let portId = '';
  let ttlSec = -1;
  let portDescription: string | undefined;
  let systemName: string | undefined;
  let systemDescription: string | undefined;
  let capabilities: number | undefined;
  let enabledCapabilities: number | undefined;
  const managementAddresses: string[] = [];
  for (let index = 0; ; index++) {
    if (index === MAX_TLVS) return refused('too_many_tlvs');
    // §8.1: an LLDPDU ends with an End TLV, but frames cut at the end of the data are still read.
    if (p === end) break;
    if (end - p < 2) return refused('tlv_truncated');
    const header = be16(data, p);
    const type = header >> 9;
    const tlvLength = header & 0x1ff;
    const v = p + 2;
    const vEnd = v + tlvLength;
    if (vEnd > end) return refused('tlv_truncated');
    // §8.2: Chassis ID, Port ID and TTL come first, in that order.
    if (index === 0 && type !== Tlv.CHASSIS_ID) return refused('missing_chassis_id');
    if (index === 1 && type !== Tlv.PORT_ID) return refused('missing_port_id');
    if (index === 2 && type !== Tlv.TTL) return refused('missing_ttl');
    if (type === Tlv.END) break;
    switch (type) {
      case Tlv.CHASSIS_ID:
        if (index !== 0) return refused('duplicate_chassis_id');
        // §8.5.2.1: subtype plus 1–255 bytes of ID.
        if (tlvLength < 2) return refused('bad_tlv_length');
        chassisIdSubtype = data[v] as number;
        chassisId = idText(data, chassisIdSubtype, v + 1, vEnd, 4, 5);
        break;
      case Tlv.PORT_ID:
        if (index !== 1) return refused('duplicate_port_id');
        if (tlvLength < 2) return refused('bad_tlv_length');
        portIdSubtype = data[v] as number;
        portId = idText(data, portIdSubtype, v + 1, vEnd, 3, 4);
        break;
      case Tlv.TTL:
        if (index !== 2) return refused('duplicate_ttl');
        if (tlvLength < 2) return refused('bad_tlv_length');
        ttlSec = be16(data, v);
        break;
      case Tlv.PORT_DESCRIPTION:
        portDescription = wireText(data, v, vEnd);
        break;
      case Tlv.SYSTEM_NAME:
        systemName = wireText(data, v, vEnd);
        break;
      case Tlv.SYSTEM_DESCRIPTION:
        systemDescription = wireText(data, v, vEnd);
        break;
      case Tlv.SYSTEM_CAPABILITIES:
        // §8.5.8: two 16-bit maps, system capabilities then enabled capabilities.
        if (tlvLength !== 4) return refused('bad_tlv_length');
        capabilities = be16(data, v);
        enabledCapabilities = be16(data, v + 2);
        break;
      case Tlv.MANAGEMENT_ADDRESS: {
        // §8.5.9: address string length (subtype + address, 2..32), subtype, address, then interface fields.
        if (tlvLength < 9) return refused('bad_tlv_length');
        const stringLength = data[v] as number;
        if (stringLength < 2 || stringLength > 32 || v + 1 + stringLength > vEnd) return refused('bad_tlv_length');
        const address = networkAddress(data, v + 1, v + 1 + stringLength);
        if (address !== undefined) managementAddresses.push(address);
        break;
      }
      default:
        break;
    }
    p = vEnd;
  }
  if (ttlSec < 0) return refused('missing_ttl');
  return parsed({ chassisIdSubtype, chassisId, portIdSubtype, portId, ttlSec, portDescription, systemName,
    systemDescription, capabilities, enabledCapabilities, managementAddresses });
}

/** Capability names of a bit map. */
export function lldpCapabilityList(bits: number): string[] {
  return lldpCapabilityNames.filter((_, i) => (bits & (1 << i)) !== 0);
}
