// Links from an address to its device page: the device holding that address, else the api's "ip-" + address id.
import { useCallback } from 'react';
import { useApp } from './context.js';

export function deviceIdForIp(devices: readonly { id: string; ips: string[] }[], ip: string): string {
  return devices.find((d) => d.ips.includes(ip))?.id ?? `ip-${ip}`;
}

export function useDeviceHref(): (ip: string) => string {
  const { live } = useApp();
  return useCallback(
    (ip: string) => `/devices/${encodeURIComponent(deviceIdForIp(live.devices.snapshot(), ip))}`,
    [live],
  );
}
