// Alert severity on the schemas package's scale (services/lib/schemas/src/severity.ts): 1 low … 4 critical.
import type { SeverityName, severityNames } from '@netwatch/schemas/severity';

/**
 * The schema's names in the schema's order (index + 1 = level). Typed as the schema's own tuple, so a change
 * there fails this build instead of silently mislabelling alerts; imported as a type, so no zod in the bundle.
 */
export const SEVERITY_NAMES: typeof severityNames = ['low', 'medium', 'high', 'critical'];
export type { SeverityName };

/** Colours from critical red to low blue (the globe's rings and points, badges). */
export const SEVERITY_COLORS: Record<SeverityName, string> = {
  critical: '#ff3b3b',
  high: '#ff9f1a',
  medium: '#ffd43b',
  low: '#4dabf7',
};

export function isSeverityName(value: string | undefined): value is SeverityName {
  return value !== undefined && (SEVERITY_NAMES as readonly string[]).includes(value);
}

/** The name, trusting the api's name first and its number (schema scale) second; unknown reads as low. */
export function severityNameOf(name: string | undefined, level: number | undefined): SeverityName {
  const lower = name?.toLowerCase();
  if (isSeverityName(lower)) return lower;
  if (level !== undefined && Number.isInteger(level)) {
    const byLevel = SEVERITY_NAMES[level - 1];
    if (byLevel !== undefined) return byLevel;
  }
  return 'low';
}

export function severityLevelOf(name: SeverityName): number {
  return SEVERITY_NAMES.indexOf(name) + 1;
}
