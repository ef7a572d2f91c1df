// ECS source/destination → the API's Endpoint, and which side of a conversation is inside the network.
import type { HomeNet } from '@netwatch/packet/home-net';
import type { endpoint } from '@netwatch/schemas';
import type { z } from 'zod';
import type { Endpoint, Geo } from '../contract/shapes.js';

type EcsEndpoint = z.infer<typeof endpoint>;
export type Side = 'source' | 'destination';

/**
 * Whether one side is internal. network.direction (ECS, decided by the sensor from its HOME_NET)
 * is the authority: outbound means the source is home, inbound the destination, internal both,
 * external neither. Without a usable direction the API's own HOME_NET decides from the address.
 */
export function isInternalSide(side: Side, ip: string, direction: string | undefined, homeNet: HomeNet): boolean {
  switch (direction) {
    case 'internal':
      return true;
    case 'external':
      return false;
    case 'outbound':
      return side === 'source';
    case 'inbound':
      return side === 'destination';
    default:
      return containsSafely(homeNet, ip);
  }
}

function containsSafely(homeNet: HomeNet, ip: string): boolean {
  try {
    return homeNet.containsText(ip);
  } catch {
    return false;
  }
}

/** ECS geo.* → Geo; the contract's geo needs a location (the globe places it), so without one there is none. */
export function mapGeo(geo: EcsEndpoint['geo']): Geo | undefined {
  const location = geo?.location;
  if (geo === undefined || location === undefined) return undefined;
  const out: Geo = { lat: location.lat, lon: location.lon };
  if (geo.city_name !== undefined) out.city = geo.city_name;
  if (geo.country_iso_code !== undefined) out.country = geo.country_iso_code.toUpperCase();
  if (geo.country_name !== undefined) out.countryName = geo.country_name;
  return out;
}

export function mapEndpoint(ecs: EcsEndpoint, internal: boolean): Endpoint {
  const out: Endpoint = { ip: ecs.ip, internal };
  if (ecs.port !== undefined) out.port = ecs.port;
  if (ecs.domain !== undefined) out.name = ecs.domain;
  if (ecs.mac !== undefined) out.mac = ecs.mac;
  // Kept apart from geo: a country without coordinates (a country-level database record) must still filter.
  const country = ecs.geo?.country_iso_code;
  if (country !== undefined) out.country = country.toUpperCase();
  const geo = mapGeo(ecs.geo);
  if (geo !== undefined) out.geo = geo;
  if (ecs.as !== undefined) out.as = { number: ecs.as.number, organization: ecs.as.organization.name };
  return out;
}
