// PacketView: the caller-owned, reused window onto one packet that readers fill in place.

/**
 * One packet, filled in place by `CaptureFileReader.next()`. The bytes are
 * `data[offset, offset + caplen)`; `data` is the reader's chunk buffer (or its scratch
 * buffer), so the view is valid only until the next `next()` or `close()`. Copy what you keep.
 */
export interface PacketView {
  data: Buffer;
  offset: number;
  /** Bytes captured (present in `data`). */
  caplen: number;
  /** Length of the packet on the wire. */
  origlen: number;
  /** Seconds since the Unix epoch (0 for pcapng Simple Packet Blocks, which carry no time). */
  tsSec: number;
  /** Nanoseconds within the second, an integer in [0, 1e9). */
  tsNsec: number;
  /** LINKTYPE_* of the interface this packet was captured on. */
  linktype: number;
  /** Index into `reader.interfaces` (file-wide, across pcapng sections); always 0 for pcap. */
  interfaceIndex: number;
}

const EMPTY = Buffer.alloc(0);

/** A blank view to pass to `next()`; make one per loop and reuse it. */
export function createPacketView(): PacketView {
  return {
    data: EMPTY,
    offset: 0,
    caplen: 0,
    origlen: 0,
    tsSec: 0,
    tsNsec: 0,
    linktype: 0,
    interfaceIndex: 0,
  };
}
