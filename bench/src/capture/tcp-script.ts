// One TCP connection, packet by packet: handshake, request/response rounds with delayed ACKs, FIN or RST close.
import { HTTP_GET, HTTP_RESPONSE_HEAD } from './payloads.js';
import { Bit, type NextPacket, Payload, type Slots } from './slots.js';
import { mouseResponseBytes, requestBytes, type Rng, segmentBytes } from './sizes.js';

export const TcpPhase = {
  SYN: 0,
  SYN_ACK: 1,
  ACK: 2,
  REQUEST: 3,
  RESPONSE: 4,
  FIN_CLIENT: 5,
  FIN_SERVER: 6,
  LAST_ACK: 7,
  RST: 8,
  REFUSE: 9,
} as const;

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;

/** Per mille of server data segments sent twice (a retransmission after a loss). */
const RETRANSMIT_PER_MILLE = 15;

/** Fills `p` with the connection's next packet and moves the connection on. */
export function tcpStep(s: Slots, i: number, p: NextPacket, rng: Rng): void {
  const bits = s.bits[i] as number;
  p.payloadLength = 0;
  p.payload = Payload.NONE;
  p.done = false;
  switch (s.phase[i]) {
    case TcpPhase.SYN:
      client(s, i, p, SYN);
      p.ack = 0;
      s.cseq[i] = (s.cseq[i] as number) + 1;
      s.phase[i] = bits & Bit.REFUSED ? TcpPhase.REFUSE : TcpPhase.SYN_ACK;
      return;
    case TcpPhase.REFUSE:
      server(s, i, p, RST | ACK);
      p.seq = 0;
      p.done = true;
      return;
    case TcpPhase.SYN_ACK:
      server(s, i, p, SYN | ACK);
      s.sseq[i] = (s.sseq[i] as number) + 1;
      s.phase[i] = TcpPhase.ACK;
      return;
    case TcpPhase.ACK:
      client(s, i, p, ACK);
      s.phase[i] = TcpPhase.REQUEST;
      return;
    case TcpPhase.REQUEST:
      request(s, i, p);
      return;
    case TcpPhase.RESPONSE:
      response(s, i, p, rng);
      return;
    case TcpPhase.FIN_CLIENT:
      client(s, i, p, FIN | ACK);
      s.cseq[i] = (s.cseq[i] as number) + 1;
      s.phase[i] = TcpPhase.FIN_SERVER;
      return;
    case TcpPhase.FIN_SERVER:
      server(s, i, p, FIN | ACK);
      s.sseq[i] = (s.sseq[i] as number) + 1;
      s.phase[i] = TcpPhase.LAST_ACK;
      return;
    case TcpPhase.LAST_ACK:
      client(s, i, p, ACK);
      p.done = true;
      return;
    default:
      if (bits & Bit.CLIENT_RST) client(s, i, p, RST | ACK);
      else server(s, i, p, RST | ACK);
      p.done = true;
  }
}

function client(s: Slots, i: number, p: NextPacket, flags: number): void {
  p.fromClient = true;
  p.tcpFlags = flags;
  p.seq = s.cseq[i] as number;
  p.ack = s.sseq[i] as number;
}

function server(s: Slots, i: number, p: NextPacket, flags: number): void {
  p.fromClient = false;
  p.tcpFlags = flags;
  p.seq = s.sseq[i] as number;
  p.ack = s.cseq[i] as number;
}

function request(s: Slots, i: number, p: NextPacket): void {
  const left = s.reqLeft[i] as number;
  const length = Math.min(left, segmentBytes(((s.bits[i] as number) & Bit.V6) !== 0));
  client(s, i, p, length === left ? ACK | PSH : ACK);
  p.payloadLength = length;
  p.payload = (s.bits[i] as number) & Bit.HTTP ? Payload.HTTP_GET : Payload.NOISE;
  s.cseq[i] = ((s.cseq[i] as number) + length) >>> 0;
  s.reqLeft[i] = left - length;
  if (length === left) {
    s.phase[i] = TcpPhase.RESPONSE;
    s.unacked[i] = 0;
  }
}

/** Server segments; the client ACKs every second one and the last; a few segments go out twice. */
function response(s: Slots, i: number, p: NextPacket, rng: Rng): void {
  const again = s.retx[i] as number;
  if (again > 0) {
    server(s, i, p, ACK);
    p.seq = ((s.sseq[i] as number) - again) >>> 0;
    p.payloadLength = again;
    p.payload = Payload.NOISE;
    s.retx[i] = 0;
    return;
  }
  const left = s.respLeft[i] as number;
  const unacked = s.unacked[i] as number;
  if (unacked >= 2 || (left === 0 && unacked > 0)) {
    client(s, i, p, ACK);
    s.unacked[i] = 0;
    if (left === 0) endRound(s, i, rng);
    return;
  }
  const bits = s.bits[i] as number;
  const length = Math.min(left, segmentBytes((bits & Bit.V6) !== 0));
  const first = (bits & Bit.IN_RESPONSE) === 0;
  server(s, i, p, length === left ? ACK | PSH : ACK);
  p.payloadLength = length;
  p.payload = Payload.NOISE;
  if (first) {
    s.bits[i] = bits | Bit.IN_RESPONSE;
    if (bits & Bit.HTTP) {
      p.payload = Payload.HTTP_RESPONSE;
      p.bodyLength = left - HTTP_RESPONSE_HEAD.length;
    }
  }
  s.sseq[i] = ((s.sseq[i] as number) + length) >>> 0;
  s.respLeft[i] = left - length;
  s.unacked[i] = unacked + 1;
  // Only body segments are resent, so a retransmission carries the same bytes as the original.
  if (!first && rng() % 1000 < RETRANSMIT_PER_MILLE) s.retx[i] = length;
}

function endRound(s: Slots, i: number, rng: Rng): void {
  const rounds = (s.rounds[i] as number) - 1;
  const http = ((s.bits[i] as number) & Bit.HTTP) !== 0;
  s.rounds[i] = rounds;
  s.bits[i] = (s.bits[i] as number) & ~Bit.IN_RESPONSE;
  if (rounds > 0) {
    s.reqLeft[i] = http ? HTTP_GET.length : requestBytes(rng, false);
    s.respLeft[i] = mouseResponseBytes(rng) + (http ? HTTP_RESPONSE_HEAD.length : 0);
    s.phase[i] = TcpPhase.REQUEST;
  } else {
    s.phase[i] = (s.bits[i] as number) & Bit.RST_CLOSE ? TcpPhase.RST : TcpPhase.FIN_CLIENT;
  }
}
