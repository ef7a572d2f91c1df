// netwatch's side: a capture file read, decoded and run through the DNS analyzer on an in-memory bus.
import { MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket } from '@netwatch/packet';
import { type DnsEvent, strictParse, topics } from '@netwatch/schemas';
import { createDnsAnalyzer, type DnsAnalyzer } from '../dns-analyzer.js';
import { type DnsConfig, defaultDnsConfig } from '../dns-config.js';

export async function netwatchDns(pcap: string, config: Partial<DnsConfig> = {}):
Promise<{ events: DnsEvent[]; analyzer: DnsAnalyzer }> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'dns-conformance', logger: silentLogger() });
  const events: DnsEvent[] = [];
  broker.tap((record) => {
    const { topic, value } = record as { topic: string; value: unknown };
    if (topic === topics.dns.name) events.push(strictParse(topics.dns.schema, value));
  });
  const analyzer = createDnsAnalyzer({ bus, observer: 'lab', interfaceNames: ['cli'] },
    { ...defaultDnsConfig, observer: 'lab', ...config });
  const decoded = createDecodedPacket();
  let lastSec = -1;
  forEachPacket(pcap, (view) => {
    const error = decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded);
    analyzer.onPacket(view, decoded, error);
    if (view.tsSec !== lastSec) {
      lastSec = view.tsSec;
      analyzer.onTime?.(view.tsSec);
    }
    return true;
  });
  analyzer.finish();
  await bus.close();
  return { events, analyzer };
}
