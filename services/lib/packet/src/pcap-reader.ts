// Reads classic pcap records (draft-ietf-opsawg-pcap §5) after the file header has been parsed.
import { u32 } from './bytes.js';
import { MAX_CAPLEN } from './capture-types.js';
import type { FileChunks } from './file-chunks.js';
import type { PacketView } from './packet-view.js';
import { ReaderBase } from './reader-base.js';

export const PCAP_MAGIC_USEC = 0xa1b2c3d4;
export const PCAP_MAGIC_NSEC = 0xa1b23c4d;
export const PCAP_HEADER_LEN = 24;
const RECORD_HEADER_LEN = 16;

export interface PcapHeader {
  littleEndian: boolean;
  nanosecond: boolean;
  versionMajor: number;
  versionMinor: number;
  snaplen: number;
  /** The whole "LinkType and additional information" field. */
  linktypeField: number;
}

/** Parse the 24-byte file header at b[o]; undefined if the magic is not a pcap magic. */
export function parsePcapHeader(b: Uint8Array, o: number): PcapHeader | undefined {
  // §4: the magic is written in the writer's byte order; read it both ways.
  let le = true;
  let magic = u32(b, o, true);
  if (magic !== PCAP_MAGIC_USEC && magic !== PCAP_MAGIC_NSEC) {
    le = false;
    magic = u32(b, o, false);
    if (magic !== PCAP_MAGIC_USEC && magic !== PCAP_MAGIC_NSEC) return undefined;
  }
  return {
    littleEndian: le,
    nanosecond: magic === PCAP_MAGIC_NSEC,
    versionMajor: (le ? b[o + 4] : b[o + 5]) ?? 0,
    versionMinor: (le ? b[o + 6] : b[o + 7]) ?? 0,
    snaplen: u32(b, o + 16, le),
    linktypeField: u32(b, o + 20, le),
  };
}

export class PcapReader extends ReaderBase {
  readonly format = 'pcap' as const;
  private readonly le: boolean;
  private readonly nsec: boolean;
  private readonly linktype: number;

  constructor(path: string, fd: number, src: FileChunks, header: PcapHeader) {
    super(path, fd, src);
    this.le = header.littleEndian;
    this.nsec = header.nanosecond;
    const field = header.linktypeField;
    // §4 LinkType and additional information: link type in the low 16 bits; when the
    // P bit (0x04000000) is set, the top 4 bits give the FCS length in 16-bit words.
    this.linktype = field & 0xffff;
    if (header.versionMajor !== 2) this.count('pcap_unsupported_version');
    this.interfaces.push({
      linktype: this.linktype,
      snaplen: header.snaplen,
      fcsLength: field & 0x04000000 ? ((field >>> 28) & 0xf) * 2 : undefined,
      tsResolution: { base: 10, exponent: header.nanosecond ? 9 : 6 },
      tsOffset: 0,
      section: 0,
      idInSection: 0,
      name: undefined,
    });
  }

  next(view: PacketView): boolean {
    if (this.done) return false;
    const src = this.src;
    if (!src.take(RECORD_HEADER_LEN)) return this.stopAtEnd('pcap_truncated_record');
    const b = src.data;
    const o = src.at;
    const le = this.le;
    let sec = u32(b, o, le);
    let frac = u32(b, o + 4, le);
    const caplen = u32(b, o + 8, le);
    const origlen = u32(b, o + 12, le);
    // §5: caplen above the largest snaplen means the record header is garbage; pcap has
    // no resync marker, so stop rather than deliver noise (libpcap does the same).
    if (caplen > MAX_CAPLEN) return this.stop('pcap_caplen_too_large');
    if (!src.take(caplen)) return this.stopTruncated('pcap_truncated_record');
    if (caplen > origlen) this.count('pcap_caplen_exceeds_origlen');
    const unit = this.nsec ? 1_000_000_000 : 1_000_000;
    if (frac >= unit) {
      this.count('pcap_bad_ts_fraction');
      sec += Math.floor(frac / unit);
      frac %= unit;
    }
    view.data = src.data;
    view.offset = src.at;
    view.caplen = caplen;
    view.origlen = origlen;
    view.tsSec = sec;
    view.tsNsec = this.nsec ? frac : frac * 1000;
    view.linktype = this.linktype;
    view.interfaceIndex = 0;
    this.stats.packets++;
    this.stats.bytes += caplen;
    return true;
  }
}
