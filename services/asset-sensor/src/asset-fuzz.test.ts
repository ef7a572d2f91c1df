// A million hostile discovery frames through the decoder and the asset analyzer: nothing throws, every event stays valid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bus } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, type PacketView } from '@netwatch/packet';
import { strictParse, topics } from '@netwatch/schemas';
import { createAssetAnalyzer } from './asset-analyzer.js';
import { defaultAssetConfig } from './asset-config.js';
import { malformedTotal } from './asset-stats.js';
import { DiscoveryFuzz } from './testing/discovery-fuzz.js';

const INPUTS = 1_000_000;

describe('asset analyzer fuzz', () => {
  it(`survives ${INPUTS} mutated discovery frames, counting what it refuses by protocol`, () => {
    let published = 0;
    let checked = 0;
    // A bus that validates every 64th event strictly and drops the rest (this measures the parsers, not the bus).
    const bus = { publish: (_topic: unknown, event: unknown) => {
      if (++published % 64 === 0) {
        strictParse(topics.asset.schema, event);
        checked++;
      }
    } } as unknown as Bus;
    const analyzer = createAssetAnalyzer({ bus, observer: 'fuzz' },
      { ...defaultAssetConfig, observer: 'fuzz', maxDevices: 5000, minEventIntervalSec: 1 }, { signatures: null });
    const fuzz = new DiscoveryFuzz(0x5eed);
    const data = Buffer.from(fuzz.buffer.buffer);
    const view: PacketView = { data, offset: 0, caplen: 0, origlen: 0, tsSec: 1_750_000_000, tsNsec: 0, linktype: 1,
      interfaceIndex: 0 };
    const decoded = createDecodedPacket();
    const started = performance.now();
    for (let i = 0; i < INPUTS; i++) {
      view.caplen = view.origlen = fuzz.next();
      if (i % 1000 === 0) view.tsSec++;
      try {
        analyzer.onPacket(view, decoded, decodePacket(data, 0, view.caplen, 1, decoded));
        if (i % 1000 === 0) analyzer.onTime?.(view.tsSec);
      } catch (cause) {
        throw new Error(`input ${i} threw: ${data.subarray(0, view.caplen).toString('hex')}`, { cause });
      }
    }
    analyzer.finish();
    const ms = performance.now() - started;
    const { stats } = analyzer;
    for (const protocol of ['dhcp', 'dhcpv6', 'lldp', 'cdp', 'ssdp', 'nbns', 'mdns', 'arp'] as const) {
      assert.ok(stats.messages[protocol] > 1000, `${protocol}: ${stats.messages[protocol]} parsed`);
      assert.ok(malformedTotal(stats, protocol) > 100, `${protocol}: ${malformedTotal(stats, protocol)} refused`);
    }
    assert.ok(analyzer.registry.size <= 5000);
    assert.ok(checked > 100, `${checked} events validated`);
    console.log(`fuzz: ${INPUTS} inputs in ${Math.round(ms)} ms, ${published} events, ${analyzer.registry.stats.evictions} ` +
      `evictions, malformed ${JSON.stringify(stats.malformed)}`);
  });
});
