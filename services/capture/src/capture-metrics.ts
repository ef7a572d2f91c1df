// Prometheus figures of the flow sensor, read from the table's counters at scrape time (nothing on the packet path).
import type { Metrics } from '@netwatch/kit';
import type { InterfaceCaptureStats } from '@netwatch/packet';
import { Counter, Gauge } from 'prom-client';
import type { FlowTableStats } from './flow-table.js';

/** Sets a counter to an absolute total kept elsewhere (prom-client counters only go up via inc). */
function mirror(counter: Counter, total: number): void {
  counter.reset();
  counter.inc(total);
}

/**
 * Registers the capture and flow metrics on `metrics.registry`. Counters are refreshed from
 * `stats()` and `interfaces()` on each scrape, so they cost nothing between scrapes.
 */
export function registerCaptureMetrics(
  metrics: Metrics,
  stats: () => FlowTableStats,
  interfaces: () => readonly InterfaceCaptureStats[],
): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'netwatch_capture_packets_total',
    help: 'Packets the flow sensor processed, by protocol (tcp, udp, icmp, other_ip, not_ip, malformed)',
    labelNames: ['protocol'],
    registers,
    collect() {
      const s = stats();
      this.reset();
      this.inc({ protocol: 'tcp' }, s.tcpPackets);
      this.inc({ protocol: 'udp' }, s.udpPackets);
      this.inc({ protocol: 'icmp' }, s.icmpPackets);
      this.inc({ protocol: 'other_ip' }, s.otherIpPackets);
      this.inc({ protocol: 'not_ip' }, s.notIp);
      this.inc({ protocol: 'malformed' }, s.malformed);
    },
  });
  new Counter({
    name: 'netwatch_capture_bytes_total',
    help: 'Frame bytes on the wire the flow sensor processed',
    registers,
    collect() {
      mirror(this, stats().bytes);
    },
  });
  new Gauge({
    name: 'netwatch_flows_active',
    help: 'Flows in the flow table now',
    registers,
    collect() {
      this.set(stats().activeFlows);
    },
  });
  new Gauge({
    name: 'netwatch_flow_table_bytes',
    help: 'Memory held by the flow table (records and index)',
    registers,
    collect() {
      this.set(stats().allocatedBytes);
    },
  });
  new Counter({
    name: 'netwatch_flows_created_total',
    help: 'Flows the table opened',
    registers,
    collect() {
      mirror(this, stats().flowsCreated);
    },
  });
  new Counter({
    name: 'netwatch_flows_exported_total',
    help: 'Flow records exported, by reason (active_timeout, idle_timeout, end, evicted)',
    labelNames: ['reason'],
    registers,
    collect() {
      const exported = stats().exported;
      this.reset();
      for (const [reason, n] of Object.entries(exported)) this.inc({ reason }, n);
    },
  });
  new Counter({
    name: 'netwatch_flows_evicted_total',
    help: 'Flows ended early because the table was full (raise NETWATCH_FLOW_MAX if this grows)',
    registers,
    collect() {
      mirror(this, stats().evicted);
    },
  });
  new Counter({
    name: 'netwatch_capture_kernel_packets_total',
    help: 'libpcap pcap_stats per interface: received, dropped (kernel buffer full), if_dropped (driver)',
    labelNames: ['interface', 'counter'],
    registers,
    collect() {
      this.reset();
      for (const i of interfaces()) {
        this.inc({ interface: i.name, counter: 'received' }, i.received);
        this.inc({ interface: i.name, counter: 'dropped' }, i.dropped);
        this.inc({ interface: i.name, counter: 'if_dropped' }, i.ifDropped);
      }
    },
  });
}
