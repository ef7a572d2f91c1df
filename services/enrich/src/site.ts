// The sensor's own site: where internal (HOME_NET) addresses are placed on the map.
import { geo as geoSchema } from '@netwatch/schemas';
import type { Geo } from './geo/geo-record.js';

export interface SiteConfig {
  /** NETWATCH_SITE_NAME: ECS `geo.name`, "user-defined description of a location". */
  readonly name: string;
  /** NETWATCH_SITE_LAT / NETWATCH_SITE_LON; without them internal addresses get no geo. */
  readonly lat?: number | undefined;
  readonly lon?: number | undefined;
}

/**
 * Whether the event contract lists `geo.name`. ECS has it, but `@netwatch/schemas`' `geo` does
 * not yet, and producers must pass the contract strictly; the name is written once it is added.
 */
export const contractHasGeoName = 'name' in geoSchema.shape;

/** The geo internal addresses get: the site's location (and name), or undefined when no location is set. */
export function siteGeo(site: SiteConfig, withName: boolean = contractHasGeoName): Geo | undefined {
  if (site.lat === undefined || site.lon === undefined) return undefined;
  const location = Object.freeze({ lat: site.lat, lon: site.lon });
  return Object.freeze(withName ? { name: site.name, location } : { location });
}
