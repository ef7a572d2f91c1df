// ServerHello body parser (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3), HelloRetryRequest included.
import { selectedAlpn, serverKeyShareGroup, singleU16, walkExtensions } from './extension-bodies.js';
import { Ext, type MalformedReason, type ServerHello } from './hello-types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** RFC 8446 §4.1.3: an HRR is a ServerHello whose random is SHA-256("HelloRetryRequest"). */
const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

/** Parses the ServerHello body `b[start, end)`; the reason when a length lies. */
export function parseServerHello(b: Buffer, start: number, end: number): ServerHello | MalformedReason {
  // legacy_version(2) random(32) legacy_session_id_echo<0..32> cipher_suite(2) compression(1)
  if (end - start < 35) return 'hello_length';
  const version = b.readUInt16BE(start);
  const helloRetryRequest = b.compare(HRR_RANDOM, 0, 32, start + 2, start + 34) === 0;
  let at = start + 34;
  const sessionIdLength = b[at] as number;
  if (sessionIdLength > 32 || at + 1 + sessionIdLength + 3 > end) return 'hello_length';
  const sessionId = Buffer.from(b.subarray(at + 1, at + 1 + sessionIdLength));
  at += 1 + sessionIdLength;
  const cipher = b.readUInt16BE(at);
  const compression = b[at + 2] as number;
  at += 3;
  const hello: Mutable<ServerHello> = { version, sessionId, cipher, compression, extensions: [], helloRetryRequest,
    pskAccepted: false, badExtensions: 0 };
  if (at === end) return hello;
  if (end - at < 2 || at + 2 + b.readUInt16BE(at) !== end) return 'extension_length';
  const walked = walkExtensions(b, at + 2, end,
    (type, start, bodyEnd) => decodeExtension(b, type, start, bodyEnd, hello));
  if (walked === 'extension_length') return walked;
  hello.badExtensions += walked.refused;
  hello.extensions = walked.types;
  return hello;
}

function decodeExtension(b: Buffer, type: number, start: number, end: number, hello: Mutable<ServerHello>): boolean {
  switch (type) {
    case Ext.SUPPORTED_VERSIONS: {
      const version = singleU16(b, start, end);
      if (version !== null) hello.selectedVersion = version;
      return version !== null;
    }
    case Ext.ALPN: {
      const alpn = selectedAlpn(b, start, end);
      if (alpn !== null) hello.alpn = alpn;
      return alpn !== null;
    }
    case Ext.KEY_SHARE: {
      const group = serverKeyShareGroup(b, start, end, hello.helloRetryRequest);
      if (group !== null) hello.keyShareGroup = group;
      return group !== null;
    }
    case Ext.PRE_SHARED_KEY: // RFC 8446 §4.2.11: the server's selected_identity (u16)
      hello.pskAccepted = singleU16(b, start, end) !== null;
      return hello.pskAccepted;
    default:
      return true;
  }
}
