// DHCPv6 (RFC 8415, client FQDN RFC 4704): the client's DUID, option request list, vendor class, name and leased addresses.
import { DnsError, dnsErrorNames } from '@netwatch/packet/dns/dns-error';
import { NameCursor, readName } from '@netwatch/packet/dns/dns-name';
import { formatIp } from '@netwatch/schemas';
import { type Parsed, parsed, refused } from './parse-result.js';
import { be16, be32, hexColons, wireText } from './wire-text.js';

/** RFC 8415 §7.3 message types. */
export const dhcpv6MessageTypeNames: Readonly<Record<number, string>> = {
  1: 'SOLICIT', 2: 'ADVERTISE', 3: 'REQUEST', 4: 'CONFIRM', 5: 'RENEW', 6: 'REBIND', 7: 'REPLY', 8: 'RELEASE',
  9: 'DECLINE', 10: 'RECONFIGURE', 11: 'INFORMATION-REQUEST', 12: 'RELAY-FORW', 13: 'RELAY-REPL',
};

/** RFC 8415 §21 option codes, and 39 (client FQDN, RFC 4704 §4). */
const Option = { CLIENT_ID: 1, SERVER_ID: 2, IA_NA: 3, IAADDR: 5, ORO: 6, VENDOR_CLASS: 16, CLIENT_FQDN: 39 } as const;
const MAX_OPTIONS = 64;
const fqdnMessageTypes = new Set([1, 2, 3, 5, 6, 7]);

export interface Dhcpv6Message {
  readonly messageType: number;
  readonly transactionId: number;
  /** DUID as hex; for DUID-LLT/DUID-LL over Ethernet (RFC 8415 §11.2, §11.4) also the MAC in it. */
  readonly clientDuid: string | undefined;
  readonly duidMac: string | undefined;
  readonly optionRequest: readonly number[] | undefined;
  readonly vendorClass: string | undefined;
  readonly vendorEnterprise: number | undefined;
  readonly fqdn: string | undefined;
  /** IA_NA addresses (REPLY / ADVERTISE). */
  readonly addresses: readonly string[];
}

function duidMac(data: Uint8Array, v: number, length: number): string | undefined {
  const type = be16(data, v);
  // DUID-LLT: type 1, hardware type, time, address; DUID-LL: type 3, hardware type, address. Ethernet = 1.
  if (type === 1 && length === 14 && be16(data, v + 2) === 1) return hexColons(data, v + 8, v + 14);
  if (type === 3 && length === 10 && be16(data, v + 2) === 1) return hexColons(data, v + 4, v + 10);
  return undefined;
}

/** The FQDN option's name (RFC 4704 §4.2): DNS wire format, possibly partial (no root label). */
function fqdnName(data: Uint8Array, from: number, to: number): string | string[] {
  const cursor = new NameCursor();
  const name = readName(data, from, to, from, cursor);
  if (cursor.error === DnsError.NONE) return name;
  // A partial name ends without the root label: read it again with one appended.
  const whole = new Uint8Array(to - from + 1);
  whole.set(data.subarray(from, to));
  const partial = new NameCursor();
  const completed = readName(whole, 0, whole.length, 0, partial);
  return partial.error === DnsError.NONE ? completed : [dnsErrorNames[partial.error] ?? 'bad_fqdn'];
}

/** Parses the DHCPv6 message in the UDP payload `data[offset, offset + length)`. */
export function parseDhcpv6(data: Uint8Array, offset: number, length: number): Parsed<Dhcpv6Message> {
  const end = offset + length;
  if (length < 4) return refused('truncated');
  const messageType = data[offset] as number;
  const base = { messageType, transactionId: be32(data, offset) & 0xffffff, clientDuid: undefined,
    duidMac: undefined, optionRequest: undefined, vendorClass: undefined, vendorEnterprise: undefined,
    fqdn: undefined, addresses: [] };
  // Relay messages (§9) wrap the client's message; a relay's own fields say nothing about the client.
  if (messageType === 12 || messageType === 13) return parsed(base);
  let clientDuid: string | undefined;
  let mac: string | undefined;
  let optionRequest: number[] | undefined;
  let vendorClass: string | undefined;
  let vendorEnterprise: number | undefined;
  let fqdn: string | undefined;
  const addresses: string[] = [];
  let p = offset + 4;
  for (let count = 0; p < end; count++) {
    if (count === MAX_OPTIONS) return refused('too_many_options');
    if (end - p < 4) return refused('option_truncated');
    const code = be16(data, p);
    const optionLength = be16(data, p + 2);
    const v = p + 4;
    const vEnd = v + optionLength;
    if (vEnd > end) return refused('option_truncated');
    switch (code) {
      case Option.CLIENT_ID:
        if (optionLength < 2) return refused('bad_option_length');
        clientDuid = hexColons(data, v, vEnd);
        mac = duidMac(data, v, optionLength);
        break;
      case Option.ORO:
        if (optionLength % 2 !== 0) return refused('bad_option_length');
        optionRequest = [];
        for (let i = v; i < vEnd; i += 2) optionRequest.push(be16(data, i));
        break;
      case Option.VENDOR_CLASS: {
        // enterprise-number, then vendor-class-data as (length, bytes) pairs; the first one is kept.
        if (optionLength < 4) return refused('bad_option_length');
        vendorEnterprise = be32(data, v);
        if (optionLength >= 6) {
          const n = be16(data, v + 4);
          if (v + 6 + n > vEnd) return refused('bad_option_length');
          vendorClass = wireText(data, v + 6, v + 6 + n);
        }
        break;
      }
      case Option.CLIENT_FQDN: {
        // RFC 4704 §4: only Solicit, Advertise, Request, Renew, Rebind and Reply carry it (dhclient
        // also puts it in Release; like tshark, such a name is not read).
        if (!fqdnMessageTypes.has(messageType)) break;
        if (optionLength < 1) return refused('bad_option_length');
        if (optionLength === 1) break;
        const name = fqdnName(data, v + 1, vEnd);
        if (Array.isArray(name)) return refused(name[0] as string);
        fqdn = name;
        break;
      }
      case Option.IA_NA: {
        // IAID, T1, T2, then IA options; IAADDR (§21.6) holds an address and two lifetimes.
        if (optionLength < 12) return refused('bad_option_length');
        for (let q = v + 12, n = 0; q < vEnd; n++) {
          if (n === MAX_OPTIONS || vEnd - q < 4) return refused('option_truncated');
          const inner = be16(data, q);
          const innerLength = be16(data, q + 2);
          if (q + 4 + innerLength > vEnd) return refused('option_truncated');
          if (inner === Option.IAADDR) {
            if (innerLength < 24) return refused('bad_option_length');
            addresses.push(formatIp(data.subarray(q + 4, q + 20)));
          }
          q += 4 + innerLength;
        }
        break;
      }
      default:
        break;
    }
    p = vEnd;
  }
  return parsed({ ...base, clientDuid, duidMac: mac, optionRequest, vendorClass, vendorEnterprise, fqdn, addresses });
}
