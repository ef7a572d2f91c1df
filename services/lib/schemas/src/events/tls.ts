// netwatch.tls.v1: one TLS handshake: client/server hello, fingerprints and server certificate.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { portEndpoint } from '../endpoint.js';
import { network } from '../network.js';
import { hexDigest, ja4, timestamp, uint16 } from '../primitives.js';

const md5 = hexDigest(32);

/** ECS `tls.*`: readable names. The raw code points are in netwatch.tls. */
const tls = z.looseObject({
  version: z.string().optional().describe('Negotiated version, e.g. 1.2, 1.3'),
  version_protocol: z.enum(['tls', 'ssl', 'dtls']).optional(),
  cipher: z.string().optional().describe('Negotiated IANA cipher suite name'),
  curve: z.string().optional().describe('Negotiated key exchange group'),
  next_protocol: z.string().optional().describe('ALPN protocol the server selected'),
  resumed: z.boolean().optional(),
  established: z.boolean().optional(),
  client: z.looseObject({
    server_name: z.string().optional().describe('SNI (RFC 6066 §3)'),
    supported_ciphers: z.array(z.string()).optional(),
    ja3: md5.optional().describe('MD5 of the JA3 string'),
  }),
  server: z
    .looseObject({
      ja3s: md5.optional(),
      subject: z.string().optional().describe('Leaf certificate subject DN (RFC 4514)'),
      issuer: z.string().optional(),
      not_before: timestamp.optional(),
      not_after: timestamp.optional(),
      hash: z.looseObject({ sha1: hexDigest(40).optional() }).optional(),
    })
    .optional(),
});

/**
 * Client hello code points as on the wire, in wire order, GREASE values (RFC 8701) kept;
 * fingerprints drop them, consumers may too.
 */
const clientHello = z.looseObject({
  version: uint16.describe('legacy_version, e.g. 771 = 0x0303'),
  supported_versions: z.array(uint16).optional().describe('RFC 8446 §4.2.1'),
  ciphers: z.array(uint16),
  extensions: z.array(uint16),
  groups: z.array(uint16).optional().describe('supported_groups, RFC 8446 §4.2.7'),
  group_names: z.array(z.string()).optional(),
  ec_point_formats: z.array(z.number().int().min(0).max(255)).optional(),
  signature_algorithms: z.array(uint16).optional(),
  alpn: z.array(z.string()).optional().describe('Offered ALPN ids (RFC 7301)'),
  sni: z.string().optional(),
  key_share_groups: z.array(uint16).optional().describe('Groups of the key_share entries offered, RFC 8446 §4.2.8'),
});

const serverHello = z.looseObject({
  version: uint16.describe('legacy_version'),
  selected_version: uint16.optional().describe('supported_versions extension, TLS 1.3'),
  cipher: uint16,
  extensions: z.array(uint16),
  alpn: z.string().optional(),
  key_share_group: uint16.optional().describe('Group of the server key_share (TLS 1.3), RFC 8446 §4.2.8'),
});

export const tlsDetails = z.looseObject({
  client_hello: clientHello,
  server_hello: serverHello.optional(),
  ja3_string: z.string().optional().describe('SSLVersion,Ciphers,Extensions,Curves,PointFormats'),
  ja3s_string: z.string().optional(),
  ja4: ja4.optional(),
  ja4_r: z.string().optional().describe('JA4 with the sorted cipher and extension lists in clear (FoxIO JA4_r)'),
  hello_retry_request: z
    .boolean()
    .optional()
    .describe('The server sent a HelloRetryRequest (RFC 8446 §4.1.4); the hellos above are the final ones'),
  retry_group: uint16.optional().describe('The group the HelloRetryRequest asked for'),
  first_ja3: md5.optional().describe('JA3 of the first ClientHello, when a HelloRetryRequest made a second'),
  certificate_count: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Certificates in the server chain (TLS ≤ 1.2; encrypted in 1.3)'),
});

export const tlsEvent = z.looseObject({
  ...eventShape('tls', { tls: tlsDetails }),
  source: portEndpoint.describe('The client'),
  destination: portEndpoint.describe('The server'),
  network,
  tls,
});

export type TlsEvent = z.infer<typeof tlsEvent>;
