// Public shapes shared by the capture file readers: interfaces, statistics and the reader itself.
import type { CaptureReadErrorName } from './capture-file-error.js';
import type { PacketView } from './packet-view.js';

export type CaptureFileFormat = 'pcap' | 'pcapng';

/** Largest caplen accepted; bigger means a damaged record (libpcap's MAXIMUM_SNAPLEN). */
export const MAX_CAPLEN = 262144;

/** One capture interface: the pcap file header, or one pcapng Interface Description Block. */
export interface CaptureInterface {
  /** LINKTYPE_* (low 16 bits of the pcap header field). */
  readonly linktype: number;
  /** Snapshot length; 0 in pcapng means no limit. */
  readonly snaplen: number;
  /** FCS bytes at the end of every packet when the file says so, else undefined. */
  readonly fcsLength: number | undefined;
  /** Timestamp units: base^-exponent seconds. */
  readonly tsResolution: { readonly base: 10 | 2; readonly exponent: number };
  /** Seconds added to every timestamp (pcapng if_tsoffset). */
  readonly tsOffset: number;
  /** 0-based pcapng section number (always 0 for pcap). */
  readonly section: number;
  /** Interface ID inside its section, as written in packet blocks. */
  readonly idInSection: number;
  /** pcapng if_name, when present. */
  readonly name: string | undefined;
}

export interface CaptureFileStats {
  /** Packets returned by next(). */
  packets: number;
  /** Captured bytes returned (sum of caplen). */
  bytes: number;
  /** pcapng blocks skipped as not carrying packets (NRB, ISB, DSB, custom, unknown). */
  skippedBlocks: number;
  /** Damage found in the file, by name; see CAPTURE_READ_ERROR_NAMES. */
  errors: Partial<Record<CaptureReadErrorName, number>>;
}

export interface CaptureFileReader {
  readonly path: string;
  readonly format: CaptureFileFormat;
  /** Interfaces seen so far; grows as pcapng IDBs are read. */
  readonly interfaces: readonly CaptureInterface[];
  readonly stats: CaptureFileStats;
  /**
   * Fill `view` with the next packet and return true, or return false at the end of the
   * file (or after damage that ends reading, counted in stats.errors). Never throws.
   */
  next(view: PacketView): boolean;
  /** Release the file; next() returns false afterwards. Safe to call twice. */
  close(): void;
}

export interface OpenCaptureFileOptions {
  /** Read chunk size in bytes (default 4 MiB, minimum 64). */
  chunkSize?: number;
}
