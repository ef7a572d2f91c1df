// GeoIP database records to ECS geo.* and as.* (pure): the nested GeoIP2 layout and the flat ip-location-db one.
import type { autonomousSystem, geo } from '@netwatch/schemas';
import type { z } from 'zod';
import { continentOf, countryNameOf, isCountryCode } from './countries.js';
import type { MmdbLayout } from './mmdb-format.js';

/** ECS `geo.*` as the schemas package defines it. */
export type Geo = z.infer<typeof geo>;
/** ECS `as.*`. */
export type AutonomousSystem = z.infer<typeof autonomousSystem>;

type Rec = Readonly<Record<string, unknown>>;

const asRecord = (value: unknown): Rec | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Rec) : undefined;
const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
/** `names.en` of a GeoIP2 record (GeoIP2 "names" maps locale codes to names). */
const englishName = (value: unknown): string | undefined => asText(asRecord(asRecord(value)?.names)?.en);

/**
 * Coordinates rounded to 4 decimals (about 11 m): DB-IP stores float32, whose extra digits are
 * noise, and GeoIP2 city locations are accurate to kilometres at best (`accuracy_radius`).
 */
function location(lat: unknown, lon: unknown): { lat: number; lon: number } | undefined {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return undefined;
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return undefined;
  return { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
}

/** Adds the country code, name and continent when the code is an ISO 3166-1 country. */
function withCountry(out: Geo, code: string | undefined, name?: string, continent?: string): void {
  const upper = code?.toUpperCase();
  if (upper === undefined || !isCountryCode(upper)) return;
  out.country_iso_code = upper;
  const countryName = name ?? countryNameOf(upper);
  if (countryName !== undefined) out.country_name = countryName;
  const continentName = continent ?? continentOf(upper);
  if (continentName !== undefined) out.continent_name = continentName;
}

function nonEmpty(out: Geo): Geo | undefined {
  return Object.keys(out).length === 0 ? undefined : Object.freeze(out);
}

/**
 * GeoIP2 City/Country record (MaxMind's GeoIP2 City and Country record structure): city; region =
 * `subdivisions[0]` (subdivisions are listed largest first, e.g. England before a county); country —
 * or, when absent, the registered country, as for anycast and satellite ranges.
 */
export function geoFromNested(record: unknown): Geo | undefined {
  const r = asRecord(record);
  if (r === undefined) return undefined;
  const out: Geo = {};
  const city = englishName(r.city);
  if (city !== undefined) out.city_name = city;
  const country = asRecord(r.country) ?? asRecord(r.registered_country);
  withCountry(out, asText(country?.iso_code), englishName(country), englishName(r.continent));
  const subdivisions = Array.isArray(r.subdivisions) ? r.subdivisions : [];
  const region = englishName(subdivisions[0]);
  if (region !== undefined) out.region_name = region;
  const loc = asRecord(r.location);
  const point = location(loc?.latitude, loc?.longitude);
  if (point !== undefined) out.location = Object.freeze(point);
  return nonEmpty(out);
}

/** ip-location-db flat record: `country_code`, `state1` (region), `city`, `latitude`, `longitude`. */
export function geoFromFlat(record: unknown): Geo | undefined {
  const r = asRecord(record);
  if (r === undefined) return undefined;
  const out: Geo = {};
  const city = asText(r.city);
  if (city !== undefined) out.city_name = city;
  withCountry(out, asText(r.country_code));
  const region = asText(r.state1);
  if (region !== undefined) out.region_name = region;
  const point = location(r.latitude, r.longitude);
  if (point !== undefined) out.location = Object.freeze(point);
  return nonEmpty(out);
}

/** The geo of a record in either layout. */
export function geoFromRecord(record: unknown, layout: MmdbLayout): Geo | undefined {
  return layout === 'nested' ? geoFromNested(record) : geoFromFlat(record);
}

/** GeoLite2-ASN / GeoIP2-ISP / ip-location-db ASN record: `autonomous_system_number`, `_organization`. */
export function asFromRecord(record: unknown): AutonomousSystem | undefined {
  const r = asRecord(record);
  const number = r?.autonomous_system_number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) return undefined;
  return autonomousSystemOf(number, asText(r?.autonomous_system_organization) ?? '');
}

/** A frozen ECS `as` object: shared between every event that names the same system. */
export function autonomousSystemOf(number: number, organization: string): AutonomousSystem {
  return Object.freeze({ number, organization: Object.freeze({ name: organization }) });
}
