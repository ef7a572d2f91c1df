// netwatch's KafkaBus (kafkajs + the kit's batching producer) on the local broker.
import { createLogger, KafkaBus, type KafkaBusOptions } from '@netwatch/kit';
import { EventSource, measureRig, type Rig } from './drive.js';
import { benchTopic } from './event.js';
import type { CaseResult, Compression, Plan } from './plan.js';
import { Receiver } from './receiver.js';
import { PARTITIONS, type BenchTopics } from './topics.js';

export type ProducerSettings = NonNullable<KafkaBusOptions['producer']>;

/**
 * A publishing bus and a separate consuming bus (as two services would be), the consumer
 * subscribed and joined before anything is published. The topic is created up front.
 */
async function rig(plan: Plan, topics: BenchTopics, id: string, producer: ProducerSettings) {
  const prefix = `${topics.prefix}${id}.`;
  await topics.create(`${id}.${benchTopic.name}`);
  const options = (service: string): KafkaBusOptions => ({
    service,
    connection: { brokers: [plan.broker], clientId: `netwatch-${service}` },
    topics: { partitions: PARTITIONS, replicationFactor: 1 },
    producer,
    topicPrefix: prefix,
    logger: createLogger(service, 'warn'),
  });
  const publisher = await KafkaBus.connect(options('bench-pub'));
  const consumer = await KafkaBus.connect(options('bench-sub'));
  const receiver = new Receiver();
  await consumer.subscribe(benchTopic, topics.group(id), (event) => receiver.got(event.sentAt));
  const result: Rig = {
    endpoint: {
      publish: (event) => publisher.publish(benchTopic, event),
      flush: () => publisher.flush(),
    },
    receiver,
    source: new EventSource(plan.pads),
    close: async () => {
      await consumer.close();
      await publisher.close();
    },
  };
  return result;
}

export async function kafkaBusThroughput(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  producer: ProducerSettings,
): Promise<CaseResult> {
  return kafkaBusCase(plan, topics, id, producer, 'throughput');
}

export async function kafkaBusLatency(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  producer: ProducerSettings,
): Promise<CaseResult> {
  return kafkaBusCase(plan, topics, id, producer, 'latency');
}

async function kafkaBusCase(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  producer: ProducerSettings,
  kind: 'throughput' | 'latency',
): Promise<CaseResult> {
  const compression: Compression = producer.compression ?? 'gzip';
  const measured = await measureRig(await rig(plan, topics, id, producer), plan, kind);
  return { id, label: `KafkaBus ${compression}`, compression, ...measured };
}

/**
 * Publish + flush with no consumer at all: the producer side's own ceiling. Events stay under
 * the bus' 200 000-event buffer, so nothing is dropped.
 */
export async function kafkaBusProduceOnly(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  producer: ProducerSettings,
): Promise<number> {
  const events = Math.min(plan.events, 150_000);
  await topics.create(`${id}.${benchTopic.name}`);
  const bus = await KafkaBus.connect({
    service: 'bench-pub',
    connection: { brokers: [plan.broker], clientId: 'netwatch-bench-pub' },
    topics: { partitions: PARTITIONS, replicationFactor: 1 },
    producer,
    topicPrefix: `${topics.prefix}${id}.`,
    logger: createLogger('bench-pub', 'warn'),
  });
  try {
    const source = new EventSource(plan.pads);
    for (let i = 0; i < 2000; i++) bus.publish(benchTopic, source.next());
    await bus.flush();
    const start = performance.now();
    for (let sent = 0; sent < events;) {
      const end = Math.min(events, sent + 1000);
      for (; sent < end; sent++) bus.publish(benchTopic, source.next());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await bus.flush();
    return events / ((performance.now() - start) / 1000);
  } finally {
    await bus.close();
  }
}
