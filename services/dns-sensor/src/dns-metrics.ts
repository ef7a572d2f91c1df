// Prometheus figures of the DNS sensor, read from its counters at scrape time (nothing on the packet path).
import { type Metrics, scrapedCounter, scrapedGauge } from '@netwatch/kit';
import type { DnsStats } from './dns-stats.js';

/** Registers the DNS metrics on `metrics.registry`; values are copied from `stats()` on each scrape. */
export function registerDnsMetrics(metrics: Metrics, stats: () => DnsStats): void {
  const r = metrics.registry;
  scrapedCounter(r, 'netwatch_dns_messages_total', 'DNS messages read, by transport (udp, tcp), before parsing',
    ['transport'], (c) => {
      const s = stats();
      c.inc({ transport: 'udp' }, s.udpMessages);
      c.inc({ transport: 'tcp' }, s.tcpMessages);
    });
  scrapedCounter(r, 'netwatch_dns_transactions_total',
    'DNS transactions published, by outcome (answered, unanswered, response_only)', ['outcome'], (c) => {
      const s = stats();
      c.inc({ outcome: 'answered' }, s.answered);
      c.inc({ outcome: 'unanswered' }, s.unanswered);
      c.inc({ outcome: 'response_only' }, s.responsesWithoutQuery);
    });
  scrapedCounter(r, 'netwatch_dns_unanswered_total',
    'DNS queries published without a response (NETWATCH_DNS_TIMEOUT, eviction or end of input)', [],
    (c) => c.inc(stats().unanswered));
  scrapedCounter(r, 'netwatch_dns_malformed_total',
    'DNS messages skipped as malformed, by reason (dns_pointer_loop, dns_count_mismatch, dns_tcp_gap…)', ['reason'],
    (c) => {
      for (const [reason, n] of Object.entries(stats().malformed)) c.inc({ reason }, n);
    });
  scrapedCounter(r, 'netwatch_dns_pending_evicted_total',
    'Queries published unanswered early because the pending table was full (raise NETWATCH_DNS_MAX_PENDING)', [],
    (c) => c.inc(stats().evicted));
  scrapedCounter(r, 'netwatch_dns_duplicate_queries_total',
    'Queries repeating one still pending (retransmissions); the first is kept', [],
    (c) => c.inc(stats().duplicateQueries));
  scrapedGauge(r, 'netwatch_dns_pending', 'Queries awaiting a response now', [], (g) => g.set(stats().pending));
}
