// Environment every netwatch service shares: logging, the ops HTTP server, identity, the bus.
import { hostname } from 'node:os';
import { z } from 'zod';
import { busEnvShape, checkBusEnv } from './bus-config.js';
import { port, secret } from './config.js';
import { logLevels } from './log.js';

export const serviceEnvShape = {
  ...busEnvShape,
  NETWATCH_LOG_LEVEL: z.enum(logLevels).default('info'),
  /** Where /metrics, /healthz and /readyz listen; beyond loopback needs NETWATCH_METRICS_TOKEN. */
  NETWATCH_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  NETWATCH_HTTP_PORT: port().default(9400),
  NETWATCH_METRICS_TOKEN: secret()
    .pipe(z.string().min(16, { error: 'must be at least 16 characters' }))
    .optional(),
  /** `observer.hostname` on every event this process emits. */
  NETWATCH_OBSERVER_NAME: z.string().min(1).default(hostname()),
};

export const serviceEnvSchema = z.object(serviceEnvShape).superRefine(checkBusEnv);
export type ServiceEnv = z.infer<typeof serviceEnvSchema>;
