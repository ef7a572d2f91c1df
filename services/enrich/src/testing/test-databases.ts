// Tiny GeoLite2-style City and ASN databases for tests (documentation prefixes, RFC 5737 / RFC 3849), written with the test writer.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMmdb, type MmdbEntry, type MmdbValue } from './mmdb-writer.js';

/** A GeoIP2 City record (MaxMind's nested layout) for one place. */
export function cityRecord(p: {
  city: string;
  country: [code: string, name: string];
  continent: [code: string, name: string];
  region?: string;
  lat: number;
  lon: number;
}): MmdbValue {
  return {
    city: { geoname_id: 1, names: { en: p.city, de: `${p.city} (de)` } },
    continent: { code: p.continent[0], geoname_id: 2, names: { en: p.continent[1] } },
    country: { geoname_id: 3, iso_code: p.country[0], names: { en: p.country[1] } },
    location: { accuracy_radius: 20, latitude: p.lat, longitude: p.lon, time_zone: 'UTC' },
    ...(p.region === undefined ? {} : { subdivisions: [{ geoname_id: 4, iso_code: 'X', names: { en: p.region } }] }),
  };
}

export const frankfurt = cityRecord({ city: 'Frankfurt am Main', country: ['DE', 'Germany'],
  continent: ['EU', 'Europe'], region: 'Hesse', lat: 50.1109, lon: 8.6821 });
export const amsterdam = cityRecord({ city: 'Amsterdam', country: ['NL', 'Netherlands'],
  continent: ['EU', 'Europe'], region: 'North Holland', lat: 52.3676, lon: 4.9041 });
export const tokyo = cityRecord({ city: 'Tokyo', country: ['JP', 'Japan'], continent: ['AS', 'Asia'],
  lat: 35.6895, lon: 139.6917 });

/** GeoLite2-City-like: IPv6 tree with IPv4 under ::/96. 203.0.113/24 Frankfurt, 198.51.100/24 Amsterdam, 2001:db8:1::/48 Tokyo. */
export function testCityDb(overrides: { databaseType?: string; entries?: MmdbEntry[] } = {}): Buffer {
  return buildMmdb(overrides.entries ?? [
    { prefix: '203.0.113.0/24', value: frankfurt },
    { prefix: '198.51.100.0/24', value: amsterdam },
    { prefix: '2001:db8:1::/48', value: tokyo },
  ], { databaseType: overrides.databaseType ?? 'GeoLite2-City' });
}

export const asnRecord = (number: number, organization: string): MmdbValue =>
  ({ autonomous_system_number: number, autonomous_system_organization: organization });

/** GeoLite2-ASN-like: 203.0.113/24 → AS64500, 198.51.100/25 → AS64501, 2001:db8:1::/48 → AS64502. */
export function testAsnDb(): Buffer {
  return buildMmdb([
    { prefix: '203.0.113.0/24', value: asnRecord(64500, 'Example Hosting GmbH') },
    { prefix: '198.51.100.0/25', value: asnRecord(64501, 'Example Transit B.V.') },
    { prefix: '2001:db8:1::/48', value: asnRecord(64502, 'Example Japan K.K.') },
  ], { databaseType: 'GeoLite2-ASN' });
}

/** A temporary directory removed by `cleanup()`. */
export function tempDir(): { readonly dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'netwatch-enrich-'));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces `path` the way geoipupdate does: write a temporary file beside it, then rename over it. */
export function replaceFile(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}
