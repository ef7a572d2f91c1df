// What the runs measured, in the same terms for netwatch and tcpdump.
import type { Replay } from './replay.js';

export type Capturer = 'netwatch' | 'tcpdump';

/** Capturing while tcpreplay floods the veth at top speed. */
export interface LiveResult {
  capturer: Capturer;
  round: number;
  replay: Replay;
  /** Packets the capturer handed to its consumer (netwatch: decoded; tcpdump: written to /dev/null). */
  captured: number;
  /** pcap_stats ps_recv: packets that reached the capture socket, drops included. */
  received: number;
  /** pcap_stats ps_drop: kernel drops because the ring was full. */
  dropped: number;
  /** pcap_stats ps_ifdrop. */
  ifDropped: number;
  /** CPU seconds (user + system) of the capturing process during the run. */
  cpuSeconds: number;
  note: string;
}

/** Reading a ring the kernel filled while the capturer was paused: the capturer's own ceiling. */
export interface DrainResult {
  capturer: Capturer;
  round: number;
  /** Packets waiting in the ring when reading started. */
  packets: number;
  /** Packets the kernel dropped while filling it (the ring was too small if not 0). */
  dropped: number;
  /** From resuming the capturer to its last packet. */
  seconds: number;
  cpuSeconds: number;
}

export function dropPercent(r: LiveResult): number {
  return r.received === 0 ? 0 : (100 * r.dropped) / r.received;
}

/** Captured packets per second of tcpreplay's send time: the rate the capturer kept up with. */
export function capturedRate(r: LiveResult): number {
  return r.replay.seconds === 0 ? 0 : r.captured / r.replay.seconds;
}

export function drainRate(r: DrainResult): number {
  return r.seconds === 0 ? 0 : r.packets / r.seconds;
}
