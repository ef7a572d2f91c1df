// Public API of @netwatch/schemas: event contracts, the topic registry and the shared id functions.

export {
  eventCategories,
  eventKinds,
  eventMeta,
  eventShape,
  eventTypes,
  observer,
  related,
  SCHEMA_VERSION,
} from './base.js';
export {
  communityId,
  communityIdFromBytes,
  type IcmpPorts,
  IPPROTO,
  icmpPorts,
} from './community-id.js';
export { autonomousSystem, endpoint, geo, portEndpoint } from './endpoint.js';
export { type AlertEvent, alertDetails, alertEvent, alertOrigins } from './events/alert.js';
export { type AssetEvent, assetDetails, assetEvent, assetSources } from './events/asset.js';
export { type BlockEvent, blockActions, blockDetails, blockEvent } from './events/block.js';
export { type DnsEvent, dnsDetails, dnsEvent, dnsHeaderFlags } from './events/dns.js';
export { type DpiEvent, dpiDetails, dpiEvent, dpiTools } from './events/dpi.js';
export {
  connStates,
  exportReasons,
  type FlowEvent,
  flowDetails,
  flowEvent,
  tcpFlagNames,
  tcpFlagsToNames,
} from './events/flow.js';
export {
  type IncidentEvent,
  incidentDetails,
  incidentEntityTypes,
  incidentEvent,
} from './events/incident.js';
export {
  type IndicatorEvent,
  type IndicatorType,
  indicatorDetails,
  indicatorEvent,
  indicatorTypes,
} from './events/indicator.js';
export { type SensorStatsEvent, sensorStatsDetails, sensorStatsEvent } from './events/sensor-stats.js';
export { type TlsEvent, tlsDetails, tlsEvent } from './events/tls.js';
export { exampleFor, examples } from './examples.js';
export { canonicalIp, formatIp, parseIp } from './ip-bytes.js';
export { EVENT_DOCS_DIR, renderEventDocs, topicJsonSchema } from './json-schema.js';
export {
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
export { directions, network } from './network.js';
export {
  cidr,
  communityIdString,
  count,
  domainName,
  hexDigest,
  ip,
  ja4,
  mac,
  nanoseconds,
  normalizeMac,
  port,
  timestamp,
  uint8,
  uint16,
} from './primitives.js';
export {
  fromSuricataSeverity,
  nameOfSeverity,
  type SeverityName,
  severityLevel,
  severityName,
  severityNames,
} from './severity.js';
export { deepStrict, strictParse, strictSafeParse } from './strict.js';
export { defineTopic, dlqTopicName, type Retention, type TopicSpec } from './topic.js';
export {
  type AnyTopic,
  allTopics,
  type EventOf,
  isTopicName,
  type TopicId,
  type TopicName,
  type TopicOf,
  topicByName,
  topics,
} from './topics.js';
export { createUuidV7Generator, isUuidV7, type UuidV7Options, uuidV7Time, uuidv7 } from './uuid.js';
