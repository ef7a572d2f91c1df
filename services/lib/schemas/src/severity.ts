// Severity on alerts and incidents: a number 1..4 (rising) kept beside its readable name.
import { z } from 'zod';

/**
 * netwatch severities rise with the number, like ECS `event.severity`. Suricata's are
 * the other way round (1 is the most severe); forwarders map them with `fromSuricataSeverity`.
 */
export const severityNames = ['low', 'medium', 'high', 'critical'] as const;
export type SeverityName = (typeof severityNames)[number];

export const severityLevel = z.number().int().min(1).max(4);
export const severityName = z.enum(severityNames);

/** The readable name of a severity level 1..4. */
export function nameOfSeverity(level: number): SeverityName {
  const name = severityNames[level - 1];
  if (name === undefined) throw new RangeError(`severity must be 1..4, got ${level}`);
  return name;
}

/** Suricata `alert.severity` (1 = high … 3 = low, 4+ rare) to the netwatch scale. */
export function fromSuricataSeverity(suricata: number): number {
  if (suricata <= 1) return 3;
  if (suricata === 2) return 2;
  return 1;
}
