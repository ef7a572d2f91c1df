// The in-memory bus: one publisher, one consumer group, in one process (the ceiling for the bus API).
import { MemoryBroker, MemoryBus } from '@netwatch/kit';
import { type Endpoint, EventSource, pacedLatency, throughput, warmUp } from './drive.js';
import { benchTopic } from './event.js';
import { Receiver } from './receiver.js';
import type { CaseResult, Plan } from './plan.js';

export async function memoryCase(plan: Plan): Promise<CaseResult> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'bench' });
  const receiver = new Receiver();
  const source = new EventSource(plan.pads);
  await bus.subscribe(benchTopic, 'bench-memory', (event) => receiver.got(event.sentAt));
  const endpoint: Endpoint = {
    publish: (event) => bus.publish(benchTopic, event),
    flush: () => bus.flush(),
  };
  try {
    await warmUp(endpoint, receiver, source);
    const thr = await throughput(endpoint, receiver, source, plan.memoryEvents);
    const lat = await pacedLatency(endpoint, receiver, source, plan.rate, plan.latencySeconds);
    if (broker.retentionDropped > 0)
      throw new Error(`memory broker dropped ${broker.retentionDropped} unconsumed events`);
    return { id: 'memory', label: 'memory bus', compression: '-', throughput: thr, latency: lat };
  } finally {
    await bus.close();
  }
}
