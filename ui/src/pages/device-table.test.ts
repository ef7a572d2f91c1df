import assert from 'node:assert/strict';
import { test } from 'node:test';
import { device } from '../testing/fixtures.js';
import { deviceName, ipSortKey, matchesDevice, sortDevices } from './device-table.js';

const printer = device('a1', { hostname: 'printer', ips: ['10.0.0.10'], vendor: 'HP', lastSeen: '2024-01-01T00:00:03Z' });
const phone = device('b2', { ips: ['10.0.0.9'], vendor: 'Apple', os: 'iOS', lastSeen: '2024-01-01T00:00:09Z' });
const bare = device('c3', { mac: '3c:22:fb:10:00:10', lastSeen: '2024-01-01T00:00:01Z' });

test('a device is named by hostname, model, address, MAC, then id', () => {
  assert.equal(deviceName(printer), 'printer');
  assert.equal(deviceName(phone), '10.0.0.9');
  assert.equal(deviceName(bare), '3c:22:fb:10:00:10');
  assert.equal(deviceName(device('z')), 'z');
});

test('the filter needs every term somewhere, case-insensitively', () => {
  assert.equal(matchesDevice(phone, 'apple ios'), true);
  assert.equal(matchesDevice(phone, 'apple hp'), false);
  assert.equal(matchesDevice(bare, '3C:22'), true);
  assert.equal(matchesDevice(bare, '  '), true);
});

test('sorting: IPv4 numerically, empty values last, both directions', () => {
  assert.ok(ipSortKey('10.0.0.9') < ipSortKey('10.0.0.10'));
  assert.ok(ipSortKey('10.0.0.9') < ipSortKey('2001:db8::1'));
  assert.deepEqual(sortDevices([printer, phone, bare], 'ips', 'asc').map((d) => d.id), ['b2', 'a1', 'c3']);
  assert.deepEqual(sortDevices([printer, phone, bare], 'ips', 'desc').map((d) => d.id), ['a1', 'b2', 'c3']);
  assert.deepEqual(sortDevices([printer, phone, bare], 'lastSeen', 'desc').map((d) => d.id), ['b2', 'a1', 'c3']);
  assert.deepEqual(sortDevices([printer, phone, bare], 'os', 'asc').map((d) => d.id), ['b2', 'a1', 'c3']);
});
