import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alert, device, flow } from '../testing/fixtures.js';
import { AlertStore } from './alert-store.js';
import { DeviceStore } from './device-store.js';
import { FlowStore } from './flow-store.js';
import { Publisher } from './publisher.js';
import { StatsStore } from './stats-store.js';

const immediate = () => new Publisher(0);

test('the flow store keeps the newest flows, one row per flow id, and counts what it received', () => {
  const s = new FlowStore(3, immediate());
  const a = flow('10.0.0.1', '203.0.113.1', { id: 'a', final: false });
  const b = flow('10.0.0.1', '203.0.113.2', { id: 'b' });
  s.add([b, a]); // the feed sends newest first
  s.add([{ ...a, bytes: 9999, final: true }], 5);
  assert.deepEqual(s.snapshot().map((f) => `${f.id}:${f.bytes}`), ['a:9999', 'b:1500']);
  assert.equal(s.received, 3);
  assert.equal(s.droppedByServer, 5);
  assert.equal(s.snapshot(), s.snapshot(), 'cached until the next publication');
  s.add([flow('x', 'y', { id: 'c' }), flow('x', 'y', { id: 'd' }), flow('x', 'y', { id: 'e' })]);
  assert.deepEqual(s.snapshot().map((f) => f.id), ['c', 'd', 'e'], 'bounded by capacity');
});

test('the alert store orders by time, replaces acknowledged alerts and stays bounded', () => {
  const s = new AlertStore(2, immediate());
  s.add([alert('1', { time: '2024-01-01T00:00:01Z' }), alert('2', { time: '2024-01-01T00:00:02Z' })]);
  s.update({ ...alert('1', { time: '2024-01-01T00:00:01Z' }), acknowledged: true });
  assert.deepEqual(s.snapshot().map((a) => `${a.id}:${a.acknowledged}`), ['2:false', '1:true']);
  s.add([alert('2', { time: '2024-01-01T00:00:02Z', title: 'again' })]);
  assert.equal(s.snapshot().length, 2, 'a known id is replaced, not added');
  assert.equal(s.snapshot()[0]?.title, 'again');
  s.add([alert('3', { time: '2024-01-01T00:00:03Z' })]);
  assert.deepEqual(s.snapshot().map((a) => a.id), ['3', '2']);
});

test('the device store keeps the newer record and forgets the least recently seen beyond capacity', () => {
  const s = new DeviceStore(2, immediate());
  s.add([device('a', { lastSeen: '2024-01-01T00:00:05Z', hostname: 'new' })]);
  s.add([device('a', { lastSeen: '2024-01-01T00:00:01Z', hostname: 'old' })]);
  assert.equal(s.get('a')?.hostname, 'new');
  s.add([device('b', { lastSeen: '2024-01-01T00:00:02Z' }), device('c', { lastSeen: '2024-01-01T00:00:09Z' })]);
  assert.deepEqual(s.snapshot().map((d) => d.id), ['c', 'a']);
});

test('a device learned by MAC replaces the address-only record of its address', () => {
  const s = new DeviceStore(10, immediate());
  s.add([device('ip-10.0.0.5', { ips: ['10.0.0.5'] }), device('ip-10.0.0.6', { ips: ['10.0.0.6'] })]);
  s.add([device('3c22fb100010', { ips: ['10.0.0.5'], mac: '3C-22-FB-10-00-10' })]);
  assert.deepEqual(s.snapshot().map((d) => d.id).sort(), ['3c22fb100010', 'ip-10.0.0.6']);
});

test('the stats store loads the api history and appends one point per newer push', () => {
  const s = new StatsStore(3, immediate());
  const base = {
    pps: 1, bps: 8, flows: { active: 0, total: 0 }, devices: 0, protocols: [],
    capture: { received: 0, dropped: 0, ifDropped: 0 },
  };
  s.load({ ...base, time: '2024-01-01T00:00:02Z', history: [
    { time: '2024-01-01T00:00:02Z', pps: 2, bps: 16 }, { time: '2024-01-01T00:00:01Z', pps: 1, bps: 8 },
  ] });
  s.push({ ...base, time: '2024-01-01T00:00:03Z', pps: 3, history: [] });
  s.push({ ...base, time: '2024-01-01T00:00:03Z', pps: 4, history: [] }); // same second: no new point
  assert.deepEqual(s.points().map((p) => p.pps), [1, 2, 3]);
  assert.equal(s.latest?.pps, 4);
});
