// ClientHello body parser (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2): every length checked against its container.
import { alpnList, keyShareGroups, serverName, u16List, u8List, walkExtensions } from './extension-bodies.js';
import { type ClientHello, Ext, type MalformedReason } from './hello-types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Parses the ClientHello body `b[start, end)` (after the 4-byte handshake header). Returns the
 * hello, or the reason it is unusable: a vector length that runs past its container
 * ('hello_length') or an extension block whose entries do not tile it ('extension_length').
 * An extension whose own body lies is listed and counted in `badExtensions`, its field left out.
 */
export function parseClientHello(b: Buffer, start: number, end: number): ClientHello | MalformedReason {
  // legacy_version(2) random(32) legacy_session_id<0..32>
  if (end - start < 35) return 'hello_length';
  const version = b.readUInt16BE(start);
  let at = start + 34;
  const sessionIdLength = b[at] as number;
  if (sessionIdLength > 32 || at + 1 + sessionIdLength + 2 > end) return 'hello_length';
  const sessionId = Buffer.from(b.subarray(at + 1, at + 1 + sessionIdLength));
  at += 1 + sessionIdLength;
  // cipher_suites<2..2^16-2>
  const cipherBytes = b.readUInt16BE(at);
  if (cipherBytes % 2 !== 0 || at + 2 + cipherBytes + 1 > end) return 'hello_length';
  const ciphers: number[] = [];
  for (let i = at + 2; i < at + 2 + cipherBytes; i += 2) ciphers.push(b.readUInt16BE(i));
  at += 2 + cipherBytes;
  // legacy_compression_methods<1..2^8-1>
  const compressionLength = b[at] as number;
  if (at + 1 + compressionLength > end) return 'hello_length';
  at += 1 + compressionLength;
  const hello: Mutable<ClientHello> = { version, sessionId, ciphers, extensions: [], badExtensions: 0 };
  // RFC 5246 §7.4.1.2: extensions may be absent altogether (SSL 3.0 / TLS 1.0 clients).
  if (at === end) return hello;
  if (end - at < 2 || at + 2 + b.readUInt16BE(at) !== end) return 'extension_length';
  return parseExtensions(b, at + 2, end, hello);
}

function parseExtensions(
  b: Buffer, at: number, end: number, hello: Mutable<ClientHello>,
): ClientHello | MalformedReason {
  const walked = walkExtensions(b, at, end, (type, start, bodyEnd) => decodeExtension(b, type, start, bodyEnd, hello));
  if (walked === 'extension_length') return walked;
  hello.badExtensions += walked.refused;
  hello.extensions = walked.types;
  return hello;
}

/** Fills the field of a known extension; false when its body does not parse. */
function decodeExtension(b: Buffer, type: number, start: number, end: number, hello: Mutable<ClientHello>): boolean {
  switch (type) {
    case Ext.SERVER_NAME: {
      const name = serverName(b, start, end);
      if (name !== null && name !== '') hello.sni = name;
      return name !== null;
    }
    case Ext.ALPN:
      return set(hello, 'alpn', alpnList(b, start, end));
    case Ext.SUPPORTED_VERSIONS: // RFC 8446 §4.2.1: ProtocolVersion versions<2..254>
      return set(hello, 'supportedVersions', u16List(b, start, end, 1));
    case Ext.SUPPORTED_GROUPS: // RFC 8446 §4.2.7: NamedGroup named_group_list<2..2^16-1>
      return set(hello, 'groups', u16List(b, start, end, 2));
    case Ext.EC_POINT_FORMATS:
      return set(hello, 'ecPointFormats', u8List(b, start, end));
    case Ext.SIGNATURE_ALGORITHMS: // RFC 8446 §4.2.3: SignatureScheme supported_signature_algorithms<2..2^16-2>
      return set(hello, 'signatureAlgorithms', u16List(b, start, end, 2));
    case Ext.KEY_SHARE:
      return set(hello, 'keyShareGroups', keyShareGroups(b, start, end));
    default:
      return true;
  }
}

function set<K extends 'alpn' | 'supportedVersions' | 'groups' | 'ecPointFormats' | 'signatureAlgorithms' |
  'keyShareGroups'>(hello: Mutable<ClientHello>, key: K, value: ClientHello[K] | null): boolean {
  if (value === null) return false;
  // A repeated extension (RFC 8446 §4.2 forbids it) keeps the first body, as tshark shows both.
  if (hello[key] === undefined) hello[key] = value;
  return true;
}
