// Devices: merged from asset events, created from flows' internal addresses, folded together, moved, evicted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleFor } from '@netwatch/schemas';
import { deviceShape } from '../contract/shapes.js';
import { assetEvent } from '../testing/harness.js';
import { DeviceStore } from './device-store.js';
import { deviceIdForMac, mapAsset, osText } from './map-asset.js';

const t = (iso: string) => Date.parse(iso);

describe('mapAsset', () => {
  it('reads the DHCP example: MAC, address, name, vendor, OS, services, the address it left', () => {
    const observation = mapAsset(exampleFor('netwatch.asset.v1'));
    assert.deepEqual(observation, {
      mac: '3C-22-FB-12-34-56',
      ips: ['192.168.10.23'],
      removedIps: ['192.168.10.19'],
      hostname: 'alices-macbook',
      vendor: 'Apple, Inc.',
      os: 'macOS',
      services: [{ name: '_companion-link._tcp', transport: 'tcp', port: 49152 }],
      source: 'dhcp',
      firstSeenMs: t('2025-05-30T07:41:12.930Z'),
      lastSeenMs: t('2025-06-12T09:12:31.004Z'),
    });
  });

  it('writes the OS as full, else name and version, else family', () => {
    assert.equal(osText({ full: 'Ubuntu 24.04 LTS', name: 'Ubuntu' }), 'Ubuntu 24.04 LTS');
    assert.equal(osText({ name: 'Windows', version: '11' }), 'Windows 11');
    assert.equal(osText({ family: 'debian' }), 'debian');
  });

  it('makes device ids from MACs in any spelling', () => {
    assert.equal(deviceIdForMac('3C-22-FB-10-00-10'), '3c22fb100010');
    assert.equal(deviceIdForMac('3c:22:fb:10:00:10'), '3c22fb100010');
  });
});

describe('DeviceStore', () => {
  it('merges asset observations of one MAC and fits the contract', () => {
    const store = new DeviceStore();
    store.applyAsset(mapAsset(exampleFor('netwatch.asset.v1')));
    const mdns = exampleFor('netwatch.asset.v1');
    mdns.netwatch.asset.source = 'mdns';
    mdns.netwatch.asset.services = [{ name: '_airplay._tcp', transport: 'tcp', port: 7000 }];
    mdns.device = { manufacturer: 'Apple, Inc.', model: { name: 'MacBookPro18,3' } };
    delete mdns.netwatch.asset.change;
    const device = store.applyAsset(mapAsset(mdns));
    assert.ok(device);
    deviceShape.parse(device);
    assert.equal(device.id, '3c22fb123456');
    assert.deepEqual(device.sources, ['dhcp', 'mdns']);
    assert.equal(device.model, 'MacBookPro18,3');
    assert.deepEqual(device.services.map((s) => s.name), ['_companion-link._tcp', '_airplay._tcp']);
    assert.equal(store.size, 1);
  });

  it('creates an "ip-" device from a flow, then folds it into the MAC device an asset event names', () => {
    const changes: string[] = [];
    const removals: string[] = [];
    const store = new DeviceStore(100, (id) => changes.push(id), (id) => removals.push(id));
    store.touchFromFlow('192.168.10.23', t('2025-06-12T08:00:00Z'), t('2025-06-12T08:00:05Z'), true);
    store.touchFromFlow('192.168.10.23', t('2025-06-12T08:01:00Z'), t('2025-06-12T08:01:05Z'), true);
    store.touchFromFlow('192.168.10.23', t('2025-06-12T08:01:00Z'), t('2025-06-12T08:01:09Z'), false);
    const early = store.get('ip-192.168.10.23');
    assert.deepEqual([early?.flows, early?.sources, early?.ips], [2, ['flow'], ['192.168.10.23']]);
    assert.equal(early?.lastSeen, '2025-06-12T08:01:09.000Z');
    store.applyAsset(mapAsset(assetEvent()));
    assert.equal(store.get('ip-192.168.10.23'), undefined);
    assert.deepEqual(removals, ['ip-192.168.10.23'], 'the folded device is announced as removed');
    const device = store.get('3c22fb123456');
    assert.deepEqual([device?.flows, device?.sources], [2, ['flow', 'dhcp']]);
    assert.equal(device?.firstSeen, '2025-05-30T07:41:12.930Z');
    assert.equal(store.idForIp('192.168.10.23'), '3c22fb123456');
    assert.equal(store.size, 1);
    assert.ok(changes.includes('3c22fb123456') && changes.includes('ip-192.168.10.23'));
    // Later flows count on the MAC device.
    store.touchFromFlow('192.168.10.23', t('2025-06-12T10:00:00Z'), t('2025-06-12T10:00:01Z'), true);
    assert.equal(store.get('3c22fb123456')?.flows, 3);
  });

  it('moves an address to the device that holds it now (a DHCP lease reassigned)', () => {
    const store = new DeviceStore();
    store.applyAsset(mapAsset(assetEvent({ mac: '00-1A-2B-3C-4D-5E', ip: '192.168.10.50' })));
    store.applyAsset(mapAsset(assetEvent({ mac: '00-1A-2B-3C-4D-5F', ip: '192.168.10.50' })));
    assert.deepEqual(store.get('001a2b3c4d5e')?.ips, []);
    assert.deepEqual(store.get('001a2b3c4d5f')?.ips, ['192.168.10.50']);
    assert.equal(store.idForIp('192.168.10.50'), '001a2b3c4d5f');
  });

  it('drops the old address named by a host.ip change', () => {
    const store = new DeviceStore();
    store.applyAsset(mapAsset(assetEvent({ ip: '192.168.10.19' })));
    store.applyAsset(mapAsset(assetEvent({ ip: '192.168.10.23', changeFrom: '192.168.10.19' })));
    assert.deepEqual(store.get('3c22fb123456')?.ips, ['192.168.10.23']);
    assert.equal(store.idForIp('192.168.10.19'), undefined);
  });

  it('evicts the least recently touched device beyond capacity', () => {
    const store = new DeviceStore(2);
    store.touchFromFlow('10.0.0.1', 1000, 1000, true);
    store.touchFromFlow('10.0.0.2', 2000, 2000, true);
    store.touchFromFlow('10.0.0.1', 3000, 3000, true);
    store.touchFromFlow('10.0.0.3', 4000, 4000, true);
    assert.deepEqual(store.list().map((d) => d.id), ['ip-10.0.0.3', 'ip-10.0.0.1']);
    assert.equal(store.idForIp('10.0.0.2'), undefined);
    assert.equal(store.evicted, 1);
  });

  it('lists by last seen, newest first', () => {
    const store = new DeviceStore();
    store.touchFromFlow('10.0.0.1', 5000, 9000, true);
    store.touchFromFlow('10.0.0.2', 1000, 2000, true);
    assert.deepEqual(store.list().map((d) => d.id), ['ip-10.0.0.1', 'ip-10.0.0.2']);
  });
});
