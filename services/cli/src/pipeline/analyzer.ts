// The single list of packet analyzers `start` and `replay` run; the contract itself lives in @netwatch/packet.
import { createAssetAnalyzer } from '@netwatch/asset-sensor';
import { createCaptureAnalyzer } from '@netwatch/capture';
import { createDnsAnalyzer } from '@netwatch/dns-sensor';
import type { AnalyzerFactory } from '@netwatch/packet';
import { createTlsAnalyzer } from '@netwatch/tls-sensor';

export type { AnalyzerContext, AnalyzerFactory, PacketAnalyzer } from '@netwatch/packet';

/**
 * Every analyzer the pipeline runs, in order: flows, DNS, TLS, assets. Each sensor registers its
 * factory here and nowhere else; `start` and `replay` run them all on one source, decoding each
 * packet once. Each reads its own settings from the environment (a bad value exits 2).
 */
export const analyzerFactories: readonly AnalyzerFactory[] = [
  createCaptureAnalyzer,
  (ctx) => createDnsAnalyzer(ctx),
  (ctx) => createTlsAnalyzer(ctx),
  (ctx) => createAssetAnalyzer(ctx),
];
