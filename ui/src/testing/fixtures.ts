// Test data in the api's shapes (types.ts), for the unit tests.
import type { Alert, Device, Endpoint, Flow } from '../data/types.js';

let n = 0;

export function endpoint(ip: string, extra: Partial<Endpoint> = {}): Endpoint {
  return { ip, internal: /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip), ...extra };
}

export const BERLIN = { city: 'Berlin', country: 'DE', countryName: 'Germany', lat: 52.52, lon: 13.405 };
export const TOKYO = { city: 'Tokyo', country: 'JP', lat: 35.68, lon: 139.69 };

export function flow(src: string, dst: string, extra: Partial<Flow> = {}): Flow {
  n++;
  return {
    id: `flow-${n}`, start: new Date(1_700_000_000_000 + n * 1000).toISOString(), transport: 'tcp',
    src: endpoint(src), dst: endpoint(dst, { geo: TOKYO }), bytes: 1500, packets: 10, srcBytes: 500, dstBytes: 1000,
    final: true, ...extra,
  };
}

export function alert(id: string, extra: Partial<Alert> = {}): Alert {
  return {
    id, time: new Date(1_700_000_000_000).toISOString(), severity: 3, severityName: 'high', title: `alert ${id}`,
    acknowledged: false, ...extra,
  };
}

export function device(id: string, extra: Partial<Device> = {}): Device {
  return {
    id, ips: [], services: [], sources: [], firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-01-01T00:00:00Z',
    flows: 0, ...extra,
  };
}
