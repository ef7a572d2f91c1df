// Loads the pcap_live addon (native/pcap_live.c, built by scripts/build-native.mjs) and types what it exports.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LiveCaptureError } from './live-capture-error.js';

/** An open pcap_t inside the addon: a Node-API external, only meaningful to the addon. */
export type NativeHandle = { readonly __nativeHandle: unique symbol };

export interface NativeOpenOptions {
  device: string;
  filter?: string | undefined;
  snaplen: number;
  promiscuous: boolean;
  bufferSize: number;
  timeoutMs: number;
  immediate: boolean;
}

export interface NativeOpenResult {
  handle: NativeHandle;
  /** pcap_datalink(3PCAP): the LINKTYPE_* of the packets. */
  linktype: number;
  /** pcap_snapshot(3PCAP). */
  snaplen: number;
  /** Bytes of the largest record dispatch() can write (16 + snaplen rounded up to 4). */
  recordMaxBytes: number;
  timestampPrecision: 'nano' | 'micro';
  /** A pcap_activate(3PCAP) warning, or null. */
  warning: string | null;
}

export interface NativeStats {
  received: number;
  dropped: number;
  ifDropped: number;
  discarded: number;
}

export interface NativeAddress {
  family: 'ipv4' | 'ipv6';
  address: string;
  netmask: string | null;
  broadcast: string | null;
  destination: string | null;
}

export interface NativeInterface {
  name: string;
  description: string | null;
  addresses: NativeAddress[];
  loopback: boolean;
  up: boolean;
  running: boolean;
}

export interface NativeAddon {
  open(options: NativeOpenOptions): NativeOpenResult;
  /** One pcap_dispatch(3PCAP): records into `buffer`, result[0] = packets, result[1] = bytes used; returns packets. */
  dispatch(handle: NativeHandle, buffer: Buffer, maxPackets: number, result: Uint32Array): number;
  /** Calls `onReadable()` on every readiness of the capture descriptor, `onReadable(message)` if polling fails. */
  poll(handle: NativeHandle, onReadable: (pollError: string | undefined) => void): void;
  stats(handle: NativeHandle): NativeStats;
  close(handle: NativeHandle): void;
  /** pcap_inject(3PCAP): sends one link-layer frame; returns the bytes sent. */
  inject(handle: NativeHandle, frame: Uint8Array): number;
  listInterfaces(): NativeInterface[];
  libpcapVersion(): string;
}

/** Where scripts/build-native.mjs puts the addon, from dist/live/ (and src/live/) alike. */
export const ADDON_PATH = fileURLToPath(new URL('../../native/build/pcap_live.node', import.meta.url));

let addon: NativeAddon | undefined;

/** The addon, loaded once; throws LiveCaptureError `not_built` when it is missing or cannot load. */
export function loadAddon(): NativeAddon {
  if (addon !== undefined) return addon;
  try {
    addon = createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new LiveCaptureError(
      'not_built',
      undefined,
      `the live capture addon ${ADDON_PATH} is not built or cannot load (${detail}); run npm run build ` +
      '(it compiles native/pcap_live.c and needs a C compiler and libpcap-dev)',
      err,
    );
  }
  return addon;
}
