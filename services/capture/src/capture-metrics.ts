// Prometheus figures of the flow sensor, read from the table's counters at scrape time (nothing on the packet path).
import { type Metrics, scrapedCounter, scrapedGauge } from '@netwatch/kit';
import type { InterfaceCaptureStats } from '@netwatch/packet';
import type { FlowTableStats } from './flow-table.js';

/**
 * Registers the capture and flow metrics on `metrics.registry`. Counters are refreshed from
 * `stats()` and `interfaces()` on each scrape, so they cost nothing between scrapes.
 */
export function registerCaptureMetrics(
  metrics: Metrics,
  stats: () => FlowTableStats,
  interfaces: () => readonly InterfaceCaptureStats[],
): void {
  const r = metrics.registry;
  scrapedCounter(r, 'netwatch_capture_packets_total',
    'Packets the flow sensor processed, by protocol (tcp, udp, icmp, other_ip, not_ip, malformed)', ['protocol'],
    (c) => {
      const s = stats();
      c.inc({ protocol: 'tcp' }, s.tcpPackets);
      c.inc({ protocol: 'udp' }, s.udpPackets);
      c.inc({ protocol: 'icmp' }, s.icmpPackets);
      c.inc({ protocol: 'other_ip' }, s.otherIpPackets);
      c.inc({ protocol: 'not_ip' }, s.notIp);
      c.inc({ protocol: 'malformed' }, s.malformed);
    });
  scrapedCounter(r, 'netwatch_capture_bytes_total', 'Frame bytes on the wire the flow sensor processed', [],
    (c) => c.inc(stats().bytes));
  scrapedGauge(r, 'netwatch_flows_active', 'Flows in the flow table now', [], (g) => g.set(stats().activeFlows));
  scrapedGauge(r, 'netwatch_flow_table_bytes', 'Memory held by the flow table (records and index)', [],
    (g) => g.set(stats().allocatedBytes));
  scrapedCounter(r, 'netwatch_flows_created_total', 'Flows the table opened', [], (c) => c.inc(stats().flowsCreated));
  scrapedCounter(r, 'netwatch_flows_exported_total',
    'Flow records exported, by reason (active_timeout, idle_timeout, end, evicted)', ['reason'], (c) => {
      for (const [reason, n] of Object.entries(stats().exported)) c.inc({ reason }, n);
    });
  scrapedCounter(r, 'netwatch_flows_evicted_total',
    'Flows ended early because the table was full (raise NETWATCH_FLOW_MAX if this grows)', [],
    (c) => c.inc(stats().evicted));
  scrapedCounter(r, 'netwatch_capture_kernel_packets_total',
    'libpcap pcap_stats per interface: received, dropped (kernel buffer full), if_dropped (driver)',
    ['interface', 'counter'], (c) => {
      for (const i of interfaces()) {
        c.inc({ interface: i.name, counter: 'received' }, i.received);
        c.inc({ interface: i.name, counter: 'dropped' }, i.dropped);
        c.inc({ interface: i.name, counter: 'if_dropped' }, i.ifDropped);
      }
    });
}
