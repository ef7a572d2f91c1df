// Example netwatch.sensor.stats.v1 event: ten seconds of a home uplink as the sensor saw it.
import type { SensorStatsEvent } from '../events/sensor-stats.js';
import { observer } from './common.js';

export const sensorStatsExample: SensorStatsEvent = {
  '@timestamp': '2025-06-12T09:14:10.000Z',
  event: {
    id: '0197636b-0cdc-7a10-8b11-5c3d2e1f0a99',
    kind: 'metric',
    category: ['network'],
    type: ['info'],
    dataset: 'netwatch.sensor_stats',
    module: 'netwatch',
    start: '2025-06-12T09:14:00.000Z',
    end: '2025-06-12T09:14:10.000Z',
  },
  netwatch: {
    schema: 'sensor_stats',
    schema_version: 1,
    sensor_stats: {
      interval_ns: 10_000_000_000,
      packets: 48_210,
      bytes: 41_377_880,
      packets_per_second: 4821,
      bits_per_second: 33_102_304,
      protocols: { tcp: 41_002, udp: 6_950, icmp: 12, other_ip: 3, not_ip: 243 },
      malformed: 0,
      flows: { active: 412, created: 96, exported: 88, evicted: 0 },
      interfaces: [{ name: 'eth1', received: 48_210, dropped: 0, if_dropped: 0 }],
    },
  },
  observer,
};
