// One TCP connection as the reassembler tracks it: who is client and server, and each direction's byte cursor.

/** One end of a connection, formatted once when the connection is first seen. */
export interface StreamEndpoint {
  readonly ip: string;
  readonly port: number;
  /** ECS MAC text of the frames this end sent, when the link has MACs. */
  readonly mac?: string;
}

/** Why a connection's tracking ended. */
export type TcpStreamEndReason = 'closed' | 'reset' | 'idle' | 'evicted' | 'finish';

/** A segment that arrived ahead of the byte the direction waits for (RFC 9293 §3.10.7.4: queued, not dropped). */
export interface HeldSegment {
  readonly seq: number;
  readonly bytes: Uint8Array;
}

/** Per-direction reassembly state; index 0 is client → server, 1 server → client. */
export class StreamDirection {
  /** Sequence number of the next byte to deliver; NaN until the SYN or first data sets it. */
  next = Number.NaN;
  /** Stop delivering (the analyzer has what it needs, or gave up on this direction). */
  ignored = false;
  /** FIN seen from this side. */
  finished = false;
  /** Bytes handed to the analyzer. */
  delivered = 0;
  held: HeldSegment[] = [];
  heldBytes = 0;
}

export class TcpStream {
  /** Analyzer-owned per-connection state (a parser, a transaction list…). */
  state: unknown = undefined;
  readonly directions: readonly [StreamDirection, StreamDirection] = [new StreamDirection(), new StreamDirection()];
  /** Last packet time, seconds (fractional). */
  lastSeen: number;
  /** Least-recently-seen list links (oldest first), owned by TcpStreams. */
  older: TcpStream | null = null;
  newer: TcpStream | null = null;
  /** Next stream in the same hash bucket. */
  chain: TcpStream | null = null;
  ended = false;

  constructor(
    /** Unique within one TcpStreams, in order of first sight. */
    readonly id: number,
    readonly client: StreamEndpoint,
    readonly server: StreamEndpoint,
    readonly ipVersion: 4 | 6,
    /** Outer VLAN ID, -1 when untagged. */
    readonly vlanId: number,
    readonly interfaceIndex: number,
    readonly communityId: string,
    /** Capture time of the first packet seen. */
    readonly startSec: number,
    readonly startNsec: number,
    /** Whether the handshake's SYN was seen (else the connection was picked up mid-stream). */
    readonly sawSyn: boolean,
    /** Key for lookups: hash, then client and server address bytes (16 each, IPv4 in the first 4) and ports. */
    readonly hash: number,
    readonly key: Uint8Array,
    readonly clientPort: number,
    readonly serverPort: number,
  ) {
    this.lastSeen = startSec + startNsec / 1e9;
  }

  /** Both directions ignored: the reassembler no longer copies or delivers anything for it. */
  get idle(): boolean {
    return this.directions[0].ignored && this.directions[1].ignored;
  }
}
