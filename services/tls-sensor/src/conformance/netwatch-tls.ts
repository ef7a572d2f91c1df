// netwatch's side of the comparison: a capture file through decode + TcpStreams + the TLS analyzer, events collected.
import { MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket } from '@netwatch/packet';
import { strictParse, type TlsEvent, topics } from '@netwatch/schemas';
import { createTlsAnalyzer } from '../tls-analyzer.js';
import { defaultTlsConfig } from '../tls-config.js';
import type { TlsStats } from '../tls-stats.js';

export interface NetwatchTls {
  readonly events: TlsEvent[];
  readonly stats: TlsStats;
}

/** Every netwatch.tls.v1 event for the file, each checked strictly against the schema. */
export async function netwatchTls(path: string): Promise<NetwatchTls> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'tls-conformance', logger: silentLogger() });
  const events: TlsEvent[] = [];
  broker.tap((record) => {
    if (record.topic === topics.tls.name) events.push(strictParse(topics.tls.schema, record.value) as TlsEvent);
  });
  const analyzer = createTlsAnalyzer({ bus, observer: 'conformance' }, defaultTlsConfig);
  const decoded = createDecodedPacket();
  forEachPacket(path, (view) => {
    analyzer.onPacket(view, decoded, decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded));
    analyzer.onTime?.(view.tsSec);
    return true;
  });
  analyzer.finish();
  await bus.close();
  return { events, stats: analyzer.stats };
}
