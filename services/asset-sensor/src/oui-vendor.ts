// MAC address → manufacturer from the IEEE registry (oui-data), loaded once on first use.
import { createRequire } from 'node:module';

/** Registry keys are upper-case hex prefixes: 9 digits (MA-S /36), 7 (MA-M /28), 6 (MA-L /24). */
const PREFIX_LENGTHS = [9, 7, 6] as const;

let registry: Readonly<Record<string, string>> | undefined;

function load(): Readonly<Record<string, string>> {
  // A 6 MB JSON read only when the first device is reported, never at import time.
  registry ??= createRequire(import.meta.url)('oui-data') as Record<string, string>;
  return registry;
}

/**
 * The organisation registered for `mac` (any separator, any case), longest prefix first, or
 * undefined. Locally administered addresses (bit 1 of the first octet, IEEE 802-2014 §8.3) are
 * random or assigned by software, so they have no manufacturer.
 */
export function macVendor(mac: string): string | undefined {
  const hex = mac.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 12) return undefined;
  if ((Number.parseInt(hex.slice(0, 2), 16) & 0x02) !== 0) return undefined;
  const entries = load();
  for (const length of PREFIX_LENGTHS) {
    const entry = entries[hex.slice(0, length)];
    // Each value is the organisation name, then its postal address on further lines.
    if (entry !== undefined) return entry.split('\n', 1)[0];
  }
  return undefined;
}
