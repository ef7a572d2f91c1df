// Prometheus metrics: one registry per process, and the per-topic event counters every service shares.
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface BusMetrics {
  /** Events taken off a topic and handed to a handler. */
  readonly received: Counter<'topic' | 'group'>;
  /** Events accepted by the broker (Kafka) or appended to the log (memory). */
  readonly sent: Counter<'topic'>;
  /** Events that could not be sent, or whose handler failed (each failure, retries included). */
  readonly failed: Counter<'topic' | 'stage'>;
  /** Events deliberately dropped: invalid (to the DLQ), or no room in a full publish buffer. */
  readonly discarded: Counter<'topic' | 'reason'>;
  /** Events written to a dead-letter topic. */
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly publishBatchSize: Histogram<'bus'>;
  readonly handlerSeconds: Histogram<'topic'>;
}

export interface Metrics {
  readonly registry: Registry;
  readonly bus: BusMetrics;
}

/** A fresh registry with default process metrics and the bus counters, labelled by service. */
export function createMetrics(
  service: string,
  options: { processMetrics?: boolean } = {},
): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.processMetrics ?? true)
    collectDefaultMetrics({ register: registry, prefix: 'netwatch_' });
  const registers = [registry];
  const bus: BusMetrics = {
    received: new Counter({
      name: 'netwatch_events_received_total',
      help: 'Events consumed from a topic and handed to a handler',
      labelNames: ['topic', 'group'],
      registers,
    }),
    sent: new Counter({
      name: 'netwatch_events_sent_total',
      help: 'Events published to a topic and accepted by the bus',
      labelNames: ['topic'],
      registers,
    }),
    failed: new Counter({
      name: 'netwatch_events_failed_total',
      help: 'Events whose publish or handling failed (stage=publish|handle)',
      labelNames: ['topic', 'stage'],
      registers,
    }),
    discarded: new Counter({
      name: 'netwatch_events_discarded_total',
      help: 'Events dropped on purpose (reason=invalid|handler_failed|buffer_full|too_large)',
      labelNames: ['topic', 'reason'],
      registers,
    }),
    deadLettered: new Counter({
      name: 'netwatch_events_dead_lettered_total',
      help: 'Events written to this service dead-letter topic, by original topic and reason',
      labelNames: ['topic', 'reason'],
      registers,
    }),
    publishBatchSize: new Histogram({
      name: 'netwatch_bus_publish_batch_events',
      help: 'Events per batch sent to the bus',
      labelNames: ['bus'],
      buckets: [1, 4, 16, 64, 256, 1024, 4096, 16384],
      registers,
    }),
    handlerSeconds: new Histogram({
      name: 'netwatch_bus_handler_duration_seconds',
      help: 'Time a handler took for one event',
      labelNames: ['topic'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
  };
  return { registry, bus };
}
