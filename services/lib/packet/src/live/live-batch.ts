// LiveBatch: walks the records one dispatch() copied into the capture's buffer, filling a reused PacketView.
import { u32 } from '../bytes.js';
import type { PacketView } from '../packet-view.js';

const RECORD_HEADER_LEN = 16;

/**
 * The packets of one batch. Records are laid out by native/pcap_live.c as
 * [u32 tsSec][u32 tsNsec][u32 caplen][u32 origlen][caplen bytes][zero pad to 4], little-endian.
 * The buffer is reused by the next batch: the batch and every view it filled are valid only
 * inside the `onBatch` call. Packets not read by then are skipped.
 */
export class LiveBatch {
  /** Packets in this batch. */
  packets = 0;
  private at = 0;
  private end = 0;

  constructor(
    private readonly data: Buffer,
    readonly linktype: number,
    readonly interfaceIndex: number,
  ) {}

  /** Start over on a freshly filled buffer (called by LiveCapture). */
  load(packets: number, bytesUsed: number): void {
    this.packets = packets;
    this.at = 0;
    this.end = bytesUsed;
  }

  /** Fill `view` with the next packet and return true, or return false when the batch is done. Allocates nothing. */
  next(view: PacketView): boolean {
    const at = this.at;
    const b = this.data;
    if (at + RECORD_HEADER_LEN > this.end) return false;
    const caplen = u32(b, at + 8, true);
    const next = at + RECORD_HEADER_LEN + ((caplen + 3) & ~3);
    if (next > this.end) return false;
    view.data = b;
    view.offset = at + RECORD_HEADER_LEN;
    view.caplen = caplen;
    view.origlen = u32(b, at + 12, true);
    view.tsSec = u32(b, at, true);
    view.tsNsec = u32(b, at + 4, true);
    view.linktype = this.linktype;
    view.interfaceIndex = this.interfaceIndex;
    this.at = next;
    return true;
  }
}
