import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpoint } from './testing/fixtures.js';
import { formatBytes, formatPercent, formatSI, geoLabel, hostPort, timeAgo } from './format.js';

test('bytes in IEC units, rates in SI units', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(50 * 1024 ** 3), '50 GiB');
  assert.equal(formatBytes(-1), '–');
  assert.equal(formatSI(0, 'bit/s'), '0 bit/s');
  assert.equal(formatSI(1234, 'pkt/s'), '1.23 kpkt/s');
  assert.equal(formatSI(987_654_321, 'bit/s'), '988 Mbit/s');
  assert.equal(formatPercent(1, 3), '33 %');
  assert.equal(formatPercent(1, 100_000), '<0.1 %');
  assert.equal(formatPercent(1, 0), '0 %');
});

test('times ago, addresses with ports (IPv6 bracketed) and places', () => {
  const now = Date.parse('2024-01-01T12:00:00Z');
  assert.equal(timeAgo('2024-01-01T11:59:30Z', now), '30 s ago');
  assert.equal(timeAgo('2024-01-01T09:00:00Z', now), '3 h ago');
  assert.equal(timeAgo('not a date', now), '–');
  assert.equal(hostPort(endpoint('192.0.2.1', { port: 443 })), '192.0.2.1:443');
  assert.equal(hostPort(endpoint('2001:db8::1', { port: 443 })), '[2001:db8::1]:443');
  assert.equal(geoLabel({ city: 'Tokyo', country: 'JP', lat: 0, lon: 0 }), 'Tokyo, JP');
  assert.equal(geoLabel({ lat: 0, lon: 0 }), '');
});
