// The EDNS(0) OPT pseudo-record (RFC 6891 §6.1.2–6.1.3) and its options, with Client Subnet (RFC 7871 §6).
import { DnsError, type DnsErrorCode } from './dns-error.js';
import { EdnsOption } from './dns-names.js';
import { hexText, readU16 } from './dns-text.js';
import { formatIp } from '@netwatch/schemas';

/** One EDNS option: its code, where its data is in the message, and a readable form when known. */
export interface EdnsOptionEntry {
  readonly code: number;
  readonly offset: number;
  readonly length: number;
  /** ECS as `address/source/scope`, NSID/cookie/other data as hex. */
  readonly text: string;
}

export interface DnsEdns {
  /** Requestor's UDP payload size, carried in CLASS (RFC 6891 §6.1.2). */
  readonly udpPayloadSize: number;
  /** Upper 8 bits of the 12-bit RCODE (from the TTL field). */
  readonly extendedRcode: number;
  readonly version: number;
  /** DNSSEC OK (RFC 3225 §3). */
  readonly dnssecOk: boolean;
  /** The 16 flag bits of the TTL field (DO is 0x8000). */
  readonly flags: number;
  readonly options: readonly EdnsOptionEntry[];
  /** EDNS Client Subnet as `address/source-prefix/scope-prefix` (RFC 7871 §6), when present. */
  readonly clientSubnet?: string;
}

/** Result holder so the parser returns a code without allocating an object for it. */
export interface EdnsResult {
  edns: DnsEdns | null;
  error: DnsErrorCode;
}

/**
 * Reads the OPT record whose CLASS and TTL were `cls` and `ttl` and whose RDATA is
 * `data[at, at + length)`. Options must fill the RDATA exactly; a malformed ECS option is
 * RDATA_MALFORMED (its address must be exactly ceil(source/8) bytes, RFC 7871 §6).
 */
export function readEdns(data: Uint8Array, cls: number, ttl: number, at: number, length: number,
  result: EdnsResult): void {
  const options: EdnsOptionEntry[] = [];
  let clientSubnet: string | undefined;
  const end = at + length;
  result.edns = null;
  result.error = DnsError.NONE;
  for (let pos = at; pos < end;) {
    if (pos + 4 > end) {
      result.error = DnsError.RDATA_MALFORMED;
      return;
    }
    const code = readU16(data, pos);
    const len = readU16(data, pos + 2);
    const value = pos + 4;
    if (value + len > end) {
      result.error = DnsError.RDATA_MALFORMED;
      return;
    }
    let text: string;
    if (code === EdnsOption.CLIENT_SUBNET) {
      const subnet = clientSubnetText(data, value, len);
      if (subnet === null) {
        result.error = DnsError.RDATA_MALFORMED;
        return;
      }
      text = clientSubnet = subnet;
    } else {
      text = hexText(data, value, value + len);
    }
    options.push({ code, offset: value, length: len, text });
    pos = value + len;
  }
  const flags = ttl & 0xffff;
  result.edns = {
    udpPayloadSize: cls,
    extendedRcode: ttl >>> 24,
    version: (ttl >>> 16) & 0xff,
    dnssecOk: (flags & 0x8000) !== 0,
    flags,
    options,
    ...(clientSubnet === undefined ? {} : { clientSubnet }),
  };
}

/** RFC 7871 §6: FAMILY (1 IPv4, 2 IPv6), SOURCE PREFIX-LENGTH, SCOPE PREFIX-LENGTH, ADDRESS truncated to the prefix. */
function clientSubnetText(data: Uint8Array, at: number, length: number): string | null {
  if (length < 4) return null;
  const family = readU16(data, at);
  const source = data[at + 2] as number;
  const scope = data[at + 3] as number;
  const size = family === 1 ? 4 : family === 2 ? 16 : 0;
  if (size === 0 || source > size * 8 || scope > size * 8 || length - 4 !== Math.ceil(source / 8)) return null;
  const address = new Uint8Array(size);
  address.set(data.subarray(at + 4, at + length));
  return `${formatIp(address)}/${source}/${scope}`;
}
