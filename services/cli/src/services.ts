// The services `netwatch service NAME` can run: each service's issue registers its definition here, once.
import type { ServiceDefinition } from '@netwatch/kit';
import type { z } from 'zod';

/** Loaded lazily so one service's dependencies are not imported by another. */
export const serviceRegistry: Readonly<
  Record<string, () => Promise<ServiceDefinition<z.ZodRawShape>>>
> = {
  capture: async () => (await import('@netwatch/capture')).captureService as ServiceDefinition<z.ZodRawShape>,
  'dns-sensor': async () => (await import('@netwatch/dns-sensor')).dnsSensorService as ServiceDefinition<z.ZodRawShape>,
  'tls-sensor': async () => (await import('@netwatch/tls-sensor')).tlsSensorService as ServiceDefinition<z.ZodRawShape>,
  'asset-sensor': async () =>
    (await import('@netwatch/asset-sensor')).assetSensorService as ServiceDefinition<z.ZodRawShape>,
  enrich: async () => (await import('@netwatch/enrich')).enrichService as ServiceDefinition<z.ZodRawShape>,
  api: async () => (await import('@netwatch/api')).apiService as ServiceDefinition<z.ZodRawShape>,
};
