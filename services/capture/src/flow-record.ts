// The byte layout of one flow record: the fields a packet touches share the first two cache lines.

/**
 * Every flow is one 240-byte record in a single ArrayBuffer, read through typed-array views of
 * that buffer. A packet's update touches lines 0 and 1 (and line 2–3 only for rare events), where
 * a column-per-field layout would touch a cache line per field at a random index. Offsets below
 * are in units of the view they are used with: `F64.LAST` indexes a Float64Array at `flow * S64`.
 */
export const RECORD_BYTES = 240;
export const S8 = RECORD_BYTES;
export const S16 = RECORD_BYTES / 2;
export const S32 = RECORD_BYTES / 4;
export const S64 = RECORD_BYTES / 8;

/** Float64 fields. Times are nanoseconds since the table's base second (exact to 104 days). */
export const F64 = {
  /** Last packet, either direction. */
  LAST: 0,
  /** Last packet per direction (+dir). */
  LAST_DIR: 1,
  /** Bytes per direction (+dir): frame lengths on the wire. */
  BYTES: 3,
  FIRST: 16,
  LAST_EXPORT: 17,
  /** Client SYN time until the handshake completes, then the handshake RTT. */
  SYN_OR_RTT: 18,
  /** Serial number within the table, the flow's id. */
  SERIAL: 19,
  /** The time the idle queue last looked at this flow. */
  QUEUED: 20,
} as const;

/** Uint32 fields (the key is 12 words at `KEY`). */
export const U32 = {
  PACKETS: 10,
  NEXT_SEQ: 12,
  KEY: 16,
  RETRANSMITS: 46,
  OUT_OF_ORDER: 48,
  ZERO_WINDOWS: 50,
} as const;

/** Int32 fields: list links, -1 for none. */
export const I32 = {
  PREV: 42,
  NEXT: 43,
  EXPORT_PREV: 44,
  EXPORT_NEXT: 45,
} as const;

/** Float32 fields. */
export const F32 = {
  /** RFC 3550 §6.4.1 jitter estimate of the client's packets. */
  JITTER: 30,
  LAST_IAT: 31,
} as const;

/** Uint16 fields. */
export const U16 = {
  TCP_FLAGS: 28,
  HISTORY_MASK: 30,
  /** First ICMP type << 8 | code. */
  ICMP: 102,
} as const;

/** Uint8 fields. */
export const U8 = {
  TCP_STATE: 62,
  /** Which timeout list the flow is on (`List`). */
  LIST: 63,
  MIN_TTL: 112,
  /** bit 0 client MAC present, bit 1 server MAC. */
  MAC_SEEN: 113,
  /** 0 none, 1 port, 2 payload. */
  L7_SOURCE: 114,
  L7_TRIES: 115,
  /** 1 when endpoint A of the key is the client (initiator). */
  CLIENT_IS_A: 116,
  INTERFACE: 117,
  /** bit 0 client in HOME_NET, bit 1 server. */
  HOME: 118,
  L7: 119,
  /** Client MAC (6 bytes) then server MAC. */
  MACS: 206,
  /** Zeek history letters in first-seen order. */
  HISTORY: 218,
} as const;

export const HISTORY_MAX = 16;
