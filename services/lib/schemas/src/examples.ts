// One realistic valid event per topic, for tests here and in other packages (e.g. bus contract tests).
import { alertExample, suricataAlertEnrichedExample } from './examples/alert.js';
import { assetExample } from './examples/asset.js';
import { blockExample } from './examples/block.js';
import { webServerGeo } from './examples/common.js';
import { dnsExample } from './examples/dns.js';
import { dpiExample } from './examples/dpi.js';
import { flowExample } from './examples/flow.js';
import { incidentExample } from './examples/incident.js';
import { indicatorExample } from './examples/indicator.js';
import { sensorStatsExample } from './examples/sensor-stats.js';
import { tlsExample } from './examples/tls.js';
import type { EventOf, TopicName } from './topics.js';

/** The same event after enrich: the remote side gains geo/as, the event an ingest time. */
function enriched<E extends { event: object; destination: object }>(example: E): E {
  return {
    ...example,
    event: { ...example.event, ingested: '2025-06-12T09:21:05.000Z' },
    destination: { ...example.destination, ...webServerGeo },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Example event per topic name; deep-frozen: use `exampleFor` for a copy you may change. */
export const examples: { readonly [N in TopicName]: EventOf<N> } = deepFreeze({
  'netwatch.flow.v1': flowExample,
  'netwatch.dns.v1': dnsExample,
  'netwatch.tls.v1': tlsExample,
  'netwatch.asset.v1': assetExample,
  'netwatch.alert.v1': alertExample,
  'netwatch.dpi.v1': dpiExample,
  'netwatch.enriched.flow.v1': enriched(flowExample),
  'netwatch.enriched.dns.v1': {
    ...dnsExample,
    event: { ...dnsExample.event, ingested: '2025-06-12T09:21:05.000Z' },
  },
  'netwatch.enriched.tls.v1': enriched(tlsExample),
  'netwatch.alert.enriched.v1': suricataAlertEnrichedExample,
  'netwatch.incident.v1': incidentExample,
  'netwatch.action.block.v1': blockExample,
  'netwatch.intel.ioc.v1': indicatorExample,
  'netwatch.sensor.stats.v1': sensorStatsExample,
});

/** A mutable deep copy of a topic's example event. */
export function exampleFor<N extends TopicName>(name: N): EventOf<N> {
  return structuredClone(examples[name]) as EventOf<N>;
}
