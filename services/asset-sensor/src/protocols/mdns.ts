// mDNS / DNS-SD (RFC 6762, RFC 6763) on the shared DNS parser: host names with their addresses, and service instances.
import { dnsErrorNames } from '@netwatch/packet/dns/dns-error';
import { type DnsRecord, parseDnsMessage } from '@netwatch/packet/dns/dns-message';
import { DnsType } from '@netwatch/packet/dns/dns-names';
import { type Parsed, parsed, refused } from './parse-result.js';
import { wireText } from './wire-text.js';

/** A DNS-SD service instance from its SRV record (RFC 6763 §5: `Instance._service._proto.domain`). */
export interface MdnsService {
  readonly instance: string;
  /** `_ipp._tcp` */
  readonly service: string;
  readonly transport: 'tcp' | 'udp';
  readonly port: number;
  /** The host name the SRV points to. */
  readonly target: string;
}

export interface MdnsMessage {
  readonly isResponse: boolean;
  /** A and AAAA records: owner name and address. */
  readonly addresses: readonly { readonly name: string; readonly address: string }[];
  readonly services: readonly MdnsService[];
  /** TXT records as their key=value strings (RFC 6763 §6). */
  readonly txt: readonly { readonly name: string; readonly entries: readonly string[] }[];
  /** PTR records: `_ipp._tcp.local` → instance, and `_services._dns-sd._udp.local` → service types. */
  readonly pointers: readonly { readonly name: string; readonly target: string }[];
  /**
   * Every answer has TTL 0: a goodbye (RFC 6762 §10.1), sent as the responder withdraws these
   * records, typically while shutting down. The records are listed as they are on the wire.
   */
  readonly goodbye: boolean;
}

/** Records read from one message: an mDNS announcement of a busy host carries a few dozen. */
const MAX_RECORDS = 256;

/** The character-strings of a TXT RDATA (RFC 1035 §3.3.14), read from the raw bytes; undefined if one overruns. */
function txtEntries(data: Uint8Array, record: DnsRecord): string[] | undefined {
  const entries: string[] = [];
  let p = record.rdataOffset;
  const end = p + record.rdataLength;
  while (p < end) {
    const length = data[p] as number;
    if (p + 1 + length > end) return undefined;
    // RFC 6763 §6.1: a record with no keys is one zero-length string, equivalent to no TXT at all.
    if (length > 0) entries.push(wireText(data, p + 1, p + 1 + length));
    p += 1 + length;
  }
  return entries;
}

/** `Instance._ipp._tcp.local` → instance, service, transport (labels escaped as the DNS parser prints them). */
function splitServiceName(name: string): { instance: string; service: string; transport: 'tcp' | 'udp' } | undefined {
  const match = /^(.*?)\.(_[^.]+)\._(tcp|udp)(?:\.|$)/.exec(name);
  if (match === null) return undefined;
  return { instance: match[1] as string, service: `${match[2] as string}._${match[3] as string}`,
    transport: match[3] as 'tcp' | 'udp' };
}

/** Parses the mDNS message in the UDP payload `data[offset, offset + length)`. */
export function parseMdns(data: Uint8Array, offset: number, length: number): Parsed<MdnsMessage> {
  const result = parseDnsMessage(data, offset, length, { rdata: 'text', maxRecords: MAX_RECORDS });
  if (result.message === null) return refused(dnsErrorNames[result.error] ?? 'dns_error');
  const m = result.message;
  const addresses: { name: string; address: string }[] = [];
  const services: MdnsService[] = [];
  const txt: { name: string; entries: string[] }[] = [];
  const pointers: { name: string; target: string }[] = [];
  for (const record of [...m.answers, ...m.additionals]) {
    // RFC 6762 §10.2: the top class bit is cache-flush; the class proper is IN (1).
    if ((record.class & 0x7fff) !== 1) continue;
    switch (record.type) {
      case DnsType.A:
      case DnsType.AAAA:
        if (record.data !== '') addresses.push({ name: record.name, address: record.data });
        break;
      case DnsType.PTR:
        if (record.data !== '') pointers.push({ name: record.name, target: record.data });
        break;
      case DnsType.SRV: {
        // Presentation form "priority weight port target" (RFC 2782).
        const fields = record.data.split(' ');
        const parts = splitServiceName(record.name);
        if (fields.length !== 4 || parts === undefined) break;
        services.push({ ...parts, port: Number(fields[2]), target: fields[3] as string });
        break;
      }
      case DnsType.TXT: {
        const entries = txtEntries(data, record);
        if (entries !== undefined) txt.push({ name: record.name, entries });
        break;
      }
      default:
        break;
    }
  }
  const goodbye = m.answers.length > 0 && m.answers.every((r) => r.ttl === 0);
  return parsed({ isResponse: m.header.qr, addresses, services, txt, pointers, goodbye });
}
