// netwatch.incident.v1: the correlate service's state of one incident (alerts about one entity).
import { z } from 'zod';
import { eventShape } from '../base.js';
import { count, timestamp } from '../primitives.js';
import { severityLevel, severityName } from '../severity.js';

export const incidentEntityTypes = ['ip', 'host', 'domain', 'user'] as const;

export const incidentDetails = z.looseObject({
  id: z.uuidv7().describe('Stable across updates of the same incident'),
  entity: z.looseObject({ type: z.enum(incidentEntityTypes), value: z.string().min(1) }),
  alert_ids: z.array(z.uuidv7()).min(1).describe('event.id of each alert, oldest first'),
  alert_count: count.min(1),
  rule_ids: z.array(z.string()).optional(),
  first_seen: timestamp,
  last_seen: timestamp,
  severity: severityLevel.describe('Highest severity of its alerts, or raised by correlation'),
  severity_name: severityName,
  status: z.enum(['open', 'closed']),
  summary: z.string().min(1),
});

export const incidentEvent = z.looseObject(eventShape('incident', { incident: incidentDetails }));

export type IncidentEvent = z.infer<typeof incidentEvent>;
