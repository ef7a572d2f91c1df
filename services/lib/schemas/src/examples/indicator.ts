// Example netwatch.intel.ioc.v1 event: a command-and-control domain from a threat feed.
import type { IndicatorEvent } from '../events/indicator.js';
import { observer } from './common.js';

export const indicatorExample: IndicatorEvent = {
  '@timestamp': '2025-06-12T06:00:00.000Z',
  event: {
    id: '019762b9-4b00-7705-b248-1a287a153336',
    kind: 'enrichment',
    category: ['threat'],
    type: ['indicator'],
    dataset: 'netwatch.intel',
    module: 'netwatch',
  },
  netwatch: {
    schema: 'indicator',
    schema_version: 1,
    indicator: {
      type: 'domain',
      value: 'cdn-update.example.net',
      confidence: 75,
      expires_at: '2025-07-12T06:00:00.000Z',
    },
  },
  observer,
  threat: {
    feed: { name: 'example-c2-feed', reference: 'https://feeds.example.org/c2' },
    indicator: {
      type: 'domain-name',
      first_seen: '2025-06-01T00:00:00.000Z',
      last_seen: '2025-06-12T05:40:00.000Z',
      confidence: 'Medium',
      provider: 'example-c2-feed',
      description: 'Command-and-control domain of a commodity loader',
    },
  },
  tags: ['c2', 'malware'],
  related: { hosts: ['cdn-update.example.net'] },
};
