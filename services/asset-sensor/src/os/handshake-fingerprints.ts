// Per-connection bookkeeping p0f does around its fingerprints: the SYN's MSS for the SYN+ACK, one verdict per side.
import { formatAddress } from '@netwatch/packet';
import type { DecodedPacket, PacketView } from '@netwatch/packet';
import { Fingerprinter, type OsVerdict } from './fingerprint.js';
import type { SignatureDb } from './signature.js';

const SYN = 0x02;
const ACK = 0x10;

interface PendingHandshake {
  readonly synMss: number;
  readonly synSeq: number;
  readonly tsSec: number;
  answered: boolean;
}

export interface HandshakeOptions {
  /** Handshakes remembered at once; the oldest is forgotten first (p0f: -m, 1000 connections). */
  readonly maxPending: number;
  /** Seconds a SYN waits for its SYN+ACK (p0f: -t, 30 s). */
  readonly maxAgeSec: number;
}

export const DEFAULT_HANDSHAKE_OPTIONS: HandshakeOptions = { maxPending: 10_000, maxAgeSec: 30 };

/** A verdict with the endpoints it describes: for a SYN the sender is the client, for a SYN+ACK the server. */
export interface HandshakeVerdict {
  readonly verdict: OsVerdict;
  /** The fingerprinted host (the packet's source). */
  readonly host: { readonly ip: string; readonly port: number };
  readonly peer: { readonly ip: string; readonly port: number };
}

export interface HandshakeStats {
  syn: number;
  synAck: number;
  /** SYN+ACKs with no SYN seen (p0f skips these: the SYN's MSS is part of the window test). */
  strayAck: number;
  /** Retransmitted SYNs and repeated SYN+ACKs, fingerprinted once. */
  repeated: number;
  evicted: number;
}

/**
 * Applies p0f's flow rules (process.c flow_dispatch) on top of `Fingerprinter`: a SYN opens a handshake
 * (a retransmission with the same sequence number is not fingerprinted again), its SYN+ACK is
 * fingerprinted once with the SYN's MSS, and stray SYN+ACKs are skipped. After an application match
 * (NMap …) p0f drops the connection, so its SYN+ACK is not fingerprinted either. Packets without SYN
 * return at the first test without allocating.
 */
export class HandshakeFingerprints {
  readonly stats: HandshakeStats = { syn: 0, synAck: 0, strayAck: 0, repeated: 0, evicted: 0 };
  private readonly fingerprinter: Fingerprinter;
  private readonly pending = new Map<string, PendingHandshake>();

  constructor(db: SignatureDb, private readonly options: HandshakeOptions = DEFAULT_HANDSHAKE_OPTIONS) {
    this.fingerprinter = new Fingerprinter(db);
  }

  onPacket(view: PacketView, packet: DecodedPacket): HandshakeVerdict | undefined {
    if ((packet.tcpFlags & SYN) === 0 || packet.srcAddrOffset < 0 || packet.srcPort < 0) return undefined;
    if (packet.ipVersion !== 4 && packet.ipVersion !== 6) return undefined;
    const isSynAck = (packet.tcpFlags & ACK) !== 0;
    const src = formatAddress(view.data, packet.srcAddrOffset, packet.ipVersion);
    const dst = formatAddress(view.data, packet.dstAddrOffset, packet.ipVersion);
    // Keyed client→server: a SYN's source is the client, a SYN+ACK's destination is.
    const key = isSynAck ? `${dst} ${packet.dstPort} ${src} ${packet.srcPort}` : `${src} ${packet.srcPort} ${dst} ${packet.dstPort}`;
    const known = this.pending.get(key);
    let verdict: OsVerdict | undefined;
    if (!isSynAck) {
      if (known && known.synSeq === packet.seq) {
        this.stats.repeated++;
        return undefined;
      }
      verdict = this.fingerprinter.fingerprint(view, packet);
      if (!verdict) return undefined;
      this.stats.syn++;
      this.pending.delete(key);
      if (!verdict.application) {
        this.remember(key, { synMss: verdict.mss, synSeq: packet.seq, tsSec: view.tsSec, answered: false });
      }
    } else {
      if (!known || view.tsSec - known.tsSec > this.options.maxAgeSec) {
        this.stats.strayAck++;
        return undefined;
      }
      if (known.answered) {
        this.stats.repeated++;
        return undefined;
      }
      verdict = this.fingerprinter.fingerprint(view, packet, known.synMss);
      if (!verdict) return undefined;
      known.answered = true;
      this.stats.synAck++;
    }
    return { verdict, host: { ip: src, port: packet.srcPort }, peer: { ip: dst, port: packet.dstPort } };
  }

  private remember(key: string, handshake: PendingHandshake): void {
    while (this.pending.size >= this.options.maxPending) {
      const oldest = this.pending.keys().next();
      if (oldest.done === true) break;
      this.pending.delete(oldest.value);
      this.stats.evicted++;
    }
    this.pending.set(key, handshake);
  }
}
