// Counters of the TLS sensor, kept as plain numbers on the packet path and mirrored to Prometheus at scrape time.
import { type MalformedReason, malformedReasons } from './hello/hello-types.js';

export interface TlsStats {
  /** Events with a ServerHello. */
  handshakes: number;
  /** Events with only a ClientHello (the server never answered, or its side was lost). */
  clientOnly: number;
  helloRetryRequests: number;
  /** Connections whose first client bytes are not a TLS handshake record (other protocols on TCP). */
  notTls: number;
  /** SSL 2.0-compatible ClientHellos (RFC 5246 Appendix E.2): counted, not parsed. */
  sslv2Hellos: number;
  /** Connections whose handshake needed more than the per-connection buffer cap. */
  overflows: number;
  /** Gaps (lost segments) before the handshake was complete. */
  gaps: number;
  malformed: Record<MalformedReason, number>;
}

export function emptyTlsStats(): TlsStats {
  return {
    handshakes: 0,
    clientOnly: 0,
    helloRetryRequests: 0,
    notTls: 0,
    sslv2Hellos: 0,
    overflows: 0,
    gaps: 0,
    malformed: Object.fromEntries(malformedReasons.map((r) => [r, 0])) as Record<MalformedReason, number>,
  };
}
