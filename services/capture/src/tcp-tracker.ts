// Per-packet TCP bookkeeping on a flow: handshake and RTT, flags, Zeek history, retransmissions and reordering.
import { type DecodedPacket, TcpFlag } from '@netwatch/packet';
import { F64, HISTORY_MAX, S16, S32, S64, S8, U16, U32, U8 } from './flow-record.js';
import type { FlowStore } from './flow-store.js';

/** `FlowStore.tcpState`: how far the handshake got (the close is read from the flags). */
export const TcpState = {
  NONE: 0,
  /** Client SYN seen; `synOrRttNs` holds its time. */
  SYN_SENT: 1,
  /** Server SYN-ACK seen; `synOrRttNs` still the SYN time. */
  SYN_ACK: 2,
  /** The client's ACK of the SYN-ACK seen; `synOrRttNs` is the handshake RTT. */
  ESTABLISHED: 3,
  /** Picked up mid-stream or out of order: no RTT. */
  MIDSTREAM: 4,
} as const;

/** Zeek conn history letters (base/protocols/conn/main.zeek), uppercase for the originator. */
const LETTERS = 'SHADFRTW';
const L_SYN = 0;
const L_SYNACK = 1;
const L_ACK = 2;
const L_DATA = 3;
const L_FIN = 4;
const L_RST = 5;
const L_RETRANSMIT = 6;
const L_ZERO_WINDOW = 7;

/** Segments arriving this soon after the previous one in their direction are reordered, not resent (Wireshark's 3 ms). */
const REORDER_WINDOW_NS = 3e6;

function addHistory(store: FlowStore, flow: number, dir: number, letter: number): void {
  const bit = 1 << (letter + 8 * dir);
  const at = flow * S16 + U16.HISTORY_MASK;
  const mask = store.u16[at] as number;
  if (mask & bit) return;
  let used = 0;
  for (let m = mask; m !== 0; m &= m - 1) used++;
  store.u16[at] = mask | bit;
  if (used >= HISTORY_MAX) return;
  const code = LETTERS.charCodeAt(letter);
  store.u8[flow * S8 + U8.HISTORY + used] = dir === 0 ? code : code | 0x20;
}

/** The history letters of a flow in the order first seen, e.g. `ShADadFf`. */
export function historyString(store: FlowStore, flow: number): string {
  let used = 0;
  for (let m = store.u16[flow * S16 + U16.HISTORY_MASK] as number; m !== 0; m &= m - 1) used++;
  const base = flow * S8 + U8.HISTORY;
  return String.fromCharCode(...store.u8.subarray(base, base + Math.min(used, HISTORY_MAX)));
}

/** Signed distance a − b in 32-bit sequence space (RFC 9293 §3.4: comparisons are modulo 2^32). */
function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * Updates a TCP flow for one packet sent in direction `dir` (0 client → server) at `nowNs`, after
 * the table counted the packet and before it stamped LAST_DIR. Returns true once the connection
 * is closed (FIN both ways, or a RST), so the table can move it to the short closed timeout.
 */
