// Builds TLS hellos, certificates and records byte by byte for tests, fuzz seeds and the benchmark capture.

export interface Extension {
  readonly type: number;
  readonly body: Uint8Array;
}

const u8 = (v: number) => Buffer.from([v & 0xff]);
const u16 = (v: number) => Buffer.from([(v >> 8) & 0xff, v & 0xff]);
const u24 = (v: number) => Buffer.from([(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);
const vector16 = (body: Uint8Array) => Buffer.concat([u16(body.length), body]);
const vector8 = (body: Uint8Array) => Buffer.concat([u8(body.length), body]);
const u16s = (values: readonly number[]) => Buffer.concat(values.map(u16));

export const ext = {
  raw: (type: number, body: Uint8Array = Buffer.alloc(0)): Extension => ({ type, body }),
  sni: (name: string): Extension =>
    ({ type: 0, body: vector16(Buffer.concat([u8(0), vector16(Buffer.from(name, 'latin1'))])) }),
  alpn: (names: readonly string[]): Extension =>
    ({ type: 16, body: vector16(Buffer.concat(names.map((n) => vector8(Buffer.from(n, 'latin1'))))) }),
  groups: (groups: readonly number[]): Extension => ({ type: 10, body: vector16(u16s(groups)) }),
  pointFormats: (formats: readonly number[]): Extension => ({ type: 11, body: vector8(Buffer.from(formats)) }),
  signatureAlgorithms: (schemes: readonly number[]): Extension => ({ type: 13, body: vector16(u16s(schemes)) }),
  supportedVersions: (versions: readonly number[]): Extension => ({ type: 43, body: vector8(u16s(versions)) }),
  keyShare: (groups: readonly number[]): Extension => ({ type: 51,
    body: vector16(Buffer.concat(groups.map((g) => Buffer.concat([u16(g), vector16(Buffer.alloc(32, g & 0xff))])))) }),
  padding: (length: number): Extension => ({ type: 21, body: Buffer.alloc(length) }),
  // ServerHello forms
  selectedVersion: (version: number): Extension => ({ type: 43, body: u16(version) }),
  serverKeyShare: (group: number): Extension =>
    ({ type: 51, body: Buffer.concat([u16(group), vector16(Buffer.alloc(32, 7))]) }),
  retryKeyShare: (group: number): Extension => ({ type: 51, body: u16(group) }),
  preSharedKey: (identity: number): Extension => ({ type: 41, body: u16(identity) }),
};

function extensionBlock(extensions: readonly Extension[] | null): Buffer {
  if (extensions === null) return Buffer.alloc(0);
  return vector16(Buffer.concat(extensions.map((e) => Buffer.concat([u16(e.type), vector16(e.body)]))));
}

export interface ClientHelloSpec {
  readonly version?: number;
  readonly sessionId?: Uint8Array;
  readonly ciphers: readonly number[];
  /** null: no extension block at all (pre-TLS 1.2 clients). */
  readonly extensions: readonly Extension[] | null;
}

/** The ClientHello body (no handshake header). */
export function clientHelloBody(spec: ClientHelloSpec): Buffer {
  return Buffer.concat([u16(spec.version ?? 0x0303), Buffer.alloc(32, 0x11), vector8(spec.sessionId ?? Buffer.alloc(0)),
    vector16(u16s(spec.ciphers)), vector8(Buffer.from([0])), extensionBlock(spec.extensions)]);
}

/** RFC 8446 §4.1.3 HelloRetryRequest random. */
export const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

export interface ServerHelloSpec {
  readonly version?: number;
  readonly random?: Uint8Array;
  readonly sessionId?: Uint8Array;
  readonly cipher: number;
  readonly extensions: readonly Extension[] | null;
}

export function serverHelloBody(spec: ServerHelloSpec): Buffer {
  return Buffer.concat([u16(spec.version ?? 0x0303), spec.random ?? Buffer.alloc(32, 0x22),
    vector8(spec.sessionId ?? Buffer.alloc(0)), u16(spec.cipher), u8(0), extensionBlock(spec.extensions)]);
}

/** Certificate message body of TLS ≤ 1.2 (RFC 5246 §7.4.2). */
export function certificateBody(ders: readonly Uint8Array[]): Buffer {
  const list = Buffer.concat(ders.map((d) => Buffer.concat([u24(d.length), d])));
  return Buffer.concat([u24(list.length), list]);
}

/** A handshake message: msg_type, 3-byte length, body (RFC 8446 §4). */
export function handshake(type: number, body: Uint8Array): Buffer {
  return Buffer.concat([u8(type), u24(body.length), body]);
}

/** Records of `contentType` carrying `payload`, at most `fragment` bytes each (RFC 8446 §5.1). */
export function records(contentType: number, payload: Uint8Array, fragment = 16384, version = 0x0301): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < payload.length || at === 0; at += fragment) {
    const piece = payload.subarray(at, Math.min(payload.length, at + fragment));
    parts.push(Buffer.concat([u8(contentType), u16(version), u16(piece.length), piece]));
    if (payload.length === 0) break;
  }
  return Buffer.concat(parts);
}

export const HANDSHAKE = 22;
export const CHANGE_CIPHER_SPEC = 23 - 3;
export const APPLICATION_DATA = 23;
