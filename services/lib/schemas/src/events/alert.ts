// netwatch.alert.v1: a detection from netwatch's detectors, Suricata or Zeek notices.
import { z } from 'zod';
import { eventShape } from '../base.js';
import { endpoint } from '../endpoint.js';
import { network } from '../network.js';
import { count, ip, timestamp } from '../primitives.js';
import { severityLevel, severityName } from '../severity.js';

export const alertOrigins = ['netwatch-detect', 'suricata', 'zeek'] as const;

/** ECS `rule.*`: the rule or detector that fired. */
const rule = z.looseObject({
  id: z.string().min(1).describe('Suricata sid, Zeek notice name, or netwatch rule id'),
  name: z.string().min(1),
  category: z.string().min(1),
  description: z.string().optional(),
  ruleset: z.string().optional(),
  version: z.string().optional().describe('Suricata rev'),
  reference: z.string().optional(),
});

/** What the detector measured; free-form numbers go in `metrics`. */
const evidence = z.looseObject({
  summary: z.string().min(1),
  first_seen: timestamp.optional(),
  last_seen: timestamp.optional(),
  metrics: z.record(z.string(), z.number()).optional(),
  samples: z.array(z.string()).optional().describe('A few example values, e.g. queried names'),
});

export const alertDetails = z.looseObject({
  origin: z.enum(alertOrigins),
  severity: severityLevel,
  severity_name: severityName,
  origin_severity: z.number().int().optional().describe('The tool\'s own severity code'),
  offender_ip: ip.describe('The address the alert is about; the message key'),
  victim_ip: ip.optional(),
  count: count.min(1).describe('Occurrences folded into this alert'),
  evidence: evidence.optional(),
  action: z.enum(['allowed', 'blocked']).optional().describe('Suricata alert.action'),
});

export const alertEvent = z.looseObject({
  ...eventShape('alert', { alert: alertDetails }),
  rule,
  source: endpoint.optional(),
  destination: endpoint.optional(),
  network: network.partial({ direction: true, type: true }).optional(),
});

export type AlertEvent = z.infer<typeof alertEvent>;
