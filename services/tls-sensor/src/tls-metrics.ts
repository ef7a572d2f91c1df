// Prometheus figures of the TLS sensor, read from its counters at scrape time (nothing on the packet path).
import { type Metrics, scrapedCounter, scrapedGauge } from '@netwatch/kit';
import type { TlsStats } from './tls-stats.js';

export function registerTlsMetrics(metrics: Metrics, stats: () => TlsStats, activeConnections: () => number): void {
  const r = metrics.registry;
  scrapedCounter(r, 'netwatch_tls_handshakes_total',
    'TLS handshakes published, by what was seen (full: ServerHello too, client_only: only the ClientHello)', ['seen'],
    (c) => {
      const s = stats();
      c.inc({ seen: 'full' }, s.handshakes);
      c.inc({ seen: 'client_only' }, s.clientOnly);
    });
  scrapedCounter(r, 'netwatch_tls_malformed_total',
    'TLS records, hellos, extensions or certificates that could not be parsed, by reason', ['reason'], (c) => {
      for (const [reason, n] of Object.entries(stats().malformed)) c.inc({ reason }, n);
    });
  scrapedCounter(r, 'netwatch_tls_skipped_connections_total',
    'TCP connections not followed, by reason (not_tls, sslv2_hello, overflow: handshake over the buffer cap, gap)',
    ['reason'], (c) => {
      const s = stats();
      c.inc({ reason: 'not_tls' }, s.notTls);
      c.inc({ reason: 'sslv2_hello' }, s.sslv2Hellos);
      c.inc({ reason: 'overflow' }, s.overflows);
      c.inc({ reason: 'gap' }, s.gaps);
    });
  scrapedCounter(r, 'netwatch_tls_hello_retry_requests_total', 'HelloRetryRequests seen (RFC 8446 §4.1.4)', [],
    (c) => c.inc(stats().helloRetryRequests));
  scrapedGauge(r, 'netwatch_tls_connections_active', 'TCP connections the TLS sensor tracks now', [],
    (g) => g.set(activeConnections()));
}
