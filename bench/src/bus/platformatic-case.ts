// @platformatic/kafka with the kit's batching policy in front of its producer, same topic layout.
import { Consumer, Producer } from '@platformatic/kafka';
import { Batcher } from './batcher.js';
import { type Endpoint, EventSource, measureRig } from './drive.js';
import { benchEvent, benchKey, benchTopic } from './event.js';
import type { CaseResult, Compression, Plan } from './plan.js';
import { Receiver } from './receiver.js';
import type { BenchTopics } from './topics.js';

interface Outgoing {
  readonly key: Buffer;
  readonly value: Buffer;
  readonly bytes: number;
}

async function rig(plan: Plan, topics: BenchTopics, id: string, compression: Compression) {
  const topic = await topics.create(`${id}.${benchTopic.name}`);
  // Same guarantees as KafkaBus: idempotent, acks=all, one batch in flight.
  const producer = new Producer({
    clientId: 'netwatch-bench-pub',
    bootstrapBrokers: [plan.broker],
    idempotent: true,
    acks: -1,
    compression,
    autocreateTopics: false,
  });
  const batcher = new Batcher<Outgoing>(async (batch) => {
    await producer.send({
      messages: batch.map((m) => ({ topic, key: m.key, value: m.value })),
    });
  });
  const consumer = new Consumer({
    groupId: topics.group(id),
    clientId: 'netwatch-bench-sub',
    bootstrapBrokers: [plan.broker],
    // KafkaBus' consumer settings: 100 ms fetch wait, 30 s session, commit every 250 ms.
    maxWaitTime: 100,
    sessionTimeout: 30_000,
    heartbeatInterval: 3000,
    autocommit: 250,
  });
  const receiver = new Receiver();
  const joined = new Promise<void>((resolve) => consumer.once('consumer:group:join', () => resolve()));
  const stream = await consumer.consume({
    topics: [topic],
    mode: 'committed',
    fallbackMode: 'earliest',
  });
  // Parse and validate like the bus does, so the client is the only difference.
  stream.on('data', (message) => {
    const parsed = benchEvent.safeParse(JSON.parse(message.value.toString('utf8')));
    if (parsed.success) receiver.got(parsed.data.sentAt);
  });
  stream.on('error', (error) => process.stderr.write(`platformatic consumer: ${error}\n`));
  await joined;
  const endpoint: Endpoint = {
    publish: (event) => {
      const value = Buffer.from(JSON.stringify(event), 'utf8');
      batcher.enqueue({ key: Buffer.from(benchKey(event.seq)), value, bytes: value.length });
    },
    flush: () => batcher.flush(),
  };
  return {
    endpoint,
    receiver,
    source: new EventSource(plan.pads),
    close: async () => {
      await stream.close();
      await consumer.close();
      await producer.close();
    },
  };
}

export async function platformaticThroughput(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  compression: Compression,
): Promise<CaseResult> {
  return platformaticCase(plan, topics, id, compression, 'throughput');
}

export async function platformaticLatency(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  compression: Compression,
): Promise<CaseResult> {
  return platformaticCase(plan, topics, id, compression, 'latency');
}

async function platformaticCase(
  plan: Plan,
  topics: BenchTopics,
  id: string,
  compression: Compression,
  kind: 'throughput' | 'latency',
): Promise<CaseResult> {
  const measured = await measureRig(await rig(plan, topics, id, compression), plan, kind);
  return { id, label: `@platformatic/kafka ${compression}`, compression, ...measured };
}
