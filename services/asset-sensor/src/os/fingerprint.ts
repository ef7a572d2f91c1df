// The OS fingerprint of one SYN or SYN+ACK: observe, match, and (only for those packets) build the verdict.
import type { DecodedPacket, PacketView } from '@netwatch/packet';
import { MatchResult, matchTcp, MAX_DISTANCE } from './matcher.js';
import { formatRawSignature } from './raw-signature.js';
import type { SignatureDb, SignatureLabel } from './signature.js';
import { observeTcp, TcpKind, TcpObservation } from './tcp-observation.js';

export interface OsVerdict {
  /** `syn` (the client's stack) or `syn+ack` (the server's). */
  readonly type: 'syn' | 'syn+ack';
  /** The matched label, undefined when nothing matched (p0f prints `???`). */
  readonly label: SignatureLabel | undefined;
  /** An application signature (class `!`, e.g. NMap), not an OS; p0f reports it as `app=`. */
  readonly application: boolean;
  /** Hops from the sender: signature TTL minus observed TTL, or guessed from the TTL alone. */
  readonly distance: number;
  /** The match is fuzzy: TTL out of range, or `df`/`id+` gone or `id-`/`ecn` added. */
  readonly fuzzy: boolean;
  /** The match is a `g:` (last-resort) signature. */
  readonly generic: boolean;
  /** The signature's TTL is random (`N-`): `distance` is an upper bound (p0f prints `dist=<= N`). */
  readonly randomTtl: boolean;
  /** p0f's params field: generic, fuzzy, random_ttl, excess_dist, tos:0xNN, or none. */
  readonly params: string;
  /** What was seen, in p0f.fp's format. */
  readonly rawSignature: string;
  /** The matching signature line, as written in the database. */
  readonly signature: string | undefined;
  readonly ttl: number;
  readonly mss: number;
}

/** Reused scratch state; one per analyzer (not shared between threads of control). */
export class Fingerprinter {
  private readonly observation = new TcpObservation();
  private readonly match = new MatchResult();

  constructor(private readonly db: SignatureDb) {}

  /**
   * The verdict for a SYN or SYN+ACK, undefined for any other packet (without allocating) or one p0f
   * would skip (fragments, truncated, SYN+FIN …). For a SYN+ACK pass the MSS of the SYN it answers
   * (0 if unknown): some servers size their window from it. Never throws on packet bytes.
   */
  fingerprint(view: PacketView, packet: DecodedPacket, peerSynMss = 0): OsVerdict | undefined {
    const obs = this.observation;
    const kind = observeTcp(view, packet, obs);
    if (kind === TcpKind.NONE) return undefined;
    const set = kind === TcpKind.SYN ? this.db.request : this.db.response;
    // p0f compares a SYN with no peer MSS: the flow's SYN MSS is only recorded after its own fingerprint.
    matchTcp(set, obs, kind === TcpKind.SYN ? 0 : peerSynMss, this.match);
    return this.verdict(kind);
  }

  /** The observation behind the last verdict (valid until the next call). */
  get lastObservation(): TcpObservation {
    return this.observation;
  }

  private verdict(kind: TcpKind): OsVerdict {
    const obs = this.observation;
    const m = this.match;
    const sig = m.signature;
    const label = sig?.label;
    const params: string[] = [];
    if (label?.generic) params.push('generic');
    if (sig && m.fuzzy) params.push('fuzzy');
    if (sig?.badTtl) params.push('random_ttl');
    if (m.distance > MAX_DISTANCE) params.push('excess_dist');
    if (obs.dscp !== 0) params.push(`tos:0x${obs.dscp.toString(16).padStart(2, '0')}`);
    return {
      type: kind === TcpKind.SYN ? 'syn' : 'syn+ack',
      label,
      application: label?.osClass === '!',
      distance: m.distance,
      fuzzy: sig !== undefined && m.fuzzy,
      generic: label?.generic ?? false,
      randomTtl: sig?.badTtl ?? false,
      params: params.length > 0 ? params.join(' ') : 'none',
      rawSignature: formatRawSignature(obs, m),
      signature: sig?.text,
      ttl: obs.ttl,
      mss: obs.mss,
    };
  }
}

const SYN_FLAG = 0x02;
const fingerprinters = new WeakMap<SignatureDb, Fingerprinter>();

/**
 * Functional form of `Fingerprinter.fingerprint`, with one scratch Fingerprinter per database: packets
 * without SYN return at the first test, and nothing is allocated until a verdict is built.
 */
export function fingerprintSyn(
  view: PacketView, packet: DecodedPacket, db: SignatureDb, peerSynMss = 0,
): OsVerdict | undefined {
  if ((packet.tcpFlags & SYN_FLAG) === 0) return undefined;
  let fingerprinter = fingerprinters.get(db);
  if (!fingerprinter) {
    fingerprinter = new Fingerprinter(db);
    fingerprinters.set(db, fingerprinter);
  }
  return fingerprinter.fingerprint(view, packet, peerSynMss);
}
