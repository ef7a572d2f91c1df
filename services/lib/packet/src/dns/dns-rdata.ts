// RDATA in presentation form per type (RFC 1035 §3.3, RFC 3596, RFC 2782, RFC 8659, RFC 4034, RFC 9460, RFC 3597).
import { DnsError } from './dns-error.js';
import { type NameCursor, readName } from './dns-name.js';
import { DnsType, dnsTypeName } from './dns-names.js';
import { svcParamsText } from './dns-svcb.js';
import {
  base64Text, escapedText, hexText, ipv4Text, ipv6Text, readU16, readU32, signatureTime,
} from './dns-text.js';

/** The RFC 3597 §5 generic form: `\# <length> <hex>` (`\# 0` when empty). */
export function genericRdata(data: Uint8Array, from: number, length: number): string {
  return length === 0 ? '\\# 0' : `\\# ${length} ${hexText(data, from, from + length)}`;
}

/**
 * The RDATA of one record, `data[at, at + length)` inside the message `data[start, end)`, in
 * presentation form; names in it may be compressed and point anywhere earlier in the message.
 * Types without a formatter here use the generic form. On malformed RDATA returns '' with
 * `cursor.error` set (RDATA_MALFORMED, or the name error).
 */
export function rdataText(
  data: Uint8Array, start: number, end: number, type: number, at: number, length: number, cursor: NameCursor,
): string {
  const rdEnd = at + length;
  cursor.error = DnsError.NONE;
  /** A name inside the RDATA: its inline part must end within RDLENGTH. */
  const name = (from: number): string => {
    const text = readName(data, start, end, from, cursor);
    if (cursor.error === DnsError.NONE && cursor.end > rdEnd) cursor.error = DnsError.RDATA_MALFORMED;
    return text;
  };
  let text: string | null = null;
  switch (type) {
    case DnsType.A:
      if (length === 4) text = ipv4Text(data, at);
      break;
    case DnsType.AAAA:
      if (length === 16) text = ipv6Text(data, at);
      break;
    case DnsType.NS:
    case DnsType.CNAME:
    case DnsType.PTR:
    case DnsType.DNAME: {
      const target = name(at);
      if (cursor.error === DnsError.NONE && cursor.end === rdEnd) text = target;
      break;
    }
    case DnsType.MX: {
      if (length < 3) break;
      const exchange = name(at + 2);
      if (cursor.error === DnsError.NONE && cursor.end === rdEnd) text = `${readU16(data, at)} ${exchange}`;
      break;
    }
    case DnsType.SRV: {
      if (length < 7) break;
      const target = name(at + 6);
      if (cursor.error === DnsError.NONE && cursor.end === rdEnd) {
        text = `${readU16(data, at)} ${readU16(data, at + 2)} ${readU16(data, at + 4)} ${target}`;
      }
      break;
    }
    case DnsType.SOA: {
      const mname = name(at);
      if (cursor.error !== DnsError.NONE) break;
      const rname = name(cursor.end);
      if (cursor.error !== DnsError.NONE || cursor.end + 20 !== rdEnd) break;
      const n = cursor.end;
      text = `${mname} ${rname} ${readU32(data, n)} ${readU32(data, n + 4)} ${readU32(data, n + 8)} ` +
        `${readU32(data, n + 12)} ${readU32(data, n + 16)}`;
      break;
    }
    case DnsType.TXT:
    case DnsType.SPF:
    case DnsType.HINFO:
      // HINFO (RFC 1035 §3.3.2) is exactly two character-strings: CPU and OS.
      text = characterStrings(data, at, rdEnd, type === DnsType.HINFO ? 2 : 0);
      break;
    case DnsType.CAA: {
      // RFC 8659 §4.1: flags, tag length (1..15), tag, value to the end.
      const tagLength = length >= 2 ? (data[at + 1] as number) : 0;
      if (tagLength === 0 || 2 + tagLength > length) break;
      text = `${data[at]} ${escapedText(data, at + 2, at + 2 + tagLength)} ` +
        `"${escapedText(data, at + 2 + tagLength, rdEnd)}"`;
      break;
    }
    case DnsType.SVCB:
    case DnsType.HTTPS: {
      if (length < 3) break;
      const target = name(at + 2);
      if (cursor.error !== DnsError.NONE) break;
      const params = svcParamsText(data, cursor.end, rdEnd);
      if (params !== null) text = `${readU16(data, at)} ${target}${params}`;
      break;
    }
    case DnsType.DS:
      // RFC 4034 §5.3: key tag, algorithm, digest type, digest in hex.
      if (length > 4) text = `${readU16(data, at)} ${data[at + 2]} ${data[at + 3]} ${hexText(data, at + 4, rdEnd)}`;
      break;
    case DnsType.DNSKEY:
      // RFC 4034 §2.2: flags, protocol, algorithm, public key in base64.
      if (length > 4) text = `${readU16(data, at)} ${data[at + 2]} ${data[at + 3]} ${base64Text(data, at + 4, rdEnd)}`;
      break;
    case DnsType.RRSIG: {
      // RFC 4034 §3.2: type covered, algorithm, labels, original TTL, expiration, inception, key tag, signer, signature.
      if (length < 19) break;
      const signer = name(at + 18);
      if (cursor.error !== DnsError.NONE || cursor.end >= rdEnd) break;
      text = `${dnsTypeName(readU16(data, at))} ${data[at + 2]} ${data[at + 3]} ${readU32(data, at + 4)} ` +
        `${signatureTime(readU32(data, at + 8))} ${signatureTime(readU32(data, at + 12))} ` +
        `${readU16(data, at + 16)} ${signer} ${base64Text(data, cursor.end, rdEnd)}`;
      break;
    }
    default:
      return genericRdata(data, at, length);
  }
  if (text === null) {
    if (cursor.error === DnsError.NONE) cursor.error = DnsError.RDATA_MALFORMED;
    return '';
  }
  return text;
}

/**
 * One or more character-strings filling `data[from, to)` exactly, quoted and space-separated;
 * null if they do not fill it, or if `exactly` > 0 and there are not that many.
 */
function characterStrings(data: Uint8Array, from: number, to: number, exactly: number): string | null {
  if (from >= to) return null;
  let text = '';
  let count = 0;
  for (let pos = from; pos < to; count++) {
    const len = data[pos] as number;
    if (pos + 1 + len > to) return null;
    text += `${count === 0 ? '' : ' '}"${escapedText(data, pos + 1, pos + 1 + len)}"`;
    pos += 1 + len;
  }
  return exactly > 0 && count !== exactly ? null : text;
}
