// CaptureFileError (a capture file that cannot be read at all) and the named in-file damage counters.

/** Why a capture file could not be opened; the fixed list callers may switch on. */
export const CAPTURE_FILE_ERROR_CODES = [
  'not_found',
  'not_readable',
  'is_directory',
  'empty',
  'bad_magic',
  'truncated_header',
] as const;

export type CaptureFileErrorCode = (typeof CAPTURE_FILE_ERROR_CODES)[number];

/** Thrown by `openCaptureFile` only; damage inside a readable file is counted, never thrown. */
export class CaptureFileError extends Error {
  override readonly name = 'CaptureFileError';
  readonly code: CaptureFileErrorCode;
  readonly path: string;

  constructor(code: CaptureFileErrorCode, path: string, detail: string, cause?: unknown) {
    super(`${path}: ${detail}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.path = path;
  }
}

/**
 * Named damage found inside a readable capture file (Zeek "weird" style). Counted in
 * `reader.stats.errors`; "stops" means the reader returns EOF after counting it.
 */
export const CAPTURE_READ_ERROR_NAMES = [
  /** pcap: the file ends inside a record header or its data (stops). */
  'pcap_truncated_record',
  /** pcap: record caplen above MAX_CAPLEN, the header is garbage (stops). */
  'pcap_caplen_too_large',
  /** pcap: record caplen above its origlen; the packet is still delivered. */
  'pcap_caplen_exceeds_origlen',
  /** pcap: microsecond/nanosecond field not below 10^6/10^9; carried into seconds. */
  'pcap_bad_ts_fraction',
  /** pcap: file header major version is not 2; read anyway. */
  'pcap_unsupported_version',
  /** pcapng: the file ends inside a block (stops). */
  'pcapng_truncated_block',
  /** pcapng: block total length below the minimum, not a multiple of 4, or absurdly large (stops). */
  'pcapng_bad_block_length',
  /** pcapng: trailing block total length differs from the leading one (stops). */
  'pcapng_block_length_mismatch',
  /** pcapng: a later SHB with an unknown byte-order magic (stops). */
  'pcapng_bad_byte_order_magic',
  /** pcapng: SHB major version is not 1; the section cannot be parsed (stops). */
  'pcapng_unsupported_version',
  /** pcapng: packet block naming an interface with no IDB in this section (block skipped). */
  'pcapng_bad_interface_id',
  /** pcapng: packet block caplen above MAX_CAPLEN (block skipped). */
  'pcapng_caplen_too_large',
  /** pcapng: packet block caplen runs past the end of its block (block skipped). */
  'pcapng_bad_caplen',
  /** pcapng: an option runs past its block or has an impossible value (option ignored). */
  'pcapng_bad_option',
  /** The operating system failed a read in the middle of the file (stops). */
  'io_error',
] as const;

export type CaptureReadErrorName = (typeof CAPTURE_READ_ERROR_NAMES)[number];
