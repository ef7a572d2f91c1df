// Payload signatures: the first bytes of a flow that identify its application protocol, whatever the port.
import { l7Id } from './l7-ports.js';

const HTTP = l7Id('http');
const TLS = l7Id('tls');
const DNS = l7Id('dns');
const SSH = l7Id('ssh');
const SMB = l7Id('smb');
const RDP = l7Id('rdp');
const SMTP = l7Id('smtp');
const FTP = l7Id('ftp');
const QUIC = l7Id('quic');
const MYSQL = l7Id('mysql');
const REDIS = l7Id('redis');
const MQTT = l7Id('mqtt');
const SSDP = l7Id('ssdp');

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** RFC 9110 §9 methods (and WebDAV's PROPFIND), each followed by a space. */
const httpMethods = ['GET ', 'POST ', 'HEAD ', 'PUT ', 'DELETE ', 'OPTIONS ', 'PATCH ', 'CONNECT ', 'TRACE ', 'PROPFIND ']
  .map(ascii);
const httpResponse = ascii('HTTP/1.');
const sshBanner = ascii('SSH-');
const smtpClient = ['EHLO ', 'HELO '].map(ascii);
const ftpClient = ['USER ', 'AUTH TLS', 'FEAT'].map(ascii);
const ssdpStarts = ['M-SEARCH * HTTP/1.1', 'NOTIFY * HTTP/1.1'].map(ascii);

function startsWith(data: Uint8Array, at: number, length: number, prefix: Uint8Array): boolean {
  if (length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[at + i] !== prefix[i]) return false;
  return true;
}

/** Whether `needle` (upper-case ASCII) occurs in the first `length` bytes, ignoring case. */
function containsUpper(data: Uint8Array, at: number, length: number, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= length; i++) {
    for (let j = 0; j < needle.length; j++) {
      const c = data[at + i + j] as number;
      if ((c >= 0x61 && c <= 0x7a ? c - 0x20 : c) !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}
const SMTP_WORD = ascii('SMTP');
const FTP_WORD = ascii('FTP');

/** TLS record (RFC 8446 §5.1): handshake type 22, legacy version 3.x, then ClientHello (1) or ServerHello (2). */
function isTls(d: Uint8Array, at: number, n: number): boolean {
  return n >= 6 && d[at] === 0x16 && d[at + 1] === 3 && (d[at + 2] as number) <= 4 &&
    (d[at + 5] === 1 || d[at + 5] === 2);
}

/** SMB over NetBIOS session service (RFC 1002 §4.3.1, type 0) with an SMB1 (0xFF) or SMB2/3 (0xFE) header. */
function isSmb(d: Uint8Array, at: number, n: number): boolean {
  return n >= 8 && d[at] === 0 && (d[at + 4] === 0xff || d[at + 4] === 0xfe) && d[at + 5] === 0x53 &&
    d[at + 6] === 0x4d && d[at + 7] === 0x42;
}

/** RDP: TPKT (RFC 1006 version 3) carrying an X.224 Connection Request (0xE0) or Confirm (0xD0). */
function isRdp(d: Uint8Array, at: number, n: number): boolean {
  if (n < 7 || d[at] !== 3 || d[at + 1] !== 0) return false;
  const code = (d[at + 5] as number) & 0xf0;
  return (d[at + 2] as number) * 256 + (d[at + 3] as number) === n && (code === 0xe0 || code === 0xd0);
}

/** MySQL initial handshake: 3-byte little-endian length = rest, sequence 0, protocol version 10. */
function isMysqlGreeting(d: Uint8Array, at: number, n: number): boolean {
  if (n < 8 || d[at + 3] !== 0 || d[at + 4] !== 10) return false;
  const length = (d[at] as number) | ((d[at + 1] as number) << 8) | ((d[at + 2] as number) << 16);
  return length + 4 === n;
}

/** A RESP array of bulk strings, as every Redis client command is sent: `*<n>\r\n$`. */
function isRedisCommand(d: Uint8Array, at: number, n: number): boolean {
  if (n < 5 || d[at] !== 0x2a) return false;
  let i = 1;
  while (i < n && i < 6 && (d[at + i] as number) >= 0x30 && (d[at + i] as number) <= 0x39) i++;
  return i > 1 && i + 2 < n && d[at + i] === 0x0d && d[at + i + 1] === 0x0a && d[at + i + 2] === 0x24;
}

/** MQTT CONNECT (v3.1.1/v5 §3.1): type 1, then after the remaining length, protocol name "MQTT" or "MQIsdp". */
function isMqttConnect(d: Uint8Array, at: number, n: number): boolean {
  if (n < 10 || d[at] !== 0x10) return false;
  let i = 1;
  while (i < 5 && ((d[at + i] as number) & 0x80) !== 0) i++;
  i++;
  if (i + 6 > n || d[at + i] !== 0) return false;
  const nameLength = d[at + i + 1] as number;
  return (nameLength === 4 && d[at + i + 2] === 0x4d && d[at + i + 3] === 0x51 && d[at + i + 4] === 0x54 &&
    d[at + i + 5] === 0x54) || (nameLength === 6 && d[at + i + 2] === 0x4d && d[at + i + 3] === 0x51);
}

/**
 * A DNS message (RFC 1035 §4.1): opcode QUERY, 1 question, counts that fit, and the question's
 * name a valid label sequence ending inside the payload followed by type and class.
 */
function isDns(d: Uint8Array, at: number, n: number): boolean {
  if (n < 17) return false;
  const opcode = ((d[at + 2] as number) >> 3) & 0x0f;
  if (opcode !== 0 || d[at + 4] !== 0 || d[at + 5] !== 1 || (d[at + 6] as number) > 1) return false;
  let i = 12;
  for (let labels = 0; labels < 128; labels++) {
    if (i >= n) return false;
    const length = d[at + i] as number;
    if (length === 0) return i + 5 <= n;
    if (length > 63) return false;
    i += 1 + length;
  }
  return false;
}

/** QUIC long header (RFC 9000 §17.2) with version 1 (RFC 9000) or 2 (RFC 9369). */
function isQuic(d: Uint8Array, at: number, n: number): boolean {
  if (n < 7 || ((d[at] as number) & 0xc0) !== 0xc0) return false;
  const version = (((d[at + 1] as number) << 24) | ((d[at + 2] as number) << 16) | ((d[at + 3] as number) << 8) |
    (d[at + 4] as number)) >>> 0;
  return version === 1 || version === 0x6b3343cf;
}

/**
 * The protocol id the payload `data[at, at + length)` shows, or 0. `fromClient` says which side
 * sent it (banners come from servers, commands from clients); `isTcp` picks the transport's set.
 */
export function signatureOf(data: Uint8Array, at: number, length: number, isTcp: boolean, fromClient: boolean): number {
  if (length <= 0) return 0;
  const first = data[at] as number;
  if (isTcp) {
    if (first === 0x16) return isTls(data, at, length) ? TLS : 0;
    if (fromClient) {
      for (const method of httpMethods) if (startsWith(data, at, length, method)) return HTTP;
      if (isRedisCommand(data, at, length)) return REDIS;
      if (isMqttConnect(data, at, length)) return MQTT;
      for (const hello of smtpClient) if (startsWith(data, at, length, hello)) return SMTP;
      for (const command of ftpClient) if (startsWith(data, at, length, command)) return FTP;
    } else {
      if (startsWith(data, at, length, httpResponse)) return HTTP;
      if (isMysqlGreeting(data, at, length)) return MYSQL;
      // "220 " opens both SMTP (RFC 5321 §4.2) and FTP (RFC 959) greetings; the text tells them apart.
      if (length >= 4 && first === 0x32 && data[at + 1] === 0x32 && data[at + 2] === 0x30) {
        const window = Math.min(length, 128);
        if (containsUpper(data, at, window, SMTP_WORD)) return SMTP;
        if (containsUpper(data, at, window, FTP_WORD)) return FTP;
      }
    }
    if (startsWith(data, at, length, sshBanner)) return SSH;
    if (isSmb(data, at, length)) return SMB;
    if (isRdp(data, at, length)) return RDP;
    return 0;
  }
  for (const start of ssdpStarts) if (startsWith(data, at, length, start)) return SSDP;
  if (isQuic(data, at, length)) return QUIC;
  if (isDns(data, at, length)) return DNS;
  return 0;
}
