// Why a DNS message was rejected: a fixed list of named reasons (Zeek "weird" style), counted by the callers.

/** Reasons a message fails to parse; 0 is success. Names are the `dns_*` strings in `dnsErrorNames`. */
export const DnsError = {
  NONE: 0,
  /** Fewer than the 12 header bytes (RFC 1035 §4.1.1). */
  HEADER_TRUNCATED: 1,
  /** A label or pointer runs past the end of the message. */
  NAME_TRUNCATED: 2,
  /** More than 255 octets in wire form (RFC 1035 §2.3.4). */
  NAME_TOO_LONG: 3,
  /** Label type 01 or 10 (the reserved/obsolete extended labels, RFC 6891 §5). */
  BAD_LABEL_TYPE: 4,
  /** A compression pointer into the name being read (it would never end). */
  POINTER_LOOP: 5,
  /** A pointer to an offset at or after itself (RFC 1035 §4.1.4: pointers refer to a prior occurrence). */
  POINTER_FORWARD: 6,
  /** A pointer outside the message or into its 12-byte header. */
  POINTER_OUT_OF_RANGE: 7,
  /** The section counts promise more questions or records than the message holds. */
  COUNT_MISMATCH: 8,
  /** A record's fixed fields (type, class, TTL, RDLENGTH) are cut short. */
  RECORD_TRUNCATED: 9,
  /** RDLENGTH runs past the end of the message. */
  RDATA_OVERFLOW: 10,
  /** RDATA inconsistent with its type (an A record of 5 bytes, a name longer than RDLENGTH…). */
  RDATA_MALFORMED: 11,
  /** OPT not in the additional section, not owned by the root, or twice (RFC 6891 §6.1.1). */
  BAD_OPT: 12,
} as const;

export type DnsErrorCode = (typeof DnsError)[keyof typeof DnsError];

/** `dnsErrorNames[code]`: the metric label / stats key of each reason. */
export const dnsErrorNames = [
  'none',
  'dns_header_truncated',
  'dns_name_truncated',
  'dns_name_too_long',
  'dns_bad_label_type',
  'dns_pointer_loop',
  'dns_pointer_forward',
  'dns_pointer_out_of_range',
  'dns_count_mismatch',
  'dns_record_truncated',
  'dns_rdata_overflow',
  'dns_rdata_malformed',
  'dns_bad_opt',
] as const;

export type DnsErrorName = (typeof dnsErrorNames)[number];

export const DNS_ERROR_COUNT = dnsErrorNames.length;
