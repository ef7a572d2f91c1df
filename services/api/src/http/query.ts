// Query parameters of the data routes, validated with zod: a bad value is a 400 naming the parameter.
import { isIP } from 'node:net';
import { severityNames } from '@netwatch/schemas';
import { z } from 'zod';
import { ApiError } from './api-error.js';

export const MAX_LIMIT = 1_000;
export const DEFAULT_LIMIT = 100;

const limit = z
  .string({ error: 'must be given once' })
  .regex(/^\d{1,7}$/, { error: `must be a whole number 1..${MAX_LIMIT}` })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: `must be 1..${MAX_LIMIT}` }).max(MAX_LIMIT, { error: `must be 1..${MAX_LIMIT}` }))
  .default(DEFAULT_LIMIT);

export const flowQuery = z.object({
  limit,
  ip: z.string({ error: 'must be given once' }).refine((v) => isIP(v) !== 0, { error: 'must be an IPv4 or IPv6 address' })
    .optional(),
  port: z.string({ error: 'must be given once' }).regex(/^\d{1,5}$/, { error: 'must be a port number 0..65535' })
    .transform(Number).pipe(z.number().max(65535, { error: 'must be a port number 0..65535' })).optional(),
  protocol: z.string({ error: 'must be given once' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,31}$/, { error: 'must be a protocol name such as dns, tls or udp' })
    .transform((v) => v.toLowerCase()).optional(),
  country: z.string({ error: 'must be given once' })
    .regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as DE' })
    .transform((v) => v.toUpperCase()).optional(),
});

export const limitQuery = z.object({ limit });

/**
 * `severity`: the least severe level to include on the events' scale (1 low … 4 critical), so
 * `severity=3` gives high and critical. A name (`high`) means the same level.
 */
export const alertQuery = z.object({
  limit,
  severity: z
    .string({ error: 'must be given once' })
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => /^[1-4]$/.test(v) || (severityNames as readonly string[]).includes(v), {
      error: `must be 1..4 or one of ${severityNames.join(', ')}`,
    })
    .transform((v) => (/^[1-4]$/.test(v) ? Number(v) : (severityNames as readonly string[]).indexOf(v) + 1))
    .optional(),
});

export const topologyQuery = z.object({
  limit: z.string({ error: 'must be given once' }).regex(/^\d{1,4}$/, { error: 'must be a whole number 1..1000' })
    .transform(Number).pipe(z.number().int().min(1, { error: 'must be 1..1000' }).max(1000, { error: 'must be 1..1000' }))
    .default(200),
});

/** Parses `query` with `schema`; the first problem becomes a 400 `invalid_query` naming its parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'query');
  throw new ApiError('invalid_query', `${name}: ${issue?.message ?? 'is invalid'}`);
}
