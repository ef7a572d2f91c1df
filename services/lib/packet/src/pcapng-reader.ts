// Reads pcapng blocks (draft-ietf-opsawg-pcapng): sections, interfaces and EPB/SPB/PB packets; skips the rest.
import { i64, u16, u32 } from './bytes.js';
import { MAX_CAPLEN } from './capture-types.js';
import type { PacketView } from './packet-view.js';
import { ReaderBase } from './reader-base.js';
import { parseTsresol, TimestampConverter } from './timestamp.js';

/** §4.1: the SHB type reads the same in both byte orders (CR LF LF CR, "\r\n\n\r"). */
export const PCAPNG_SHB_TYPE = 0x0a0d0d0a;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const PCAPNG_IDB_TYPE = 1;
/** Appendix A: the obsolete Packet Block. */
export const PCAPNG_PB_TYPE = 2;
export const PCAPNG_SPB_TYPE = 3;
export const PCAPNG_EPB_TYPE = 6;
/** Smallest valid SHB: 24 bytes of fields plus the trailing length (§4.1). */
export const PCAPNG_SHB_MIN_LEN = 28;

/**
 * Blocks we must hold whole (SHB, IDB, packet blocks) larger than this are treated as a
 * damaged length rather than buffered: a packet block is at most MAX_CAPLEN plus options.
 */
const MAX_BUFFERED_BLOCK = 16 * 1024 * 1024;

// §4.2 IDB option codes.
const IF_NAME = 2;
const IF_TSRESOL = 9;
const IF_FCSLEN = 13;
const IF_TSOFFSET = 14;

export class PcapngReader extends ReaderBase {
  readonly format = 'pcapng' as const;
  private le = true;
  private section = -1;
  /** Index in `interfaces` of interface 0 of the current section (§4.2: IDs restart per section). */
  private sectionBase = 0;
  private readonly ifLinktype: number[] = [];
  private readonly ifSnaplen: number[] = [];
  private readonly ifTs: TimestampConverter[] = [];

  next(view: PacketView): boolean {
    const src = this.src;
    for (;;) {
      if (this.done) return false;
      // §3.1 general block: type (4), total length (4), body, total length again (4).
      if (!src.peek(8)) return this.stopAtEnd('pcapng_truncated_block');
      const type = u32(src.data, src.at, this.le);
      if (type === PCAPNG_SHB_TYPE) {
        this.readSectionHeader();
        continue;
      }
      const len = u32(src.data, src.at + 4, this.le);
      // §3.1: the total length is a multiple of 4 and covers at least the 12 framing bytes.
      if (len < 12 || (len & 3) !== 0) return this.stop('pcapng_bad_block_length');
      if (
        type !== PCAPNG_EPB_TYPE &&
        type !== PCAPNG_SPB_TYPE &&
        type !== PCAPNG_IDB_TYPE &&
        type !== PCAPNG_PB_TYPE
      ) {
        // NRB, ISB, DSB, custom and unknown blocks: §3.1 lets a reader skip what it does not need.
        if (!src.skip(len)) return this.stopTruncated('pcapng_truncated_block');
        this.stats.skippedBlocks++;
        continue;
      }
      if (!this.takeBlock(len)) return false;
      const b = src.data;
      const o = src.at;
      if (type === PCAPNG_EPB_TYPE) {
        if (this.enhancedPacket(view, b, o, len)) return true;
      } else if (type === PCAPNG_SPB_TYPE) {
        if (this.simplePacket(view, b, o, len)) return true;
      } else if (type === PCAPNG_PB_TYPE) {
        if (this.obsoletePacket(view, b, o, len)) return true;
      } else {
        this.interfaceDescription(b, o, len);
      }
    }
  }

  /** Take a whole block and check its trailing length; false (reading stopped) on damage. */
  private takeBlock(len: number): boolean {
    if (len > MAX_BUFFERED_BLOCK) return this.stop('pcapng_bad_block_length');
    if (!this.src.take(len)) return this.stopTruncated('pcapng_truncated_block');
    if (u32(this.src.data, this.src.at + len - 4, this.le) !== len) {
      return this.stop('pcapng_block_length_mismatch');
    }
    return true;
  }

