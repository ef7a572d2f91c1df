// Sensor stats: rates summed over sensors that still report, capture totals, and a bounded 10-minute series.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFor, type SensorStatsEvent } from '@netwatch/schemas';
import { HISTORY_WINDOW_MS, SensorStatsStore } from './sensor-stats-store.js';

function stats(sensor: string, endIso: string, pps: number, bps: number): SensorStatsEvent {
  const event = exampleFor('netwatch.sensor.stats.v1');
  event.observer.hostname = sensor;
  event.event.end = endIso;
  event['@timestamp'] = endIso;
  event.netwatch.sensor_stats.packets_per_second = pps;
  event.netwatch.sensor_stats.bits_per_second = bps;
  return event;
}

describe('SensorStatsStore', () => {
  it('adds rates over sensors and sums capture counters', () => {
    let now = 1_000_000;
    const store = new SensorStatsStore(() => now);
    store.add(stats('a', '2025-06-12T09:14:10Z', 100, 8000));
    store.add(stats('b', '2025-06-12T09:14:10Z', 50, 4000));
    store.add(stats('a', '2025-06-12T09:14:20Z', 200, 16000));
    assert.deepEqual(store.rates(), { pps: 250, bps: 20000, activeFlows: 824 });
    assert.deepEqual(store.capture, { received: 3 * 48_210, dropped: 0, ifDropped: 0 });
    // Ten-second intervals: a sensor silent for more than 30 s stops counting.
    now += 31_000;
    assert.deepEqual(store.rates(), { pps: 0, bps: 0, activeFlows: 0 });
  });

  it('keeps one point per second of event time, for ten minutes, oldest first', () => {
    const store = new SensorStatsStore();
    const start = Date.parse('2025-06-12T09:00:00Z');
    for (let s = 0; s <= 900; s += 10) store.add(stats('a', new Date(start + s * 1000).toISOString(), s, s * 8));
    store.add(stats('b', new Date(start + 900_000).toISOString(), 1, 8));
    const series = store.series();
    const first = series[0];
    const last = series[series.length - 1];
    assert.ok(first !== undefined && last !== undefined);
    assert.equal(last.timeMs - first.timeMs, HISTORY_WINDOW_MS);
    assert.equal(series.length, 61);
    assert.deepEqual([last.pps, last.bps], [901, 7208]);
  });

  it('ignores a record older than the series head', () => {
    const store = new SensorStatsStore();
    store.add(stats('a', '2025-06-12T09:00:10Z', 1, 8));
    store.add(stats('a', '2025-06-12T09:00:00Z', 2, 16));
    assert.equal(store.series().length, 1);
  });
});
