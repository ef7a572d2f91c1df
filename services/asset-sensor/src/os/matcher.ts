// p0f 3's TCP signature matching (fp_tcp.c): exact, then generic, then fuzzy, with TTL-based hop distance.
import { Quirk } from './quirks.js';
import type { SignatureSet, TcpSignature } from './signature.js';
import { WindowType } from './signature.js';
import { layoutHash } from './tcp-option-kind.js';
import type { TcpObservation } from './tcp-observation.js';

/** Largest believable hop distance; beyond it the TTL is treated as not matching (MAX_DIST in p0f 3). */
export const MAX_DISTANCE = 35;
/** Header sizes p0f assumes for the "window is a multiple of the MTU" tests (MIN_TCP4, MIN_TCP6). */
const MIN_TCP4 = 40;
const MIN_TCP6 = 60;

/** Caller-owned, reused result of `matchTcp`. */
export class MatchResult {
  signature: TcpSignature | undefined = undefined;
  fuzzy = false;
  distance = 0;
  /** From `windowMultiple`: the window as `mss*N` / `mtu*N` (multiple > 0), else -1. */
  windowMultiple = -1;
  windowIsMtu = false;
}

/** Hop distance guessed from the TTL alone: the next common initial TTL at or above it (32, 64, 128, 255). */
export function guessDistance(ttl: number): number {
  if (ttl <= 32) return 32 - ttl;
  if (ttl <= 64) return 64 - ttl;
  if (ttl <= 128) return 128 - ttl;
  return 255 - ttl;
}

/**
 * Is the window a multiple of the MSS, or of an MTU (README §5 "wsize")? Tries, in p0f's order: the
 * MSS, MSS-12 when timestamps are on, the MSS of a 1500 MTU (IPv4 then IPv6, each also -12), then MTUs
 * (MSS+40, MSS+actual headers, MSS+60 for IPv6, 1500), then the peer's SYN MSS (SYN+ACK only). Writes
 * the multiplier (or -1) and whether it was an MTU into `out`. p0f keeps the multiplier in a signed
 * 16-bit integer, so a quotient above 32767 wraps negative and counts as no multiple, here too.
 */
export function windowMultiple(obs: TcpObservation, peerSynMss: number, out: MatchResult): void {
  out.windowMultiple = -1;
  out.windowIsMtu = false;
  const win = obs.window;
  const mss = obs.mss;
  if (win === 0 || mss < 100) return;
  const v6 = obs.ipVersion === 6;
  if (tryDivisor(win, mss, false, out)) return;
  if (obs.tsVal !== 0 && tryDivisor(win, mss - 12, false, out)) return;
  if (tryDivisor(win, 1500 - MIN_TCP4, false, out) || tryDivisor(win, 1500 - MIN_TCP4 - 12, false, out)) return;
  if (v6 && (tryDivisor(win, 1500 - MIN_TCP6, false, out) || tryDivisor(win, 1500 - MIN_TCP6 - 12, false, out))) return;
  if (tryDivisor(win, mss + MIN_TCP4, true, out) || tryDivisor(win, mss + obs.totalHeaderLength, true, out)) return;
  if (v6 && tryDivisor(win, mss + MIN_TCP6, true, out)) return;
  if (tryDivisor(win, 1500, true, out)) return;
  if (peerSynMss !== 0) {
    if (tryDivisor(win, peerSynMss, false, out)) return;
    tryDivisor(win, peerSynMss - 12, false, out);
  }
}

function tryDivisor(win: number, divisor: number, isMtu: boolean, out: MatchResult): boolean {
  // A zero divisor (peer MSS of 12) would crash p0f with SIGFPE; it is simply not a multiple here.
  if (divisor === 0 || win % divisor !== 0) return false;
  out.windowIsMtu = isMtu;
  out.windowMultiple = ((Math.trunc(win / divisor) << 16) >> 16);
  return true;
}

function windowMatches(sig: TcpSignature, obs: TcpObservation, m: MatchResult): boolean {
  switch (sig.windowType) {
    case WindowType.NORMAL:
      return sig.window === obs.window;
    case WindowType.MOD:
      return obs.window % sig.window === 0;
    case WindowType.MSS:
      return !m.windowIsMtu && sig.window === m.windowMultiple;
    case WindowType.MTU:
      return m.windowIsMtu && sig.window === m.windowMultiple;
    default:
      return true;
  }
}

