// The packet-analyzer contract: sensors attach analyzers to one packet source, each publishes what it learns.
import type { Bus, Metrics } from '@netwatch/kit';
import type { DecodedPacket } from './decode/decoded-packet.js';
import type { PacketView } from './packet-view.js';

/** What an analyzer gets when it is created: where to publish and who is observing. */
export interface AnalyzerContext {
  readonly bus: Bus;
  /** ECS observer.hostname of every event. */
  readonly observer: string;
  /** Interface names by `PacketView.interfaceIndex`, for observer.ingress.interface.name. */
  readonly interfaceNames?: readonly string[];
  /** The process's Prometheus registry, for analyzers that expose their own figures. */
  readonly metrics?: Metrics;
  /** Kernel capture counters per live interface (absent when reading a file). */
  readonly captureStats?: () => readonly InterfaceCaptureStats[];
}

/** libpcap's pcap_stats for one interface, cumulative since it was opened. */
export interface InterfaceCaptureStats {
  readonly name: string;
  readonly received: number;
  readonly dropped: number;
  readonly ifDropped: number;
}

/**
 * One analyzer (flows, DNS, TLS, assets…). The loop decodes each packet once and hands every
 * analyzer the same view and decoded record. `onPacket` runs on the hot path: it must not
 * allocate per packet, throw, or do I/O; it publishes through the bus, which batches.
 * `decodeError` is the `DecodeError` code (0 none): fields decoded before the error stay valid.
 */
export interface PacketAnalyzer {
  readonly name: string;
  onPacket(view: PacketView, packet: DecodedPacket, decodeError: number): void;
  /** Called as capture time advances (packet timestamps, not wall time), for timeouts. */
  onTime?(tsSec: number): void;
  /** End of input: emit whatever is still open (final flow records, unanswered queries). */
  finish(): void;
}

export type AnalyzerFactory = (ctx: AnalyzerContext) => PacketAnalyzer;
