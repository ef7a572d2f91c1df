// The named group of a TLS ≤ 1.2 ECDHE ServerKeyExchange: the only place such a handshake names its curve.
import { knownCipherSuiteName } from '../names/cipher-suites.js';

/** ECCurveType named_curve (RFC 8422 §5.4); explicit curves (1, 2) are deprecated and carry no group number. */
const NAMED_CURVE = 3;

/**
 * Whether the suite's ServerKeyExchange opens with ServerECDHParams (RFC 8422 §5.4): ECDHE with a
 * certificate, or anonymous ECDH. ECDHE_PSK puts a PSK identity hint first (RFC 5489 §2), so it is left out.
 */
export function keyExchangeNamesCurve(cipher: number): boolean {
  const name = knownCipherSuiteName(cipher);
  if (name === undefined || name.includes('_PSK_')) return false;
  return name.includes('_ECDHE_') || name.includes('_ECDH_anon_');
}

/** The NamedGroup of the ServerECDHParams at `b[start, end)`, or undefined when it names none. */
export function serverKeyExchangeGroup(b: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 3 || b[start] !== NAMED_CURVE) return undefined;
  return ((b[start + 1] as number) << 8) | (b[start + 2] as number);
}
