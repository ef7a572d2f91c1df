// The services `netwatch service NAME` can run: each service's issue registers its definition here, once.
import type { ServiceDefinition } from '@netwatch/kit';
import type { z } from 'zod';

/** Loaded lazily so one service's dependencies are not imported by another. */
export const serviceRegistry: Readonly<
  Record<string, () => Promise<ServiceDefinition<z.ZodRawShape>>>
> = {};
