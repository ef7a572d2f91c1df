// Environment of `netwatch service api`: where it listens, who may use it, where the site is, where the UI is.
import { port } from '@netwatch/kit';
import { homeNetEnvShape } from '@netwatch/packet/home-net';
import { z } from 'zod';
import { authEnvShape } from './auth/auth-config.js';
import type { Site } from './contract/shapes.js';

/** A decimal degree in a range, from its text. */
function degrees(limit: number) {
  return z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,3}(\.\d+)?$/, { error: 'must be decimal degrees, e.g. 52.52' })
    .transform(Number)
    .pipe(z.number().min(-limit, { error: `must be -${limit}..${limit}` }).max(limit, { error: `must be -${limit}..${limit}` }));
}

export const apiEnvShape = {
  /** Where the REST API, the live feed and the UI listen (the ops server keeps NETWATCH_HTTP_*). */
  NETWATCH_API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  NETWATCH_API_PORT: port().default(8080),
  ...authEnvShape,
  /** The built UI to serve; default: the repository's ui/dist when it exists. */
  NETWATCH_API_UI_DIR: z.string().trim().min(1).optional(),
  /** Name and location of the monitored site (GET /api/v1/site; globe arcs start there). */
  NETWATCH_SITE_NAME: z.string().trim().min(1).max(200).default('home'),
  NETWATCH_SITE_LAT: degrees(90).optional(),
  NETWATCH_SITE_LON: degrees(180).optional(),
  /** Decides internal/external for events without network.direction. */
  NETWATCH_HOME_NET: homeNetEnvShape.NETWATCH_HOME_NET,
};

export type ApiEnv = z.infer<z.ZodObject<typeof apiEnvShape>>;

export function siteFromEnv(env: Pick<ApiEnv, 'NETWATCH_SITE_NAME' | 'NETWATCH_SITE_LAT' | 'NETWATCH_SITE_LON'>): Site {
  const site: Site = { name: env.NETWATCH_SITE_NAME };
  if (env.NETWATCH_SITE_LAT !== undefined) site.lat = env.NETWATCH_SITE_LAT;
  if (env.NETWATCH_SITE_LON !== undefined) site.lon = env.NETWATCH_SITE_LON;
  return site;
}
