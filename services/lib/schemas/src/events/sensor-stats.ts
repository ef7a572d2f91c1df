// netwatch.sensor.stats.v1: what one sensor saw over an interval (rates, protocol mix, flows, capture drops).
import { z } from 'zod';
import { eventShape } from '../base.js';
import { count, nanoseconds } from '../primitives.js';

/** Per capture interface: packets the kernel handed over and dropped (libpcap pcap_stats), since the last record. */
const interfaceStats = z.looseObject({
  name: z.string().min(1),
  received: count.describe('ps_recv: packets that reached the capture socket'),
  dropped: count.describe('ps_drop: dropped by the kernel for lack of buffer space'),
  if_dropped: count.describe('ps_ifdrop: dropped by the interface or its driver'),
});

export const sensorStatsDetails = z.looseObject({
  interval_ns: nanoseconds.describe('Length of the interval this record covers (capture time)'),
  packets: count,
  bytes: count.describe('Frame bytes on the wire'),
  packets_per_second: z.number().nonnegative(),
  bits_per_second: z.number().nonnegative(),
  protocols: z.looseObject({
    tcp: count,
    udp: count,
    icmp: count.describe('ICMP and ICMPv6'),
    other_ip: count,
    not_ip: count.describe('ARP, LLDP and other non-IP frames'),
  }),
  malformed: count.describe('Packets the decoder could not make a flow of'),
  flows: z.looseObject({
    active: count.describe('Flows in the table at the end of the interval'),
    created: count,
    exported: count,
    evicted: count.describe('Flows pushed out early because the table was full'),
  }),
  interfaces: z.array(interfaceStats).optional().describe('Live capture only'),
});

export const sensorStatsEvent = z.looseObject({
  ...eventShape('sensor_stats', { sensor_stats: sensorStatsDetails }),
});

export type SensorStatsEvent = z.infer<typeof sensorStatsEvent>;
