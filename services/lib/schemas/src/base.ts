// The fields every event carries (ECS `@timestamp`, event.*, observer.*, related.*, tags, netwatch.*).
import { z } from 'zod';
import { count, ip, nanoseconds, timestamp } from './primitives.js';

/** ECS `event.kind` allowed values (ECS reference, "ECS Categorization Fields"). */
export const eventKinds = [
  'alert',
  'asset',
  'enrichment',
  'event',
  'metric',
  'pipeline_error',
  'signal',
  'state',
] as const;

/** ECS `event.category` allowed values. */
export const eventCategories = [
  'api',
  'authentication',
  'configuration',
  'database',
  'driver',
  'email',
  'file',
  'host',
  'iam',
  'intrusion_detection',
  'library',
  'malware',
  'network',
  'package',
  'process',
  'registry',
  'session',
  'threat',
  'vulnerability',
  'web',
] as const;

/** ECS `event.type` allowed values. */
export const eventTypes = [
  'access',
  'admin',
  'allowed',
  'change',
  'connection',
  'creation',
  'deletion',
  'denied',
  'device',
  'end',
  'error',
  'group',
  'indicator',
  'info',
  'installation',
  'protocol',
  'start',
  'user',
] as const;

/** ECS `event.*`: identity, categorization and timing of the event itself. */
export const eventMeta = z.looseObject({
  id: z.uuidv7().describe('UUIDv7 (RFC 9562 §5.7): unique, and sorts by creation time'),
  kind: z.enum(eventKinds),
  category: z.array(z.enum(eventCategories)).min(1),
  type: z.array(z.enum(eventTypes)).min(1),
  dataset: z.string().min(1).describe('Where the event comes from, e.g. `netwatch.flow`'),
  module: z.string().min(1).optional().describe('Producing tool: netwatch, suricata or zeek'),
  created: timestamp.optional().describe('When the producer first read the event'),
  ingested: timestamp.optional().describe('When the pipeline received the event'),
  duration: nanoseconds.optional().describe('end - start, in nanoseconds (ECS)'),
  start: timestamp.optional(),
  end: timestamp.optional(),
  severity: count.optional().describe('Numeric severity; alerts use 1..4 rising'),
});

/** ECS `observer.*`: the sensor box that saw the traffic. */
export const observer = z.looseObject({
  hostname: z.string().min(1),
  type: z.string().optional().describe('ECS observer type, e.g. `sensor`'),
  vendor: z.string().optional(),
  product: z.string().optional(),
  ingress: z
    .looseObject({ interface: z.looseObject({ name: z.string().min(1) }).optional() })
    .optional(),
});

/** ECS `related.*`: every IP, host name and hash in the event, for one-field pivots. */
export const related = z.looseObject({
  ip: z.array(ip).optional(),
  hosts: z.array(z.string()).optional(),
  hash: z.array(z.string()).optional(),
});

/** The version this package writes in `netwatch.schema_version`; a new version is a new topic. */
export const SCHEMA_VERSION = 1;

/**
 * The shape every event starts from. `netwatch.schema` names the event type and
 * `netwatch.<schema>` (given in `details`) holds fields ECS has no place for.
 */
export function eventShape<Schema extends string, Details extends z.core.$ZodLooseShape>(
  schema: Schema,
  details: Details,
) {
  return {
    '@timestamp': timestamp,
    event: eventMeta,
    netwatch: z.looseObject({
      schema: z.literal(schema),
      schema_version: z.literal(SCHEMA_VERSION),
      ...details,
    }),
    observer,
    related: related.optional(),
    tags: z.array(z.string()).optional(),
  };
}
