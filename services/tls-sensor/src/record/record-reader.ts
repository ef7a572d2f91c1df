// TLS record layer of one direction (RFC 8446 §5.1, RFC 5246 §6.2): handshake fragments joined into messages.
import type { MalformedReason } from '../hello/hello-types.js';

/** Record content types (RFC 8446 §5.1, RFC 6520 for heartbeat). */
export const ContentType = {
  CHANGE_CIPHER_SPEC: 20,
  ALERT: 21,
  HANDSHAKE: 22,
  APPLICATION_DATA: 23,
  HEARTBEAT: 24,
} as const;

/** RFC 5246 §6.2.3: no record may carry more than 2^14 + 2048 bytes (TLSCiphertext, the largest). */
export const MAX_RECORD_LENGTH = 16384 + 2048;

/** What the reader's owner does with each message and non-handshake record. */
export interface RecordSink {
  /** A whole handshake message `b[start, start + length)`; return false to stop reading this direction. */
  onHandshake(type: number, b: Buffer, start: number, length: number): boolean;
  /** A record that is not a handshake (after its header); return false to stop. */
  onOtherRecord(contentType: number): boolean;
}

export type ReadResult = 'more' | 'stop' | MalformedReason | 'overflow';

/**
 * Reads one direction's bytes as they arrive, in any split: record headers may straddle segments,
 * handshake messages may span records or share one (RFC 8446 §5.1). Only handshake fragments are
 * copied (into a buffer capped at `maxBytes`); other records are skipped by counting.
 */
export class RecordReader {
  private readonly header = Buffer.alloc(5);
  private headerFill = 0;
  private recordType = 0;
  private recordLeft = 0;
  private handshake: Buffer = Buffer.alloc(0);
  private handshakeStart = 0;
  private handshakeEnd = 0;
  private records = 0;

  constructor(private readonly sink: RecordSink, private readonly maxBytes: number) {}

  /** Bytes held now (for the per-connection cap and the tests). */
  get bufferedBytes(): number {
    return this.handshakeEnd - this.handshakeStart;
  }

  /** Feeds `data[offset, offset + length)`; 'more' while it wants more bytes. */
  push(data: Uint8Array, offset: number, length: number): ReadResult {
    let at = offset;
    const end = offset + length;
    while (at < end) {
      if (this.recordLeft === 0) {
        const take = Math.min(5 - this.headerFill, end - at);
        this.header.set(data.subarray(at, at + take), this.headerFill);
        this.headerFill += take;
        at += take;
        if (this.headerFill < 5) return 'more';
        this.headerFill = 0;
        const verdict = this.startRecord();
        if (verdict !== 'more') return verdict;
        continue;
      }
      const take = Math.min(this.recordLeft, end - at);
      this.recordLeft -= take;
      if (this.recordType === ContentType.HANDSHAKE) {
        const verdict = this.appendHandshake(data, at, take);
        if (verdict !== 'more') return verdict;
      }
      at += take;
    }
    return 'more';
  }

  /** Checks a 5-byte record header: type, version 3.x, length within bounds (RFC 8446 §5.1). */
  private startRecord(): ReadResult {
    const type = this.header[0] as number;
    const length = this.header.readUInt16BE(3);
    if (type < ContentType.CHANGE_CIPHER_SPEC || type > ContentType.HEARTBEAT) return 'record_type';
    if (this.header[1] !== 3 || (this.header[2] as number) > 4) return 'record_version';
    // Zero-length handshake and alert fragments are forbidden (RFC 8446 §5.1); application data may be empty.
    if (length > MAX_RECORD_LENGTH || (length === 0 && type !== ContentType.APPLICATION_DATA)) return 'record_length';
    // The conversation must open with a handshake: anything else is not TLS we can follow.
    if (this.records++ === 0 && type !== ContentType.HANDSHAKE) return 'record_type';
    this.recordType = type;
    this.recordLeft = length;
    if (type !== ContentType.HANDSHAKE) {
      // Messages must not straddle a change in content type (RFC 8446 §5.1).
      if (this.handshakeEnd > this.handshakeStart) return 'unexpected_message';
      if (!this.sink.onOtherRecord(type)) return 'stop';
    }
    return 'more';
  }

  private appendHandshake(data: Uint8Array, at: number, length: number): ReadResult {
    if (this.handshakeEnd - this.handshakeStart + length > this.maxBytes) return 'overflow';
    this.makeRoom(length);
    this.handshake.set(data.subarray(at, at + length), this.handshakeEnd);
    this.handshakeEnd += length;
    // Handshake header: msg_type(1) length(3) (RFC 8446 §4).
    while (this.handshakeEnd - this.handshakeStart >= 4) {
      const type = this.handshake[this.handshakeStart] as number;
      const bodyLength = this.handshake.readUIntBE(this.handshakeStart + 1, 3);
      if (4 + bodyLength > this.maxBytes) return 'overflow';
      if (this.handshakeEnd - this.handshakeStart < 4 + bodyLength) break;
      const start = this.handshakeStart + 4;
      this.handshakeStart = start + bodyLength;
      if (!this.sink.onHandshake(type, this.handshake, start, bodyLength)) return 'stop';
    }
    return 'more';
  }

  /** Grows (doubling, up to the cap) or compacts the buffer so `length` more bytes fit. */
  private makeRoom(length: number): void {
    const held = this.handshakeEnd - this.handshakeStart;
    if (this.handshakeEnd + length <= this.handshake.length) return;
    if (held + length <= this.handshake.length) {
      this.handshake.copyWithin(0, this.handshakeStart, this.handshakeEnd);
    } else {
      const grown = Buffer.allocUnsafe(Math.min(this.maxBytes, Math.max(2048, 2 * (held + length))));
      this.handshake.copy(grown, 0, this.handshakeStart, this.handshakeEnd);
      this.handshake = grown;
    }
    this.handshakeStart = 0;
    this.handshakeEnd = held;
  }
}
