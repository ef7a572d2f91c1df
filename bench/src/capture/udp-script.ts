// DNS lookups, longer UDP streams (QUIC, RTP) and ICMP echo runs, packet by packet.
import { QTYPE_HTTPS, queryLength, responseLength } from './dns-message.js';
import { Bit, type NextPacket, Payload, type Slots } from './slots.js';
import type { Rng } from './sizes.js';

/*
 * Field use outside TCP. DNS: reqLeft = name index, respLeft = qtype, rounds = query id,
 * unacked = rcode, tag = the answer's address. UDP stream: reqLeft = packets left, rounds = RTP
 * sequence number, tag = RTP SSRC.
 * ICMP: reqLeft = echo pairs left, rounds = echo sequence, tag = echo identifier.
 */

/** Whether a DNS answer section has a record: NOERROR and a type we answer with an address. */
export function dnsAnswers(s: Slots, i: number): number {
  return s.unacked[i] === 0 && s.respLeft[i] !== QTYPE_HTTPS ? 1 : 0;
}

export function dnsStep(s: Slots, i: number, p: NextPacket): void {
  p.tcpFlags = 0;
  const name = s.reqLeft[i] as number;
  if (s.phase[i] === 0) {
    p.fromClient = true;
    p.payload = Payload.DNS_QUERY;
    p.payloadLength = queryLength(name);
    p.done = ((s.bits[i] as number) & Bit.UNANSWERED) !== 0;
    s.phase[i] = 1;
    return;
  }
  p.fromClient = false;
  p.payload = Payload.DNS_RESPONSE;
  p.payloadLength = responseLength(name, s.respLeft[i] as number, dnsAnswers(s, i));
  p.done = true;
}

/** QUIC on 443 (big server packets, small client ACK packets) or RTP on 5004 (172-byte packets both ways). */
export function udpStreamStep(s: Slots, i: number, p: NextPacket, rng: Rng): void {
  p.tcpFlags = 0;
  p.payload = Payload.NOISE;
  const r = rng();
  p.fromClient = r % 10 < 4;
  if (s.sport[i] === 443) {
    p.payload = Payload.QUIC;
    p.payloadLength = p.fromClient ? 40 + ((r >>> 8) % 260) : 1200 + ((r >>> 8) % 150);
  } else {
    p.payload = Payload.RTP;
    p.payloadLength = 172;
    p.icmpSeq = s.rounds[i] as number;
    s.rounds[i] = (p.icmpSeq + 1) & 0xffff;
  }
  const left = (s.reqLeft[i] as number) - 1;
  s.reqLeft[i] = left;
  p.done = left <= 0;
}

/** Echo request then reply (RFC 792 types 8/0, RFC 4443 types 128/129), 56 data bytes like ping. */
export function icmpStep(s: Slots, i: number, p: NextPacket): void {
  const v6 = ((s.bits[i] as number) & Bit.V6) !== 0;
  const unanswered = ((s.bits[i] as number) & Bit.UNANSWERED) !== 0;
  p.tcpFlags = 0;
  p.payload = Payload.NOISE;
  p.payloadLength = 56;
  p.icmpSeq = s.rounds[i] as number;
  if (s.phase[i] === 0) {
    p.fromClient = true;
    p.icmpType = v6 ? 128 : 8;
    if (unanswered) finishPair(s, i, p);
    else s.phase[i] = 1;
    return;
  }
  p.fromClient = false;
  p.icmpType = v6 ? 129 : 0;
  s.phase[i] = 0;
  finishPair(s, i, p);
}

function finishPair(s: Slots, i: number, p: NextPacket): void {
  const left = (s.reqLeft[i] as number) - 1;
  s.reqLeft[i] = left;
  s.rounds[i] = (s.rounds[i] as number) + 1;
  p.done = left <= 0;
}
