// Options of a live capture, their defaults, and the checks that turn a bad value into a named error.
import { MAX_CAPLEN } from '../capture-types.js';
import { LiveCaptureError } from './live-capture-error.js';

export interface LiveCaptureOptions {
  /** Interface to capture on (`ip link` names; `any` for all, as cooked SLL frames). */
  interface: string;
  /** BPF filter in pcap-filter(7) syntax, run in the kernel. */
  filter?: string;
  /** Bytes kept of each packet (default 262144, libpcap's maximum, as tcpdump). */
  snaplen?: number;
  /** Promiscuous mode (default true). Needs CAP_NET_ADMIN as well as CAP_NET_RAW. */
  promiscuous?: boolean;
  /** Kernel ring buffer size in bytes (default 64 MiB); drops start when it fills. */
  bufferSizeBytes?: number;
  /**
   * Packet buffer timeout in ms (default 50): a partly filled ring block is handed over after
   * at most this long, so it bounds latency at low rates (pcap_set_timeout(3PCAP)).
   */
  timeoutMs?: number;
  /** Deliver every packet as it arrives (default false): more wake-ups, less latency (pcap_set_immediate_mode(3PCAP)). */
  immediate?: boolean;
  /** Stamped into every PacketView.interfaceIndex, so several captures can share one consumer (default 0). */
  interfaceIndex?: number;
  /** Size of the JS buffer one batch is copied into (default 8 MiB; at least two records of snaplen). */
  batchBytes?: number;
}

export type ResolvedLiveCaptureOptions = Required<Omit<LiveCaptureOptions, 'filter'>> & { filter: string | undefined };

export const LIVE_CAPTURE_DEFAULTS = {
  snaplen: MAX_CAPLEN,
  promiscuous: true,
  bufferSizeBytes: 64 * 1024 * 1024,
  timeoutMs: 50,
  immediate: false,
  interfaceIndex: 0,
  batchBytes: 8 * 1024 * 1024,
} as const;

/** Bytes one record of `caplen` bytes takes in a batch: 16-byte header, data padded to 4. */
export function recordBytes(caplen: number): number {
  return 16 + ((caplen + 3) & ~3);
}

function integer(name: string, iface: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new LiveCaptureError(
      'invalid_option',
      iface,
      `${iface}: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/** Fill in defaults and check ranges; throws LiveCaptureError `invalid_option`. */
export function resolveLiveCaptureOptions(options: LiveCaptureOptions): ResolvedLiveCaptureOptions {
  const iface = options.interface;
  if (typeof iface !== 'string' || iface === '') {
    throw new LiveCaptureError('invalid_option', undefined, 'live capture needs an interface name');
  }
  const d = LIVE_CAPTURE_DEFAULTS;
  const snaplen = integer('snaplen', iface, options.snaplen ?? d.snaplen, 1, MAX_CAPLEN);
  const minBatch = 2 * recordBytes(snaplen);
  return {
    interface: iface,
    filter: options.filter,
    snaplen,
    promiscuous: options.promiscuous ?? d.promiscuous,
    bufferSizeBytes: integer('bufferSizeBytes', iface, options.bufferSizeBytes ?? d.bufferSizeBytes, 65536, 2 ** 31 - 1),
    // pcap_set_timeout(3PCAP): zero or negative is undefined behaviour, so 1 ms is the floor.
    timeoutMs: integer('timeoutMs', iface, options.timeoutMs ?? d.timeoutMs, 1, 60_000),
    immediate: options.immediate ?? d.immediate,
    interfaceIndex: integer('interfaceIndex', iface, options.interfaceIndex ?? d.interfaceIndex, 0, 2 ** 31 - 1),
    batchBytes: integer('batchBytes', iface, options.batchBytes ?? Math.max(d.batchBytes, minBatch), minBatch, 2 ** 30),
  };
}