  /** §4.1 SHB: sets the byte order for the section and restarts interface numbering. */
  private readSectionHeader(): void {
    const src = this.src;
    if (!src.peek(12)) {
      this.stopAtEnd('pcapng_truncated_block');
      return;
    }
    // The byte-order magic, read in the writer's order, is 0x1A2B3C4D.
    let le: boolean;
    if (u32(src.data, src.at + 8, true) === PCAPNG_BYTE_ORDER_MAGIC) le = true;
    else if (u32(src.data, src.at + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) le = false;
    else {
      this.stop('pcapng_bad_byte_order_magic');
      return;
    }
    const len = u32(src.data, src.at + 4, le);
    if (len < PCAPNG_SHB_MIN_LEN || (len & 3) !== 0) {
      this.stop('pcapng_bad_block_length');
      return;
    }
    this.le = le;
    if (!this.takeBlock(len)) return;
    // §4.1: a different major version means an incompatible layout; the section cannot be parsed.
    if (u16(src.data, src.at + 12, le) !== 1) {
      this.stop('pcapng_unsupported_version');
      return;
    }
    this.section++;
    this.sectionBase = this.interfaces.length;
  }

  /** §4.2 IDB: link type, snaplen and the options that change how packets are read. */
  private interfaceDescription(b: Buffer, o: number, len: number): void {
    if (len < 20) {
      this.count('pcapng_bad_block_length');
      return;
    }
    const le = this.le;
    const linktype = u16(b, o + 8, le);
    const snaplen = u32(b, o + 12, le);
    let tsres = { base: 10 as 10 | 2, exponent: 6 }; // §4.2: default if_tsresol is 6 (µs).
    let tsOffset = 0;
    let fcsLength: number | undefined;
    let name: string | undefined;
    const end = o + len - 4;
    let p = o + 16;
    // §3.5 options: code (2), length (2), value padded to 4 bytes; opt_endofopt (0) ends the list.
    while (p + 4 <= end) {
      const code = u16(b, p, le);
      const olen = u16(b, p + 2, le);
      if (code === 0) break;
      const v = p + 4;
      if (v + olen > end) {
        this.count('pcapng_bad_option');
        break;
      }
      if (code === IF_TSRESOL) {
        if (olen === 1) tsres = parseTsresol(b[v] ?? 6);
        else this.count('pcapng_bad_option');
      } else if (code === IF_TSOFFSET) {
        if (olen === 8) tsOffset = i64(b, v, le);
        else this.count('pcapng_bad_option');
      } else if (code === IF_FCSLEN) {
        if (olen === 1) fcsLength = b[v];
        else this.count('pcapng_bad_option');
      } else if (code === IF_NAME) {
        name = b.toString('utf8', v, v + olen);
      }
      p = v + ((olen + 3) & ~3);
    }
    this.ifLinktype.push(linktype);
    this.ifSnaplen.push(snaplen);
    this.ifTs.push(new TimestampConverter(tsres.base, tsres.exponent, tsOffset));
    this.interfaces.push({
      linktype,
      snaplen,
      fcsLength,
      tsResolution: tsres,
      tsOffset,
      section: this.section,
      idInSection: this.interfaces.length - this.sectionBase,
      name,
    });
  }

  /** §4.3 EPB: interface ID, 64-bit timestamp, caplen, origlen, data. */
  private enhancedPacket(view: PacketView, b: Buffer, o: number, len: number): boolean {
    if (len < 32) {
      this.count('pcapng_bad_block_length');
      return false;
    }
    const le = this.le;
    return this.packet(
      view,
      b,
      o,
      len,
      u32(b, o + 8, le),
      u32(b, o + 12, le),
      u32(b, o + 16, le),
      u32(b, o + 20, le),
      u32(b, o + 24, le),
    );
  }

  /** Appendix A obsolete PB: as an EPB but with a 16-bit interface ID and a drops count. */
  private obsoletePacket(view: PacketView, b: Buffer, o: number, len: number): boolean {
    if (len < 32) {
      this.count('pcapng_bad_block_length');
      return false;
    }
    const le = this.le;
    return this.packet(
      view,
      b,
      o,
      len,
      u16(b, o + 8, le),
      u32(b, o + 12, le),
      u32(b, o + 16, le),
      u32(b, o + 20, le),
      u32(b, o + 24, le),
    );
  }

  private packet(
    view: PacketView,
    b: Buffer,
    o: number,
    len: number,
    ifId: number,
    tsHi: number,
    tsLo: number,
    caplen: number,
    origlen: number,
  ): boolean {
    const index = this.sectionBase + ifId;
    const ts = this.ifTs[index];
    if (ts === undefined) {
      this.count('pcapng_bad_interface_id');
      return false;
    }
    if (caplen > MAX_CAPLEN) {
      this.count('pcapng_caplen_too_large');
      return false;
    }
    // Data starts at +28 and must end before the trailing length.
    if (28 + caplen > len - 4) {
      this.count('pcapng_bad_caplen');
      return false;
    }
    ts.set(view, tsHi, tsLo);
    return this.deliver(view, b, o + 28, caplen, origlen, index);
  }

  /**
   * §4.4 SPB: always interface 0 of the section, no timestamp; the captured length is the
   * smaller of the original length and that interface's snaplen (0 meaning no limit).
   */
  private simplePacket(view: PacketView, b: Buffer, o: number, len: number): boolean {
    if (len < 16) {
      this.count('pcapng_bad_block_length');
      return false;
    }
    const index = this.sectionBase;
    const snaplen = this.ifSnaplen[index];
    if (snaplen === undefined) {
      this.count('pcapng_bad_interface_id');
      return false;
    }
    const origlen = u32(b, o + 8, this.le);
    const caplen = snaplen > 0 && snaplen < origlen ? snaplen : origlen;
    if (caplen > MAX_CAPLEN) {
      this.count('pcapng_caplen_too_large');
      return false;
    }
    if (12 + caplen > len - 4) {
      this.count('pcapng_bad_caplen');
      return false;
    }
    view.tsSec = 0;
    view.tsNsec = 0;
    return this.deliver(view, b, o + 12, caplen, origlen, index);
  }

  private deliver(
    view: PacketView,
    b: Buffer,
    offset: number,
    caplen: number,
    origlen: number,
    index: number,
  ): true {
    view.data = b;
    view.offset = offset;
    view.caplen = caplen;
    view.origlen = origlen;
    view.linktype = this.ifLinktype[index] ?? 0;
    view.interfaceIndex = index;
    this.stats.packets++;
    this.stats.bytes += caplen;
    return true;
  }
}
