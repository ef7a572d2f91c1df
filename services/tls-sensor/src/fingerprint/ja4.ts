// JA4 client fingerprint (FoxIO JA4 specification, technical_details/JA4.md): a_b_c and the raw ja4_r form.
import { createHash } from 'node:crypto';
import { isGrease, withoutGrease } from '../hello/grease.js';
import { type ClientHello, Ext } from '../hello/hello-types.js';

/** JA4 "TLS version" codes; anything else is "00". */
const versionCodes = new Map<number, string>([
  [0x0304, '13'], [0x0303, '12'], [0x0302, '11'], [0x0301, '10'], [0x0300, 's3'], [0x0002, 's2'],
  [0xfeff, 'd1'], [0xfefd, 'd2'], [0xfefc, 'd3'],
]);

export interface Ja4 {
  /** t13d1516h2_8daaf6152771_e5627efa2ab1 */
  readonly ja4: string;
  /** The same with the sorted lists in clear instead of hashed (JA4_r). */
  readonly raw: string;
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** First 12 hex digits of SHA-256; an empty list hashes to twelve zeros (spec: "000000000000"). */
function truncatedSha256(text: string): string {
  return text === '' ? '000000000000' : createHash('sha256').update(text).digest('hex').slice(0, 12);
}

const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * First and last characters of the first ALPN value; "00" without ALPN. When either is not
 * 0-9A-Za-z the spec takes the first and last characters of the value's hex form instead.
 */
export function alpnCode(alpn: readonly string[] | undefined): string {
  const first = alpn?.[0];
  if (first === undefined || first.length === 0) return '00';
  const a = first.charCodeAt(0);
  const z = first.charCodeAt(first.length - 1);
  if (isAlnum(a) && isAlnum(z)) return `${first[0]}${first[first.length - 1]}`;
  const hex = Buffer.from(first, 'latin1').toString('hex');
  return `${hex[0]}${hex[hex.length - 1]}`;
}

/** The version: highest non-GREASE supported_versions entry if the extension exists, else legacy_version. */
function versionCode(hello: ClientHello): string {
  const offered = withoutGrease(hello.supportedVersions ?? []);
  const version = offered.length > 0 ? Math.max(...offered) : hello.version;
  return versionCodes.get(version) ?? '00';
}

const count2 = (n: number) => String(Math.min(n, 99)).padStart(2, '0');

/** JA4 of a ClientHello seen over TCP ('t') or QUIC ('q'). */
export function ja4(hello: ClientHello, transport: 't' | 'q' = 't'): Ja4 {
  const ciphers = withoutGrease(hello.ciphers);
  const extensions = withoutGrease(hello.extensions);
  const sni = hello.extensions.includes(Ext.SERVER_NAME) ? 'd' : 'i';
  const a = `${transport}${versionCode(hello)}${sni}${count2(ciphers.length)}${count2(extensions.length)}` +
    alpnCode(hello.alpn);
  const sortedCiphers = ciphers.map(hex4).sort().join(',');
  // SNI and ALPN are already in part a; they are left out of the extension list (spec, "Extension hash").
  const sortedExtensions = extensions.filter((e) => e !== Ext.SERVER_NAME && e !== Ext.ALPN).map(hex4).sort()
    .join(',');
  const signatures = (hello.signatureAlgorithms ?? []).filter((s) => !isGrease(s)).map(hex4).join(',');
  // Without signature algorithms the list is the extensions alone, no trailing underscore.
  const c = signatures === '' ? sortedExtensions : `${sortedExtensions}_${signatures}`;
  return {
    ja4: `${a}_${truncatedSha256(sortedCiphers)}_${truncatedSha256(sortedExtensions === '' ? '' : c)}`,
    raw: `${a}_${sortedCiphers}_${c}`,
  };
}
