// Builds the bus a service's environment asks for: Kafka, or a view over a shared in-memory broker.

import { KafkaBus } from './bus/kafka-bus.js';
import { MemoryBroker } from './bus/memory-broker.js';
import { MemoryBus } from './bus/memory-bus.js';
import type { Bus } from './bus/types.js';
import type { BusEnv } from './bus-config.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';

/** One broker per process: every service started in it shares the same topics. */
let processBroker: MemoryBroker | undefined;

export function sharedMemoryBroker(): MemoryBroker {
  processBroker ??= new MemoryBroker();
  return processBroker;
}

export async function createBus(
  env: BusEnv,
  service: string,
  metrics: Metrics,
  logger: Logger,
  broker: MemoryBroker = sharedMemoryBroker(),
): Promise<Bus> {
  if (env.NETWATCH_BUS === 'memory') {
    return new MemoryBus({
      broker,
      service,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      metrics: metrics.bus,
      logger,
    });
  }
  return KafkaBus.connect({
    service,
    connection: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID ?? `netwatch-${service}`,
      ssl: env.KAFKA_SSL,
      ...(env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
        ? {
            sasl: {
              mechanism: env.KAFKA_SASL_MECHANISM,
              username: env.KAFKA_SASL_USERNAME,
              password: env.KAFKA_SASL_PASSWORD,
            },
          }
        : {}),
    },
    topics: {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    },
    producer: { compression: env.KAFKA_COMPRESSION, lingerMs: env.KAFKA_LINGER },
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT,
    metrics: metrics.bus,
    logger,
  });
}
