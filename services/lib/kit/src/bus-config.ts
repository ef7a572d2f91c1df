// Bus settings every service reads from the environment: which bus, and how to reach Kafka.
import { z } from 'zod';
import { bool, duration, int, list, secret } from './config.js';

/** Environment variables for the bus; every service's config schema spreads this shape. */
export const busEnvShape = {
  /** `kafka` for deployments; `memory` runs everything in one process (start, replay). */
  NETWATCH_BUS: z.enum(['memory', 'kafka']).default('kafka'),
  /** Comma-separated bootstrap brokers, host:port. */
  KAFKA_BROKERS: list().default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** Partitions for topics netwatch creates; the unit of parallelism per consumer group. */
  KAFKA_TOPIC_PARTITIONS: int(1, 1024).default(6),
  KAFKA_REPLICATION_FACTOR: int(1, 16).default(1),
  /** Prefix for every topic name, to share one cluster between installations. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  KAFKA_SSL: bool().default(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: secret().optional(),
  KAFKA_COMPRESSION: z.enum(['gzip', 'none']).default('gzip'),
  KAFKA_LINGER: duration().default(5),
  KAFKA_SESSION_TIMEOUT: duration().default(30_000),
};

/** The fields one cross-variable rule reads. */
export interface SaslFields {
  readonly KAFKA_SASL_MECHANISM?: string | undefined;
  readonly KAFKA_SASL_USERNAME?: string | undefined;
  readonly KAFKA_SASL_PASSWORD?: string | undefined;
}

/** Rules across variables; every schema that spreads `busEnvShape` adds it with `.superRefine`. */
export function checkBusEnv(env: SaslFields, ctx: z.RefinementCtx): void {
  if (env.KAFKA_SASL_MECHANISM !== undefined) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
      if (env[name] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is required when KAFKA_SASL_MECHANISM is set',
        });
    }
  }
}

export const busEnvSchema = z.object(busEnvShape).superRefine(checkBusEnv);

export type BusEnv = z.infer<typeof busEnvSchema>;
