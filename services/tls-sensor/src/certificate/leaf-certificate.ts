// The server's leaf certificate as ECS tls.server.* fields: DER parsed by node:crypto, failures returned, never thrown.
import { createHash, X509Certificate } from 'node:crypto';
import { rfc4514FromNodeName } from './distinguished-name.js';

export interface LeafCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha1: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** OpenSSL's ASN1_TIME_print text ("Jan  5 00:00:00 2025 GMT") as RFC 3339 UTC; null if it is not that. */
export function rfc3339FromOpensslTime(text: string): string | null {
  const match = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) GMT$/.exec(text);
  if (!match) return null;
  const [, month, day, hh, mm, ss, year] = match as unknown as [string, string, string, string, string, string, string];
  const m = months.indexOf(month);
  if (m < 0) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}T${hh}:${mm}:${ss}Z`;
}

/**
 * Parsed leaves by SHA-1: a server presents the same certificate to every client, and parsing one
 * costs ~130 µs where hashing costs ~2 µs. Bounded; the oldest entry goes first.
 */
const recent = new Map<string, LeafCertificate | null>();
const RECENT_MAX = 1024;

/** The fields of a DER certificate, or null when OpenSSL (through node:crypto) cannot parse it. */
export function describeLeafCertificate(der: Buffer): LeafCertificate | null {
  const sha1 = createHash('sha1').update(der).digest('hex');
  let leaf = recent.get(sha1);
  if (leaf === undefined) {
    leaf = parseLeaf(der, sha1);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(sha1, leaf);
  }
  return leaf;
}

function parseLeaf(der: Buffer, sha1: string): LeafCertificate | null {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    return null;
  }
  const notBefore = rfc3339FromOpensslTime(certificate.validFrom);
  const notAfter = rfc3339FromOpensslTime(certificate.validTo);
  if (notBefore === null || notAfter === null) return null;
  return {
    subject: rfc4514FromNodeName(certificate.subject),
    issuer: rfc4514FromNodeName(certificate.issuer),
    notBefore,
    notAfter,
    sha1,
  };
}
