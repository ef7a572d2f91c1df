// Device registry: news merged within the interval and published when it elapses; hostnames from several protocols.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultAssetConfig } from './asset-config.js';
import { type DeviceEvent, DeviceRegistry, macKeyText } from './device-registry.js';

const T0 = 1_750_000_000;

describe('DeviceRegistry', () => {
  it('merges news within minEventIntervalSec into one event when the interval has passed', () => {
    const events: DeviceEvent[] = [];
    const registry = new DeviceRegistry({ ...defaultAssetConfig, minEventIntervalSec: 60 }, (e) => events.push(e));
    registry.observe({ source: 'arp', mac: 1, ips: ['10.0.0.1'] }, T0, 0);
    registry.observe({ source: 'mdns', mac: 1, services: [{ name: '_ssh._tcp', transport: 'tcp', port: 22 }] }, T0 + 5, 0);
    registry.observe({ source: 'ssdp', mac: 1, details: { 'ssdp.server': 'x' } }, T0 + 10, 0);
    registry.advance(T0 + 59);
    assert.deepEqual(events.map((e) => e.kind), ['creation']);
    registry.advance(T0 + 60);
    assert.deepEqual(events.map((e) => [e.kind, e.source, e.sec]), [['creation', 'arp', T0], ['info', 'ssdp', T0 + 10]]);
    registry.finish();
    assert.equal(events.length, 2);
  });

  it('shows the DHCP hostname over mDNS and NBNS ones, and only a rename by one protocol is a change', () => {
    const events: DeviceEvent[] = [];
    const registry = new DeviceRegistry({ ...defaultAssetConfig, minEventIntervalSec: 0 }, (e) => events.push(e));
    registry.observe({ source: 'nbns', mac: 7, hostname: 'ALICE' }, T0, 0);
    registry.observe({ source: 'dhcp', mac: 7, hostname: 'alice-laptop' }, T0 + 1, 0);
    registry.observe({ source: 'mdns', mac: 7, hostname: 'Alices-MacBook' }, T0 + 2, 0);
    registry.observe({ source: 'nbns', mac: 7, hostname: 'alice' }, T0 + 3, 0);
    assert.equal(registry.get(7)?.hostname, 'alice-laptop');
    assert.deepEqual(events.map((e) => e.kind), ['creation', 'info', 'info']);
    registry.observe({ source: 'dhcp', mac: 7, hostname: 'bob-laptop' }, T0 + 4, 0);
    assert.deepEqual(events.at(-1)?.change, { field: 'host.hostname', old: 'alice-laptop', new: 'bob-laptop' });
  });

  it('reports a device flapping between two names once per interval, then with the rate-limited updates', () => {
    const events: DeviceEvent[] = [];
    const registry = new DeviceRegistry({ ...defaultAssetConfig, minEventIntervalSec: 60 }, (e) => events.push(e));
    for (let i = 0; i < 20; i++) registry.observe({ source: 'dhcp', mac: 9, hostname: i % 2 === 0 ? 'a' : 'b' }, T0 + i, 0);
    assert.deepEqual(events.map((e) => [e.kind, e.change?.new]), [['creation', undefined], ['change', 'b']]);
    registry.advance(T0 + 61);
    assert.deepEqual(events.map((e) => e.kind), ['creation', 'change', 'info']);
    assert.equal(events[2]?.device.hostname, 'b');
  });

  it('writes MAC keys as text', () => {
    assert.equal(macKeyText(0x3c22fb123456), '3c:22:fb:12:34:56');
    assert.equal(macKeyText(1), '00:00:00:00:00:01');
  });
});
