// Certificate handshake message of TLS ≤ 1.2 (RFC 5246 §7.4.2): the leaf is the first ASN.1Cert of the list.

export interface CertificateList {
  /** The leaf certificate's DER, copied out of the reassembly buffer. */
  readonly leaf: Buffer | undefined;
  readonly count: number;
}

/**
 * Parses `opaque ASN.1Cert<1..2^24-1>; ASN.1Cert certificate_list<0..2^24-1>` in `b[start, end)`.
 * Null when a length lies; an empty list (a server without certificate) gives count 0.
 */
export function parseCertificateList(b: Buffer, start: number, end: number): CertificateList | null {
  if (end - start < 3 || start + 3 + b.readUIntBE(start, 3) !== end) return null;
  let leaf: Buffer | undefined;
  let count = 0;
  for (let at = start + 3; at < end;) {
    if (end - at < 3) return null;
    const length = b.readUIntBE(at, 3);
    if (length === 0 || at + 3 + length > end) return null;
    if (count === 0) leaf = Buffer.from(b.subarray(at + 3, at + 3 + length));
    count++;
    at += 3 + length;
  }
  return { leaf, count };
}
