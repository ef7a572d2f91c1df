// Flow state for the generator: one slot per concurrent flow, every field in a typed array (no object per flow).

export const Kind = { TCP: 0, DNS: 1, UDP_STREAM: 2, ICMP: 3 } as const;

/** `Slots.bits`. */
export const Bit = {
  V6: 1,
  /** TCP closes with a RST instead of FIN/FIN/ACK. */
  RST_CLOSE: 2,
  /** TCP: the server refuses the SYN (RST/ACK). */
  REFUSED: 4,
  /** The RST comes from the client (else the server). */
  CLIENT_RST: 8,
  /** DNS or ICMP: the server never answers. */
  UNANSWERED: 16,
  /** TCP to port 80: the request is an HTTP/1.1 GET, the response starts with a status line and headers. */
  HTTP: 32,
  /** TCP: the current response's first segment has been sent. */
  IN_RESPONSE: 64,
  /** At least one packet of this flow is in the file (fast-forwarded steps at the start are not). */
  EMITTED: 128,
} as const;

export class Slots {
  readonly kind: Uint8Array;
  readonly bits: Uint8Array;
  readonly phase: Uint8Array;
  readonly vlan: Uint16Array;
  readonly client: Uint32Array;
  readonly server: Uint32Array;
  readonly cport: Uint16Array;
  readonly sport: Uint16Array;
  /** Sequence numbers each side sends next (TCP). */
  readonly cseq: Uint32Array;
  readonly sseq: Uint32Array;
  /** Bytes left in the current request / response (TCP), or packets left (UDP stream, ICMP). */
  readonly reqLeft: Uint32Array;
  readonly respLeft: Uint32Array;
  /** Request/response rounds left (TCP), or the echo sequence number (ICMP). */
  readonly rounds: Uint16Array;
  /** Server segments since the client's last ACK (TCP delayed ACK: one per two segments). */
  readonly unacked: Uint8Array;
  /** Length of a segment to send again next (a retransmission), 0 when none. */
  readonly retx: Uint16Array;
  /** DNS name index / qtype / rcode packed, or a per-flow number for ids and payload offsets. */
  readonly tag: Uint32Array;

  constructor(readonly size: number) {
    this.kind = new Uint8Array(size);
    this.bits = new Uint8Array(size);
    this.phase = new Uint8Array(size);
    this.vlan = new Uint16Array(size);
    this.client = new Uint32Array(size);
    this.server = new Uint32Array(size);
    this.cport = new Uint16Array(size);
    this.sport = new Uint16Array(size);
    this.cseq = new Uint32Array(size);
    this.sseq = new Uint32Array(size);
    this.reqLeft = new Uint32Array(size);
    this.respLeft = new Uint32Array(size);
    this.rounds = new Uint16Array(size);
    this.unacked = new Uint8Array(size);
    this.retx = new Uint16Array(size);
    this.tag = new Uint32Array(size);
  }
}

/** What a flow step decided about its next packet; one reused record, read by the frame writer. */
export class NextPacket {
  fromClient = true;
  tcpFlags = 0;
  seq = 0;
  ack = 0;
  payloadLength = 0;
  /** Where the payload bytes come from (`Payload`). */
  payload = 0;
  icmpType = 0;
  /** ICMP echo sequence, or RTP sequence number. */
  icmpSeq = 0;
  /** HTTP_RESPONSE: the Content-Length to announce. */
  bodyLength = 0;
  /** The flow ends with this packet; its slot gets a new flow. */
  done = false;
}

export const Payload = {
  NONE: 0,
  NOISE: 1,
  HTTP_GET: 2,
  HTTP_RESPONSE: 3,
  DNS_QUERY: 4,
  DNS_RESPONSE: 5,
  RTP: 6,
  QUIC: 7,
} as const;
