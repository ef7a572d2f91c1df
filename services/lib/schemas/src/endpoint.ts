// ECS source.* / destination.*: one side of a conversation, with optional GeoIP/ASN enrichment.
import { z } from 'zod';
import { count, ip, mac, port } from './primitives.js';

/** ECS `geo.*`, filled by the enrich service from a GeoIP database. */
export const geo = z.looseObject({
  city_name: z.string().optional(),
  continent_name: z.string().optional(),
  country_iso_code: z.string().length(2).optional().describe('ISO 3166-1 alpha-2'),
  country_name: z.string().optional(),
  region_name: z.string().optional(),
  name: z.string().optional().describe('User-defined location name: the sensor site for internal addresses'),
  location: z
    .looseObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
});

/** ECS `as.*`: the autonomous system announcing the address. */
export const autonomousSystem = z.looseObject({
  number: z.number().int().nonnegative(),
  organization: z.looseObject({ name: z.string() }),
});

/**
 * ECS `source` / `destination`. `bytes` and `packets` count what this side *sent* (ECS).
 * `port` is absent for protocols without ports (ICMP keeps type/code in netwatch.flow.icmp).
 */
export const endpoint = z.looseObject({
  ip,
  port: port.optional(),
  mac: mac.optional(),
  bytes: count.optional(),
  packets: count.optional(),
  domain: z.string().optional().describe('Name the address was resolved or seen as'),
  geo: geo.optional(),
  as: autonomousSystem.optional(),
});

/** An endpoint of a TCP/UDP conversation, where the port is always known (DNS, TLS). */
export const portEndpoint = endpoint.extend({ port });
