// Writes classic pcap (draft-ietf-opsawg-pcap): a file header and packet records, to memory or a file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { MAX_CAPLEN } from './capture-types.js';
import { LinkType } from './linktype.js';
import { PCAP_HEADER_LEN, PCAP_MAGIC_NSEC, PCAP_MAGIC_USEC } from './pcap-reader.js';

export interface PcapWriterOptions {
  /** LINKTYPE_* for the header (default ETHERNET). */
  linktype?: number;
  /** Snapshot length; longer packets are cut to it (default 262144). */
  snaplen?: number;
  /** Nanosecond timestamps (magic a1b23c4d) instead of microseconds. */
  nanosecond?: boolean;
  /** Byte order of the file (default little-endian). */
  bigEndian?: boolean;
}

/** The fields of a packet a writer needs; a PacketView fits. */
export interface PacketRecord {
  data: Uint8Array;
  offset: number;
  caplen: number;
  origlen: number;
  tsSec: number;
  tsNsec: number;
}

const RECORD_HEADER_LEN = 16;
const STAGE_SIZE = 1024 * 1024;

/** The 24-byte pcap file header (draft-ietf-opsawg-pcap §4). */
export function encodePcapHeader(options: PcapWriterOptions = {}): Buffer {
  const h = Buffer.alloc(PCAP_HEADER_LEN);
  const be = options.bigEndian === true;
  const w32 = (v: number, o: number) => (be ? h.writeUInt32BE(v, o) : h.writeUInt32LE(v, o));
  const w16 = (v: number, o: number) => (be ? h.writeUInt16BE(v, o) : h.writeUInt16LE(v, o));
  w32(options.nanosecond ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC, 0);
  w16(2, 4); // version 2.4
  w16(4, 6);
  // Reserved1 (once thiszone) and Reserved2 (once sigfigs) stay 0.
  w32(options.snaplen ?? MAX_CAPLEN, 16);
  w32(options.linktype ?? LinkType.ETHERNET, 20);
  return h;
}

/** Record encoding into a staging buffer; subclasses decide where full stages go. */
abstract class PcapWriterBase {
  private readonly stage = Buffer.allocUnsafe(STAGE_SIZE);
  private used = 0;
  private readonly be: boolean;
  private readonly nsec: boolean;
  private readonly snaplen: number;
  packets = 0;

  constructor(options: PcapWriterOptions) {
    this.be = options.bigEndian === true;
    this.nsec = options.nanosecond === true;
    this.snaplen = options.snaplen ?? MAX_CAPLEN;
  }

  /** Take bytes that are only valid during the call (the stage is reused afterwards). */
  protected abstract sink(bytes: Uint8Array): void;

  /** Append raw bytes (used for the file header). */
  protected put(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.stage.length) this.flush();
    if (bytes.length > this.stage.length) {
      this.sink(bytes);
      return;
    }
    this.stage.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Append one packet; `origlen` defaults to the data length. Data beyond snaplen is cut. */
  write(data: Uint8Array, tsSec: number, tsNsec: number, origlen = data.length): void {
    this.writeRecord(data, 0, data.length, origlen, tsSec, tsNsec);
  }

  /** Append a packet described by a PacketView (or anything with the same fields). */
  writePacket(p: PacketRecord): void {
    this.writeRecord(p.data, p.offset, p.caplen, p.origlen, p.tsSec, p.tsNsec);
  }

  private writeRecord(
    data: Uint8Array,
    offset: number,
    length: number,
    origlen: number,
    tsSec: number,
    tsNsec: number,
  ): void {
    const caplen = Math.min(length, this.snaplen);
    if (this.used + RECORD_HEADER_LEN + caplen > this.stage.length) this.flush();
    const s = this.stage;
    let o = this.used;
    const frac = this.nsec ? tsNsec : Math.floor(tsNsec / 1000);
    if (this.be) {
      s.writeUInt32BE(tsSec, o);
      s.writeUInt32BE(frac, o + 4);
      s.writeUInt32BE(caplen, o + 8);
      s.writeUInt32BE(origlen, o + 12);
    } else {
      s.writeUInt32LE(tsSec, o);
      s.writeUInt32LE(frac, o + 4);
      s.writeUInt32LE(caplen, o + 8);
      s.writeUInt32LE(origlen, o + 12);
    }
    o += RECORD_HEADER_LEN;
    this.used = o;
    this.packets++;
    const bytes = data.subarray(offset, offset + caplen);
    if (caplen > s.length - o) {
      this.flush();
      this.sink(bytes);
      return;
    }
    s.set(bytes, o);
    this.used = o + caplen;
  }

  protected flush(): void {
    if (this.used === 0) return;
    this.sink(this.stage.subarray(0, this.used));
    this.used = 0;
  }
}

/** Builds a pcap file in memory; `toBuffer()` returns header plus every record so far. */
export class PcapBufferWriter extends PcapWriterBase {
  private readonly parts: Buffer[] = [];

  constructor(options: PcapWriterOptions = {}) {
    super(options);
    this.put(encodePcapHeader(options));
  }

  protected sink(bytes: Uint8Array): void {
    this.parts.push(Buffer.from(bytes));
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

/** Writes a pcap file through a 1 MiB staging buffer; call close() to flush. */
export class PcapFileWriter extends PcapWriterBase {
  private fd: number | undefined;

  constructor(
    readonly path: string,
    options: PcapWriterOptions = {},
  ) {
    super(options);
    this.fd = openSync(path, 'w');
    this.put(encodePcapHeader(options));
  }

  protected sink(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path}: pcap writer is closed`);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
