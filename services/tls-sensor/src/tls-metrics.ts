// Prometheus figures of the TLS sensor, read from its counters at scrape time (nothing on the packet path).
import type { Metrics } from '@netwatch/kit';
import { Counter, Gauge } from 'prom-client';
import type { TlsStats } from './tls-stats.js';

export function registerTlsMetrics(metrics: Metrics, stats: () => TlsStats, activeConnections: () => number): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'netwatch_tls_handshakes_total',
    help: 'TLS handshakes published, by what was seen (full: ServerHello too, client_only: only the ClientHello)',
    labelNames: ['seen'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ seen: 'full' }, s.handshakes);
      this.inc({ seen: 'client_only' }, s.clientOnly);
    },
  });
  new Counter({
    name: 'netwatch_tls_malformed_total',
    help: 'TLS records, hellos, extensions or certificates that could not be parsed, by reason',
    labelNames: ['reason'],
    registers,
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(stats().malformed)) this.inc({ reason }, n);
    },
  });
  new Counter({
    name: 'netwatch_tls_skipped_connections_total',
    help: 'TCP connections not followed, by reason (not_tls, sslv2_hello, overflow: handshake over the buffer cap, gap)',
    labelNames: ['reason'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ reason: 'not_tls' }, s.notTls);
      this.inc({ reason: 'sslv2_hello' }, s.sslv2Hellos);
      this.inc({ reason: 'overflow' }, s.overflows);
      this.inc({ reason: 'gap' }, s.gaps);
    },
  });
  new Counter({
    name: 'netwatch_tls_hello_retry_requests_total',
    help: 'HelloRetryRequests seen (RFC 8446 §4.1.4)',
    registers,
    collect() {
      this.reset();
      this.inc(stats().helloRetryRequests);
    },
  });
  new Gauge({
    name: 'netwatch_tls_connections_active',
    help: 'TCP connections the TLS sensor tracks now',
    registers,
    collect() {
      this.set(activeConnections());
    },
  });
}
