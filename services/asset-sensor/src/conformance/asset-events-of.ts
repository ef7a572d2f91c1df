// The asset sensor over a whole capture, as `netwatch replay` runs it: every netwatch.asset.v1 event, strictly parsed.
import { MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket } from '@netwatch/packet';
import { type AssetEvent, strictParse, topics } from '@netwatch/schemas';
import { createAssetAnalyzer } from '../asset-analyzer.js';
import { type AssetStats } from '../asset-stats.js';
import { defaultAssetConfig } from '../asset-config.js';

export function assetEventsOf(pcap: string): { events: AssetEvent[]; stats: AssetStats } {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'asset-conformance', logger: silentLogger() });
  const events: AssetEvent[] = [];
  broker.tap((r) => {
    if (r.topic === topics.asset.name) events.push(strictParse(topics.asset.schema, r.value) as AssetEvent);
  });
  const analyzer = createAssetAnalyzer({ bus, observer: 'lab' }, { ...defaultAssetConfig, observer: 'lab' });
  const decoded = createDecodedPacket();
  forEachPacket(pcap, (view) => {
    analyzer.onPacket(view, decoded, decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded));
    analyzer.onTime?.(view.tsSec);
    return undefined;
  });
  analyzer.finish();
  return { events, stats: analyzer.stats };
}