export function trackTcp(store: FlowStore, flow: number, dir: number, packet: DecodedPacket, nowNs: number): boolean {
  const { u8, u16, u32, f64 } = store;
  const flags = packet.tcpFlags;
  const b8 = flow * S8;
  const b16 = flow * S16;
  const b32 = flow * S32;
  const b64 = flow * S64;
  const syn = (flags & TcpFlag.SYN) !== 0;
  const ack = (flags & TcpFlag.ACK) !== 0;
  const fin = (flags & TcpFlag.FIN) !== 0;
  const rst = (flags & TcpFlag.RST) !== 0;
  u16[b16 + U16.TCP_FLAGS + dir] = (u16[b16 + U16.TCP_FLAGS + dir] as number) | flags;

  // Handshake (RFC 9293 §3.5): SYN, SYN-ACK, then the client's ACK; RTT is SYN to that ACK.
  const state = u8[b8 + U8.TCP_STATE] as number;
  if (syn && !ack) {
    addHistory(store, flow, dir, L_SYN);
    if (state === TcpState.NONE && dir === 0) {
      u8[b8 + U8.TCP_STATE] = TcpState.SYN_SENT;
      f64[b64 + F64.SYN_OR_RTT] = nowNs;
    }
  } else if (syn && ack) {
    addHistory(store, flow, dir, L_SYNACK);
    if (state === TcpState.SYN_SENT && dir === 1) u8[b8 + U8.TCP_STATE] = TcpState.SYN_ACK;
  } else if (state === TcpState.SYN_ACK && dir === 0 && ack && !rst) {
    u8[b8 + U8.TCP_STATE] = TcpState.ESTABLISHED;
    f64[b64 + F64.SYN_OR_RTT] = nowNs - (f64[b64 + F64.SYN_OR_RTT] as number);
  } else if (state === TcpState.NONE) {
    u8[b8 + U8.TCP_STATE] = TcpState.MIDSTREAM;
  }
  if (fin) addHistory(store, flow, dir, L_FIN);
  if (rst) addHistory(store, flow, dir, L_RST);
  const payload = packet.payloadLength;
  if (payload > 0) addHistory(store, flow, dir, L_DATA);
  else if (ack && !syn && !fin && !rst) addHistory(store, flow, dir, L_ACK);
  if (packet.window === 0 && !rst && !syn) {
    u32[b32 + U32.ZERO_WINDOWS] = (u32[b32 + U32.ZERO_WINDOWS] as number) + 1;
    addHistory(store, flow, dir, L_ZERO_WINDOW);
  }

  // Sequence space: SYN and FIN take one number each (RFC 9293 §3.4).
  const length = payload + (syn ? 1 : 0) + (fin ? 1 : 0);
  const seq = packet.seq;
  const end = (seq + length) >>> 0;
  const next = b32 + U32.NEXT_SEQ + dir;
  if ((u32[b32 + U32.PACKETS + dir] as number) === 1 || (syn && !ack && dir === 0)) {
    u32[next] = end;
  } else if (length > 0 && !rst) {
    const expected = u32[next] as number;
    if (seqDiff(end, expected) > 0) {
      u32[next] = end;
    } else if (!(length === 1 && payload <= 1 && seqDiff(seq, expected) === -1)) {
      // Entirely below what this side already sent (not a keep-alive probe, RFC 9293 §3.8.4):
      // reordered if it trails the previous segment closely, else a retransmission.
      const sinceLast = nowNs - (f64[b64 + F64.LAST_DIR + dir] as number);
      if (sinceLast < REORDER_WINDOW_NS) {
        u32[b32 + U32.OUT_OF_ORDER + dir] = (u32[b32 + U32.OUT_OF_ORDER + dir] as number) + 1;
      } else {
        u32[b32 + U32.RETRANSMITS + dir] = (u32[b32 + U32.RETRANSMITS + dir] as number) + 1;
        addHistory(store, flow, dir, L_RETRANSMIT);
      }
    }
  }
  const clientFlags = u16[b16 + U16.TCP_FLAGS] as number;
  const serverFlags = u16[b16 + U16.TCP_FLAGS + 1] as number;
  return ((clientFlags & serverFlags) & TcpFlag.FIN) !== 0 || ((clientFlags | serverFlags) & TcpFlag.RST) !== 0;
}

/**
 * Zeek's conn_state from the flags each side sent (base/protocols/conn/main.zeek): S0, S1, SF,
 * REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH. Non-TCP: SF when both sides spoke, S0 if
 * only the client, SHR if only the responder.
 */
export function connState(isTcp: boolean, clientFlags: number, serverFlags: number, clientPackets: number,
  serverPackets: number): string {
  if (!isTcp) return clientPackets > 0 && serverPackets > 0 ? 'SF' : clientPackets > 0 ? 'S0' : 'SHR';
  const cSyn = (clientFlags & TcpFlag.SYN) !== 0;
  const sSyn = (serverFlags & TcpFlag.SYN) !== 0;
  const cFin = (clientFlags & TcpFlag.FIN) !== 0;
  const sFin = (serverFlags & TcpFlag.FIN) !== 0;
  const cRst = (clientFlags & TcpFlag.RST) !== 0;
  const sRst = (serverFlags & TcpFlag.RST) !== 0;
  if (cSyn && !sSyn) return cRst ? 'RSTOS0' : sRst ? 'REJ' : cFin ? 'SH' : 'S0';
  if (!cSyn && sSyn) return sRst ? 'RSTRH' : sFin ? 'SHR' : 'OTH';
  if (!cSyn && !sSyn) return 'OTH';
  if (cRst) return 'RSTO';
  if (sRst) return 'RSTR';
  if (cFin && sFin) return 'SF';
  return cFin ? 'S2' : sFin ? 'S3' : 'S1';
}
