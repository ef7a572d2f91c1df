// Device table logic, pure: the display name, the filter and the sort.
import type { Device } from '../data/types.js';

export type DeviceColumn = 'name' | 'ips' | 'mac' | 'vendor' | 'os' | 'lastSeen';
export const DEVICE_COLUMNS: readonly DeviceColumn[] = ['name', 'ips', 'mac', 'vendor', 'os', 'lastSeen'];

export function deviceName(d: Device): string {
  return d.hostname ?? d.model ?? d.ips[0] ?? d.mac ?? d.id;
}

/** Every whitespace-separated term must appear in the name, an address, the MAC, vendor, OS or model. */
export function matchesDevice(d: Device, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0) return true;
  const hay = [deviceName(d), ...d.ips, d.mac ?? '', d.vendor ?? '', d.os ?? '', d.model ?? '', d.hostname ?? '']
    .join(' ')
    .toLowerCase();
  return terms.every((t) => hay.includes(t));
}

function key(d: Device, column: DeviceColumn): string | number {
  switch (column) {
    case 'name':
      return deviceName(d).toLowerCase();
    case 'ips':
      return d.ips[0] === undefined ? '' : ipSortKey(d.ips[0]);
    case 'mac':
      return d.mac ?? '';
    case 'vendor':
      return (d.vendor ?? '').toLowerCase();
    case 'os':
      return (d.os ?? '').toLowerCase();
    case 'lastSeen':
      return Date.parse(d.lastSeen) || 0;
  }
}

/** IPv4 sorts numerically (10.0.0.9 before 10.0.0.10), IPv6 after IPv4 as text. */
export function ipSortKey(ip: string): string {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4 !== null) return `4:${v4.slice(1).map((o) => o.padStart(3, '0')).join('.')}`;
  return `6:${ip}`;
}

export function sortDevices(devices: readonly Device[], column: DeviceColumn, dir: 'asc' | 'desc'): Device[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...devices].sort((a, b) => {
    const ka = key(a, column);
    const kb = key(b, column);
    // empty values last whatever the direction
    if (ka === '' && kb !== '') return 1;
    if (kb === '' && ka !== '') return -1;
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign;
  });
}
