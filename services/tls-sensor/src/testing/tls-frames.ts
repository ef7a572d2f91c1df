// Test and benchmark helper: a TLS conversation as Ethernet/IP/TCP frames (handshake, payload segments, FIN).
import * as fb from '@netwatch/packet/decode/testing/frame-builder';

export interface Endpoints {
  readonly client: string;
  readonly server: string;
  readonly clientPort: number;
  readonly serverPort: number;
}

export interface TimedFrame {
  /** Seconds after the conversation's start. */
  readonly at: number;
  readonly frame: Uint8Array;
}

const SYN = 0x02;
const ACK = 0x10;
const PSH_ACK = 0x18;
const FIN_ACK = 0x11;

function frame(
  e: Endpoints, fromClient: boolean, flags: number, seq: number, ack: number, payload: Uint8Array,
): Uint8Array {
  const v6 = e.client.includes(':');
  const [src, dst, sport, dport] = fromClient ? [e.client, e.server, e.clientPort, e.serverPort]
    : [e.server, e.client, e.serverPort, e.clientPort];
  const segment = fb.tcp({ sport, dport, flags, seq, ack, window: 65535 }, payload);
  const ip = v6 ? fb.ipv6({ src, dst, nextHeader: 6 }, segment) : fb.ipv4({ src, dst, protocol: 6 }, segment);
  const [srcMac, dstMac] = fromClient ? [fb.MAC_A, fb.MAC_B] : [fb.MAC_B, fb.MAC_A];
  return fb.ethernet(v6 ? 0x86dd : 0x0800, ip, dstMac, srcMac);
}

/**
 * SYN, SYN-ACK, ACK, then each `[fromClient, bytes]` flight cut into `mss`-byte segments, then FINs
 * (unless `close` is false). Sequence numbers are consistent so a reassembler delivers every byte.
 */
export function tlsConversation(e: Endpoints, flights: readonly (readonly [boolean, Uint8Array])[], mss = 1460,
  close = true): TimedFrame[] {
  const frames: TimedFrame[] = [];
  let t = 0;
  const push = (fromClient: boolean, flags: number, seq: number, ack: number,
    payload: Uint8Array = new Uint8Array(0)) => {
    frames.push({ at: t, frame: frame(e, fromClient, flags, seq, ack, payload) });
    t += 0.001;
  };
  let clientSeq = 1000;
  let serverSeq = 5000;
  push(true, SYN, clientSeq++, 0);
  push(false, SYN | ACK, serverSeq++, clientSeq);
  push(true, ACK, clientSeq, serverSeq);
  for (const [fromClient, bytes] of flights) {
    for (let at = 0; at < bytes.length; at += mss) {
      const piece = bytes.subarray(at, Math.min(bytes.length, at + mss));
      if (fromClient) {
        push(true, PSH_ACK, clientSeq, serverSeq, piece);
        clientSeq += piece.length;
      } else {
        push(false, PSH_ACK, serverSeq, clientSeq, piece);
        serverSeq += piece.length;
      }
    }
  }
  if (close) {
    push(true, FIN_ACK, clientSeq++, serverSeq);
    push(false, FIN_ACK, serverSeq++, clientSeq);
    push(true, ACK, clientSeq, serverSeq);
  }
  return frames;
}
