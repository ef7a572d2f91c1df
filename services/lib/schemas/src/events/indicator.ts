// netwatch.intel.ioc.v1: one threat-intel indicator from a feed (compacted: latest per indicator).
import { z } from 'zod';
import { eventShape } from '../base.js';
import { domainName, hexDigest, ip, ja4, timestamp } from '../primitives.js';

export const indicatorTypes = ['ip', 'domain', 'url', 'hash', 'ja3', 'ja4'] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

/**
 * Each type pins the value's canonical spelling (lowercase names and hashes), because
 * `type:value` is the message key and compaction keeps one record per key.
 */
const valueByType = {
  ip,
  domain: domainName,
  url: z.url(),
  hash: z.union([hexDigest(32), hexDigest(40), hexDigest(64)]).describe('md5, sha1 or sha256'),
  ja3: hexDigest(32),
  ja4,
} satisfies Record<IndicatorType, z.ZodType<string>>;

const common = {
  confidence: z.number().int().min(0).max(100).describe('Percent; ECS name in threat.indicator'),
  expires_at: timestamp.optional().describe('After this the indicator no longer matches'),
  revoked: z.boolean().optional().describe('The feed withdrew it'),
};

function indicatorOf<T extends IndicatorType>(type: T) {
  return z.looseObject({ type: z.literal(type), value: valueByType[type], ...common });
}

export const indicatorDetails = z.discriminatedUnion('type', [
  indicatorOf('ip'),
  indicatorOf('domain'),
  indicatorOf('url'),
  indicatorOf('hash'),
  indicatorOf('ja3'),
  indicatorOf('ja4'),
]);

/** ECS `threat.*` (ECS 8 threat fields, STIX 2.1 indicator types). */
const threat = z.looseObject({
  feed: z.looseObject({ name: z.string().min(1), reference: z.string().optional() }),
  indicator: z.looseObject({
    type: z
      .string()
      .describe('STIX 2.1 type: ipv4-addr, ipv6-addr, domain-name, url, file, x509-certificate'),
    first_seen: timestamp,
    last_seen: timestamp,
    confidence: z.enum(['Not Specified', 'None', 'Low', 'Medium', 'High']),
    provider: z.string().optional(),
    description: z.string().optional(),
    reference: z.string().optional(),
  }),
});

export const indicatorEvent = z.looseObject({
  ...eventShape('indicator', { indicator: indicatorDetails }),
  threat,
});

export type IndicatorEvent = z.infer<typeof indicatorEvent>;
