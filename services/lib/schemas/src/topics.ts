// The topic registry: every netwatch topic, its schema, key rule and retention, defined once.
import type { z } from 'zod';
import { alertEvent } from './events/alert.js';
import { assetEvent } from './events/asset.js';
import { blockEvent } from './events/block.js';
import { dnsEvent } from './events/dns.js';
import { dpiEvent } from './events/dpi.js';
import { flowEvent } from './events/flow.js';
import { incidentEvent } from './events/incident.js';
import { indicatorEvent } from './events/indicator.js';
import { sensorStatsEvent } from './events/sensor-stats.js';
import { tlsEvent } from './events/tls.js';
import {
  alertKey,
  assetKey,
  blockKey,
  dnsKey,
  dpiKey,
  flowKey,
  incidentKey,
  indicatorKey,
  sensorStatsKey,
  tlsKey,
} from './keys.js';
import { defineTopic } from './topic.js';

const FLOW_KEY_RULE =
  'internal host IP: destination.ip when network.direction is inbound, else source.ip';
const CLIENT_KEY_RULE = 'client IP (source.ip)';
const ENRICHED = 'the same event after enrich added GeoIP/ASN (geo.*, as.*) and IOC matches';

// Enriched topics reuse their sensor topic's schema: enrichment only fills fields that
// are already optional there (source/destination geo and as), so one contract serves both.
export const topics = {
  flow: defineTopic({
    name: 'netwatch.flow.v1',
    schema: flowEvent,
    key: flowKey,
    keyRule: FLOW_KEY_RULE,
    retention: 'delete',
    description: 'Bidirectional flows with per-direction counters, TCP state and timing',
  }),
  dns: defineTopic({
    name: 'netwatch.dns.v1',
    schema: dnsEvent,
    key: dnsKey,
    keyRule: CLIENT_KEY_RULE,
    retention: 'delete',
    description: 'DNS transactions: question, answers, codes, latency, query-name features',
  }),
  tls: defineTopic({
    name: 'netwatch.tls.v1',
    schema: tlsEvent,
    key: tlsKey,
    keyRule: CLIENT_KEY_RULE,
    retention: 'delete',
    description: 'TLS handshakes: hellos, SNI, ALPN, JA3/JA3S/JA4, server certificate',
  }),
  asset: defineTopic({
    name: 'netwatch.asset.v1',
    schema: assetEvent,
    key: assetKey,
    keyRule: 'device IP (host.ip[0]), else its MAC (host.mac[0])',
    retention: 'delete',
    description: 'Device observations and changes from ARP, DHCP, mDNS, LLDP, CDP, SSDP, NBNS, p0f',
  }),
  alert: defineTopic({
    name: 'netwatch.alert.v1',
    schema: alertEvent,
    key: alertKey,
    keyRule: 'offending IP (netwatch.alert.offender_ip)',
    retention: 'delete',
    description: 'Alerts from netwatch detectors, Suricata and Zeek',
  }),
  dpi: defineTopic({
    name: 'netwatch.dpi.v1',
    schema: dpiEvent,
    key: dpiKey,
    keyRule: 'as flows when the record has endpoints, else tool:log_type',
    retention: 'delete',
    description: 'Non-alert Suricata EVE and Zeek records, forwarded as written',
  }),
  enrichedFlow: defineTopic({
    name: 'netwatch.enriched.flow.v1',
    schema: flowEvent,
    key: flowKey,
    keyRule: FLOW_KEY_RULE,
    retention: 'delete',
    description: `Flows: ${ENRICHED}`,
  }),
  enrichedDns: defineTopic({
    name: 'netwatch.enriched.dns.v1',
    schema: dnsEvent,
    key: dnsKey,
    keyRule: CLIENT_KEY_RULE,
    retention: 'delete',
    description: `DNS transactions: ${ENRICHED}`,
  }),
  enrichedTls: defineTopic({
    name: 'netwatch.enriched.tls.v1',
    schema: tlsEvent,
    key: tlsKey,
    keyRule: CLIENT_KEY_RULE,
    retention: 'delete',
    description: `TLS handshakes: ${ENRICHED}`,
  }),
  enrichedAlert: defineTopic({
    name: 'netwatch.alert.enriched.v1',
    schema: alertEvent,
    key: alertKey,
    keyRule: 'offending IP (netwatch.alert.offender_ip)',
    retention: 'delete',
    description: `Alerts: ${ENRICHED}`,
  }),
  incident: defineTopic({
    name: 'netwatch.incident.v1',
    schema: incidentEvent,
    key: incidentKey,
    keyRule: 'entity value (netwatch.incident.entity.value)',
    retention: 'delete',
    description: 'Incidents: alerts about one entity correlated, each update a new event',
  }),
  block: defineTopic({
    name: 'netwatch.action.block.v1',
    schema: blockEvent,
    key: blockKey,
    keyRule: 'blocked IP or CIDR (netwatch.block.target)',
    retention: 'delete',
    description: 'Block decisions: add, remove or expire, with reason and TTL',
  }),
  indicator: defineTopic({
    name: 'netwatch.intel.ioc.v1',
    schema: indicatorEvent,
    key: indicatorKey,
    keyRule: 'type:value (netwatch.indicator.type and .value)',
    retention: 'compact',
    description: 'Threat-intel indicators; compacted, the latest record per indicator wins',
  }),
  sensorStats: defineTopic({
    name: 'netwatch.sensor.stats.v1',
    schema: sensorStatsEvent,
    key: sensorStatsKey,
    keyRule: 'sensor (observer.hostname)',
    retention: 'delete',
    description: 'Per-sensor traffic figures every interval: rates, protocol mix, flows, capture drops',
  }),
} as const;

type Topics = typeof topics;
/** A topic spec from the registry (a union: each keeps its own schema and key types). */
export type AnyTopic = Topics[keyof Topics];
/** The readable registry names: `flow`, `dns`, … */
export type TopicId = keyof Topics;
/** Every topic name: `netwatch.flow.v1` | … */
export type TopicName = AnyTopic['name'];
/** The spec of the topic with that name. */
export type TopicOf<N extends TopicName> = Extract<AnyTopic, { name: N }>;
/** The event type carried on a topic. */
export type EventOf<N extends TopicName> = z.infer<TopicOf<N>['schema']>;

/** Every topic, in registry order. */
export const allTopics: readonly AnyTopic[] = Object.freeze(Object.values(topics));

const byName = new Map<string, AnyTopic>(allTopics.map((t) => [t.name, t]));
if (byName.size !== allTopics.length) throw new Error('duplicate topic name in the registry');

/** The spec of a topic by its full name; `undefined` for a name not in the registry. */
export function topicByName<N extends TopicName>(name: N): TopicOf<N>;
export function topicByName(name: string): AnyTopic | undefined;
export function topicByName(name: string): AnyTopic | undefined {
  return byName.get(name);
}

/** Whether a string is a registered topic name. */
export function isTopicName(name: string): name is TopicName {
  return byName.has(name);
}
