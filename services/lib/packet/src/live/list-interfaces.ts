// Lists the interfaces libpcap can capture on (pcap_findalldevs(3PCAP)), with their IPv4/IPv6 addresses.
import { toLiveCaptureError } from './live-capture-error.js';
import { loadAddon } from './native-addon.js';

export interface LiveInterfaceAddress {
  family: 'ipv4' | 'ipv6';
  address: string;
  netmask: string | undefined;
  broadcast: string | undefined;
  /** Peer address of a point-to-point link. */
  destination: string | undefined;
}

export interface LiveInterface {
  name: string;
  description: string | undefined;
  addresses: LiveInterfaceAddress[];
  loopback: boolean;
  up: boolean;
  running: boolean;
}

/** Every capture interface, in libpcap's order (up and running first); throws LiveCaptureError. */
export function listInterfaces(): LiveInterface[] {
  const addon = loadAddon();
  let list;
  try {
    list = addon.listInterfaces();
  } catch (err) {
    throw toLiveCaptureError(err, undefined);
  }
  return list.map((i) => ({
    name: i.name,
    description: i.description ?? undefined,
    addresses: i.addresses.map((a) => ({
      family: a.family,
      address: a.address,
      netmask: a.netmask ?? undefined,
      broadcast: a.broadcast ?? undefined,
      destination: a.destination ?? undefined,
    })),
    loopback: i.loopback,
    up: i.up,
    running: i.running,
  }));
}

/** The libpcap the addon is linked with, e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
export function libpcapVersion(): string {
  return loadAddon().libpcapVersion();
}
