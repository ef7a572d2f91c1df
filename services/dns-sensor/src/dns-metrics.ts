// Prometheus figures of the DNS sensor, read from its counters at scrape time (nothing on the packet path).
import type { Metrics } from '@netwatch/kit';
import { Counter, Gauge } from 'prom-client';
import type { DnsStats } from './dns-stats.js';

/** Registers the DNS metrics on `metrics.registry`; values are copied from `stats()` on each scrape. */
export function registerDnsMetrics(metrics: Metrics, stats: () => DnsStats): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'netwatch_dns_messages_total',
    help: 'DNS messages read, by transport (udp, tcp), before parsing',
    labelNames: ['transport'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ transport: 'udp' }, s.udpMessages);
      this.inc({ transport: 'tcp' }, s.tcpMessages);
    },
  });
  new Counter({
    name: 'netwatch_dns_transactions_total',
    help: 'DNS transactions published, by outcome (answered, unanswered, response_only)',
    labelNames: ['outcome'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ outcome: 'answered' }, s.answered);
      this.inc({ outcome: 'unanswered' }, s.unanswered);
      this.inc({ outcome: 'response_only' }, s.responsesWithoutQuery);
    },
  });
  new Counter({
    name: 'netwatch_dns_unanswered_total',
    help: 'DNS queries published without a response (NETWATCH_DNS_TIMEOUT, eviction or end of input)',
    registers,
    collect() {
      this.reset();
      this.inc(stats().unanswered);
    },
  });
  new Counter({
    name: 'netwatch_dns_malformed_total',
    help: 'DNS messages skipped as malformed, by reason (dns_pointer_loop, dns_count_mismatch, dns_tcp_gap…)',
    labelNames: ['reason'],
    registers,
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(stats().malformed)) this.inc({ reason }, n);
    },
  });
  new Counter({
    name: 'netwatch_dns_pending_evicted_total',
    help: 'Queries published unanswered early because the pending table was full (raise NETWATCH_DNS_MAX_PENDING)',
    registers,
    collect() {
      this.reset();
      this.inc(stats().evicted);
    },
  });
  new Counter({
    name: 'netwatch_dns_duplicate_queries_total',
    help: 'Queries repeating one still pending (retransmissions); the first is kept',
    registers,
    collect() {
      this.reset();
      this.inc(stats().duplicateQueries);
    },
  });
  new Gauge({
    name: 'netwatch_dns_pending',
    help: 'Queries awaiting a response now',
    registers,
    collect() {
      this.set(stats().pending);
    },
  });
}