function sameLayout(sig: TcpSignature, obs: TcpObservation): boolean {
  if (sig.layout.length !== obs.layoutCount) return false;
  for (let i = 0; i < obs.layoutCount; i++) if (sig.layout[i] !== obs.layout[i]) return false;
  return true;
}

/**
 * Matches an observation against one direction's signatures, in file order (fp_tcp.c tcp_find_match):
 * - only signatures with the same option layout and EOL padding, and the same IP options length;
 * - for a `*` version signature, IPv4-only quirks are ignored on IPv6 and `flow` on IPv4;
 * - quirks must be equal, except that `df`/`id+` may disappear and `id-`/`ecn` appear: that is fuzzy,
 *   and only the first such candidate is considered;
 * - the TTL must be at most the signature's and within MAX_DISTANCE of it, else the match is fuzzy
 *   (for a random-TTL `N-` signature it must just be at most N);
 * - MSS, window scale and payload class equal unless `*`, and the window per its type.
 * The first exact specific match wins; else the first exact generic one; else the first fuzzy one,
 * unless it is an application (class `!`). Allocates nothing.
 */
export function matchTcp(set: SignatureSet, obs: TcpObservation, peerSynMss: number, out: MatchResult): void {
  windowMultiple(obs, peerSynMss, out);
  out.signature = undefined;
  out.fuzzy = false;
  let generic: TcpSignature | undefined;
  let fuzzy: TcpSignature | undefined;
  const candidates = set.byLayout.get(layoutHash(obs.layout, obs.layoutCount));
  if (candidates) {
    for (const sig of candidates) {
      if (!sameLayout(sig, obs)) continue;
      let isFuzzy = false;
      let sigQuirks = sig.quirks;
      if (sig.ipVersion === -1) {
        sigQuirks &= obs.ipVersion === 4 ? ~Quirk.FLOW : ~(Quirk.DF | Quirk.NZ_ID | Quirk.ZERO_ID);
      }
      if (sigQuirks !== obs.quirks) {
        const deleted = (sigQuirks ^ obs.quirks) & sigQuirks;
        const added = (sigQuirks ^ obs.quirks) & obs.quirks;
        if (fuzzy || deleted & ~(Quirk.DF | Quirk.NZ_ID) || added & ~(Quirk.ZERO_ID | Quirk.ECN)) continue;
        isFuzzy = true;
      }
      if (sig.eolPadding !== obs.eolPadding || sig.ipOptionsLength !== obs.ipOptionsLength) continue;
      if (sig.badTtl) {
        if (sig.ttl < obs.ttl) continue;
      } else if (sig.ttl < obs.ttl || sig.ttl - obs.ttl > MAX_DISTANCE) {
        isFuzzy = true;
      }
      if (sig.mss !== -1 && sig.mss !== obs.mss) continue;
      if (sig.windowScale !== -1 && sig.windowScale !== obs.windowScale) continue;
      if (sig.payloadClass !== -1 && sig.payloadClass !== (obs.payloadLength > 0 ? 1 : 0)) continue;
      if (!windowMatches(sig, obs, out)) continue;
      if (isFuzzy) {
        fuzzy ??= sig;
      } else if (!sig.label.generic) {
        out.signature = sig;
        out.distance = sig.ttl - obs.ttl;
        return;
      } else {
        generic ??= sig;
      }
    }
  }
  if (generic) {
    out.signature = generic;
    out.distance = generic.ttl - obs.ttl;
    return;
  }
  // No fuzzy matching for userland tools: a fuzzy NMap match reports nothing, and no distance.
  if (fuzzy && fuzzy.label.osClass === '!') {
    out.distance = 0;
    return;
  }
  const trustTtl = fuzzy && fuzzy.ttl >= obs.ttl && (fuzzy.badTtl || fuzzy.ttl - obs.ttl <= MAX_DISTANCE);
  out.distance = fuzzy && trustTtl ? fuzzy.ttl - obs.ttl : guessDistance(obs.ttl);
  out.signature = fuzzy;
  out.fuzzy = fuzzy !== undefined;
}
