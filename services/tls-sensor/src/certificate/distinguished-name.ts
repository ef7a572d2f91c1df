// Node's multi-line X.509 name text → an RFC 4514 string (most specific RDN first, ',' between RDNs, '+' within).

/**
 * `X509Certificate.subject` prints one RDN per line in certificate order (least specific first),
 * values already escaped per RFC 2253/4514 §2.4 (OpenSSL's ASN1_STRFLGS_ESC_2253 | ESC_CTRL), and the
 * attributes of a multi-valued RDN joined by " + " (a literal '+' in a value is escaped, so the
 * split is safe). RFC 4514 §2.1 wants the reverse order; we reverse inside an RDN as well, as
 * `openssl x509 -nameopt RFC2253` does, so the two agree character for character.
 */
export function rfc4514FromNodeName(multiline: string): string {
  if (multiline === '') return '';
  return multiline
    .split('\n')
    .reverse()
    .map((rdn) => rdn.split(' + ').reverse().join('+'))
    .join(',');
}
