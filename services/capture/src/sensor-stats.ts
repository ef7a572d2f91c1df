// Periodic sensor stats: the difference between two snapshots of the table and capture counters, as an event.
import type { InterfaceCaptureStats } from '@netwatch/packet';
import { type SensorStatsEvent, uuidv7 } from '@netwatch/schemas';
import { isoTime } from '@netwatch/packet/iso-time';
import type { FlowTableStats } from './flow-table.js';

/** What one snapshot holds: the table's counters and the interfaces' cumulative pcap_stats. */
export interface StatsSnapshot {
  readonly atSec: number;
  readonly table: FlowTableStats;
  readonly interfaces: readonly InterfaceCaptureStats[];
}

/** The counters of a table that has seen nothing: the first interval starts from it. */
export function emptyTableStats(): FlowTableStats {
  return {
    packets: 0, bytes: 0, notIp: 0, malformed: 0, tcpPackets: 0, udpPackets: 0, icmpPackets: 0, otherIpPackets: 0,
    flowsCreated: 0, evicted: 0, exported: { active_timeout: 0, idle_timeout: 0, end: 0, evicted: 0 },
    orphanFragments: 0, activeFlows: 0, allocatedBytes: 0,
  };
}

const exportedTotal = (s: FlowTableStats) =>
  s.exported.active_timeout + s.exported.idle_timeout + s.exported.end + s.exported.evicted;

/** libpcap's counters are 32-bit on most platforms and wrap: a smaller value means it went round. */
function counterDelta(now: number, before: number): number {
  return now >= before ? now - before : now + 2 ** 32 - before;
}

/** The stats event for the interval between `before` and `now` (capture time, seconds). */
export function sensorStatsEvent(before: StatsSnapshot, now: StatsSnapshot, observer: string): SensorStatsEvent {
  const seconds = Math.max(now.atSec - before.atSec, 1e-9);
  const a = before.table;
  const b = now.table;
  const packets = b.packets - a.packets;
  const bytes = b.bytes - a.bytes;
  const previous = new Map(before.interfaces.map((i) => [i.name, i]));
  return {
    '@timestamp': isoTime(now.atSec, 0),
    event: {
      id: uuidv7(),
      kind: 'metric',
      category: ['network'],
      type: ['info'],
      dataset: 'netwatch.sensor_stats',
      module: 'netwatch',
      start: isoTime(before.atSec, 0),
      end: isoTime(now.atSec, 0),
    },
    netwatch: {
      schema: 'sensor_stats',
      schema_version: 1,
      sensor_stats: {
        interval_ns: Math.round(seconds * 1e9),
        packets,
        bytes,
        packets_per_second: packets / seconds,
        bits_per_second: (bytes * 8) / seconds,
        protocols: {
          tcp: b.tcpPackets - a.tcpPackets,
          udp: b.udpPackets - a.udpPackets,
          icmp: b.icmpPackets - a.icmpPackets,
          other_ip: b.otherIpPackets - a.otherIpPackets,
          not_ip: b.notIp - a.notIp,
        },
        malformed: b.malformed - a.malformed,
        flows: {
          active: b.activeFlows,
          created: b.flowsCreated - a.flowsCreated,
          exported: exportedTotal(b) - exportedTotal(a),
          evicted: b.evicted - a.evicted,
        },
        ...(now.interfaces.length > 0
          ? {
              interfaces: now.interfaces.map((i) => {
                const p = previous.get(i.name);
                return {
                  name: i.name,
                  received: counterDelta(i.received, p?.received ?? 0),
                  dropped: counterDelta(i.dropped, p?.dropped ?? 0),
                  if_dropped: counterDelta(i.ifDropped, p?.ifDropped ?? 0),
                };
              }),
            }
          : {}),
      },
    },
    observer: { hostname: observer, type: 'sensor', vendor: 'netwatch', product: 'netwatch' },
  };
}
