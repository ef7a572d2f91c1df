// Payload bytes for generated frames: seeded noise (TLS-encrypted-looking data) and a plain HTTP/1.1 GET.
import { seededUint32 } from '@netwatch/packet';

export const HTTP_GET = Buffer.from(
  'GET /assets/app.js HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) ' +
  'Gecko/20100101 Firefox/128.0\r\nAccept: */*\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate\r\n' +
  'Connection: keep-alive\r\nReferer: http://www.example.com/\r\n\r\n',
  'latin1',
);

/** A response head whose Content-Length value is 10 characters wide (leading spaces are OWS, RFC 9110 §5.6.3). */
export const HTTP_RESPONSE_HEAD = Buffer.from(
  'HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n' +
  'Content-Type: application/octet-stream\r\nContent-Length:           \r\nConnection: keep-alive\r\n\r\n',
  'latin1',
);
const CONTENT_LENGTH_END = HTTP_RESPONSE_HEAD.indexOf('\r\nConnection:');

/** Writes the head with `body` as Content-Length at `o`; returns the end offset. */
export function writeResponseHead(b: Buffer, o: number, body: number): number {
  HTTP_RESPONSE_HEAD.copy(b, o);
  const digits = String(body); // once per HTTP response, not per packet
  b.write(digits, o + CONTENT_LENGTH_END - digits.length, 'latin1');
  return o + HTTP_RESPONSE_HEAD.length;
}

/** 8 KiB of seeded random bytes; a payload is a slice of it at a per-flow offset. */
export function noise(seed: number): Buffer {
  const rng = seededUint32(seed ^ 0x9e3779b9);
  const out = Buffer.alloc(8192);
  for (let o = 0; o < out.length; o += 4) out.writeUInt32LE(rng(), o);
  return out;
}
