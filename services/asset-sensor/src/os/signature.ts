// The parsed p0f.fp database: labels, TCP signatures (README §5 "TCP signatures") and their lookup index.

/** How a signature constrains the TCP window (README §5 "wsize"). */
export const WindowType = {
  /** `*`: any window. */
  ANY: 0,
  /** A fixed value. */
  NORMAL: 1,
  /** `%N`: a multiple of N. */
  MOD: 2,
  /** `mss*N`. */
  MSS: 3,
  /** `mtu*N`. */
  MTU: 4,
} as const;
export type WindowType = (typeof WindowType)[keyof typeof WindowType];

/** `label = type:class:name:flavor` (README §5 "Signature groups"). */
export interface SignatureLabel {
  /** `g`: generic, last-resort; `s`: specific. */
  readonly generic: boolean;
  /** OS class registered by `classes =` (win, unix, other), or `!` for applications (NMap, p0f-sendsyn). */
  readonly osClass: string;
  readonly name: string;
  /** Empty when the label ends with `:`. */
  readonly flavor: string;
  /** `sys =` list of an application label: OS names, or `@class`. */
  readonly sys: readonly string[];
  /** The label text as written, e.g. `s:unix:Linux:3.11 and newer`. */
  readonly text: string;
  /** 1-based line of the label in the file. */
  readonly line: number;
}

/** One `sig =` line of a [tcp:request] or [tcp:response] section; -1 means the `*` wildcard. */
export interface TcpSignature {
  readonly label: SignatureLabel;
  /** 4, 6, or -1 for `*`. */
  readonly ipVersion: number;
  /** Initial TTL (with any `+dist` added). */
  readonly ttl: number;
  /** `ttl-`: the tool picks random TTLs up to `ttl`; distance is only an upper bound. */
  readonly badTtl: boolean;
  readonly ipOptionsLength: number;
  readonly mss: number;
  readonly windowType: WindowType;
  /** The value, the modulus or the multiplier, per `windowType`. */
  readonly window: number;
  readonly windowScale: number;
  readonly layout: Uint8Array;
  readonly layoutHash: number;
  readonly eolPadding: number;
  readonly quirks: number;
  /** 0 (no payload), 1 (payload), -1 (any). */
  readonly payloadClass: number;
  /** The signature text as written. */
  readonly text: string;
  /** 1-based line in the file. */
  readonly line: number;
}

/** Signatures of one direction, in file order, bucketed by option layout (p0f only compares equal layouts). */
export interface SignatureSet {
  readonly all: readonly TcpSignature[];
  readonly byLayout: ReadonlyMap<number, readonly TcpSignature[]>;
}

export interface SignatureDb {
  readonly classes: readonly string[];
  /** [tcp:request]: matched against SYNs. */
  readonly request: SignatureSet;
  /** [tcp:response]: matched against SYN+ACKs. */
  readonly response: SignatureSet;
  readonly labels: readonly SignatureLabel[];
}
