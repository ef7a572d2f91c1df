// Builds the kafkajs client from netwatch's Kafka settings, with kafkajs' logs routed into pino.
import kafkajs from 'kafkajs';
import type { Logger } from '../log.js';

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly ssl?: boolean;
  readonly sasl?: {
    readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    readonly username: string;
    readonly password: string;
  };
  /** Connection timeout per broker (default 3 s). */
  readonly connectionTimeoutMs?: number;
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [kafkajs.logLevel.ERROR]: 'error',
  [kafkajs.logLevel.WARN]: 'warn',
  [kafkajs.logLevel.INFO]: 'info',
  [kafkajs.logLevel.DEBUG]: 'debug',
};

export function createKafka(connection: KafkaConnection, logger: Logger): kafkajs.Kafka {
  const log = logger.child({ component: 'kafkajs' });
  return new kafkajs.Kafka({
    brokers: [...connection.brokers],
    clientId: connection.clientId,
    ssl: connection.ssl ?? false,
    ...(connection.sasl ? { sasl: { ...connection.sasl } as kafkajs.SASLOptions } : {}),
    connectionTimeout: connection.connectionTimeoutMs ?? 3000,
    // kafkajs' INFO is chatty (one line per join); WARN and above are worth an operator's eye.
    logLevel: kafkajs.logLevel.WARN,
    logCreator:
      () =>
        ({ level, log: entry }) => {
          const { message, ...fields } = entry;
          log[levelNames[level] ?? 'info'](fields, message);
        },
  });
}
