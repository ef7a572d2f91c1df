// JA3 and JA3S (salesforce/ja3): decimal code points joined by '-', fields by ',', GREASE (RFC 8701) removed, MD5.
import { createHash } from 'node:crypto';
import { withoutGrease } from '../hello/grease.js';
import type { ClientHello, ServerHello } from '../hello/hello-types.js';

/** SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats — the version is legacy_version. */
export function ja3String(hello: ClientHello): string {
  return [
    hello.version,
    withoutGrease(hello.ciphers).join('-'),
    withoutGrease(hello.extensions).join('-'),
    withoutGrease(hello.groups ?? []).join('-'),
    (hello.ecPointFormats ?? []).join('-'),
  ].join(',');
}

/** SSLVersion,Cipher,Extensions of the ServerHello (legacy_version: 771 for TLS 1.3 too). */
export function ja3sString(hello: ServerHello): string {
  return `${hello.version},${hello.cipher},${withoutGrease(hello.extensions).join('-')}`;
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
