// What the hello parsers extract: code points in wire order (GREASE kept) and the decoded extension bodies.

/** Extension type numbers we decode (IANA "TLS ExtensionType Values"). */
export const Ext = {
  SERVER_NAME: 0,
  SUPPORTED_GROUPS: 10,
  EC_POINT_FORMATS: 11,
  SIGNATURE_ALGORITHMS: 13,
  ALPN: 16,
  PRE_SHARED_KEY: 41,
  SUPPORTED_VERSIONS: 43,
  KEY_SHARE: 51,
} as const;

/** Handshake message types (RFC 8446 §4, RFC 5246 §7.4). */
export const HandshakeType = {
  CLIENT_HELLO: 1,
  SERVER_HELLO: 2,
  NEW_SESSION_TICKET: 4,
  CERTIFICATE: 11,
  SERVER_KEY_EXCHANGE: 12,
  SERVER_HELLO_DONE: 14,
} as const;

export interface ClientHello {
  /** legacy_version (RFC 8446 §4.1.2), e.g. 0x0303. */
  readonly version: number;
  readonly sessionId: Buffer;
  readonly ciphers: readonly number[];
  /** Extension types in wire order. */
  readonly extensions: readonly number[];
  readonly sni?: string;
  readonly alpn?: readonly string[];
  readonly supportedVersions?: readonly number[];
  readonly groups?: readonly number[];
  readonly ecPointFormats?: readonly number[];
  readonly signatureAlgorithms?: readonly number[];
  /** Groups of the key_share entries offered (RFC 8446 §4.2.8). */
  readonly keyShareGroups?: readonly number[];
  /** Extensions whose body did not parse (the type is still listed in `extensions`). */
  readonly badExtensions: number;
}

export interface ServerHello {
  readonly version: number;
  readonly sessionId: Buffer;
  readonly cipher: number;
  readonly compression: number;
  readonly extensions: readonly number[];
  /** supported_versions in a ServerHello holds the one selected version (RFC 8446 §4.2.1). */
  readonly selectedVersion?: number;
  readonly alpn?: string;
  /** key_share: the server's group, or the group an HRR asks for (RFC 8446 §4.2.8). */
  readonly keyShareGroup?: number;
  /** The random is SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3). */
  readonly helloRetryRequest: boolean;
  /** pre_shared_key accepted (RFC 8446 §4.2.11): a TLS 1.3 resumption. */
  readonly pskAccepted: boolean;
  readonly badExtensions: number;
}

/** Why a hello or record could not be used; the fixed label set of the malformed counter. */
export const malformedReasons = [
  'record_type',
  'record_version',
  'record_length',
  'handshake_type',
  'hello_length',
  'extension_length',
  'extension_body',
  'certificate',
  'unexpected_message',
  'gap',
] as const;
export type MalformedReason = (typeof malformedReasons)[number];
