// The packet-analyzer contract: sensors attach analyzers to one packet source, each publishes what it learns.
import type { Bus } from '@netwatch/kit';
import type { PacketView } from '@netwatch/packet';

/** What an analyzer gets when it is created: where to publish and who is observing. */
export interface AnalyzerContext {
  readonly bus: Bus;
  readonly observer: string;
}

/**
 * One analyzer (flows, DNS, TLS, assets…). `onPacket` runs on the hot path for every packet: it
 * must not allocate per packet, throw, or do I/O; it publishes through the bus, which batches.
 */
export interface PacketAnalyzer {
  readonly name: string;
  onPacket(packet: PacketView): void;
  /** Called as capture time advances (packet timestamps, not wall time), for timeouts. */
  onTime?(tsSec: number): void;
  /** End of input: emit whatever is still open (final flow records, unanswered queries). */
  finish(): void;
}

export type AnalyzerFactory = (ctx: AnalyzerContext) => PacketAnalyzer;

/**
 * Every analyzer the pipeline runs, in order. Each sensor issue registers its factory here and
 * nowhere else; `start` and `replay` run them all on one source.
 */
export const analyzerFactories: readonly AnalyzerFactory[] = [];
