// Batching in front of kafkajs: linger, bounded buffer, one send in flight, retry without loss.
import kafkajs from 'kafkajs';
import { describeError, NetwatchError } from '../errors.js';
import type { Logger } from '../log.js';
import type { BusMetrics } from '../metrics.js';

export interface ProducerSettings {
  /** Wait this long for more events before sending a batch (default 5 ms). */
  readonly lingerMs?: number;
  /** Send as soon as this many events are queued (default 2000). */
  readonly batchMaxEvents?: number;
  /** Upper bound on the uncompressed bytes of one send (default 4 MiB). */
  readonly batchMaxBytes?: number;
  /** Events held while Kafka is slow or down before new ones are dropped (default 200 000). */
  readonly bufferMaxEvents?: number;
  readonly compression?: 'gzip' | 'none';
}

interface Queued {
  readonly topic: string;
  readonly label: string;
  readonly message: kafkajs.Message;
  readonly bytes: number;
}

export class BatchingProducer {
  private queue: Queued[] = [];
  private queuedBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private drainedWaiters: Array<() => void> = [];
  private readonly lingerMs: number;
  private readonly batchMaxEvents: number;
  private readonly batchMaxBytes: number;
  private readonly bufferMaxEvents: number;
  private readonly compression: kafkajs.CompressionTypes;
  private failures = 0;

  constructor(
    private readonly producer: kafkajs.Producer,
    private readonly ensureTopic: (topic: string) => Promise<void>,
    private readonly metrics: BusMetrics,
    private readonly logger: Logger,
    settings: ProducerSettings = {},
  ) {
    this.lingerMs = settings.lingerMs ?? 5;
    this.batchMaxEvents = settings.batchMaxEvents ?? 2000;
    this.batchMaxBytes = settings.batchMaxBytes ?? 4 * 1024 * 1024;
    this.bufferMaxEvents = settings.bufferMaxEvents ?? 200_000;
    this.compression =
      (settings.compression ?? 'gzip') === 'gzip'
        ? kafkajs.CompressionTypes.GZIP
        : kafkajs.CompressionTypes.None;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(topic: string, label: string, message: kafkajs.Message): void {
    if (this.queue.length >= this.bufferMaxEvents) {
      this.metrics.discarded.inc({ topic: label, reason: 'buffer_full' });
      return;
    }
    const bytes = (message.value as Buffer | null)?.length ?? 0;
    this.queue.push({ topic, label, message, bytes });
    this.queuedBytes += bytes;
    if (this.sending !== null) return; // the running send loop picks it up
    if (this.queue.length >= this.batchMaxEvents || this.queuedBytes >= this.batchMaxBytes)
      this.kick();
    else if (this.timer === null) this.timer = setTimeout(() => this.kick(), this.lingerMs);
  }

  private kick(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.sending === null) {
      this.sending = this.sendLoop().finally(() => {
        this.sending = null;
        if (this.queue.length > 0) this.kick();
      });
    }
  }

  /** Sends batch after batch until the queue is empty; a failed batch goes back to the front. */
  private async sendLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      try {
        const topics = new Map<string, kafkajs.Message[]>();
        for (const item of batch) {
          const list = topics.get(item.topic);
          if (list === undefined) topics.set(item.topic, [item.message]);
          else list.push(item.message);
        }
        await Promise.all([...topics.keys()].map((t) => this.ensureTopic(t)));
        await this.producer.sendBatch({
          acks: -1,
          compression: this.compression,
          topicMessages: [...topics].map(([topic, messages]) => ({ topic, messages })),
        });
        this.failures = 0;
        this.metrics.publishBatchSize.observe({ bus: 'kafka' }, batch.length);
        for (const item of batch) this.metrics.sent.inc({ topic: item.label });
      } catch (error) {
        this.failures++;
        for (const item of batch) this.metrics.failed.inc({ topic: item.label, stage: 'publish' });
        this.queue = batch.concat(this.queue);
        this.queuedBytes += batch.reduce((sum, item) => sum + item.bytes, 0);
        const delay = Math.min(100 * 2 ** this.failures, 10_000);
        this.logger.warn(
          { err: describeError(error), events: batch.length, retryInMs: delay },
          'Kafka send failed; will retry',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    const waiters = this.drainedWaiters;
    this.drainedWaiters = [];
    for (const wake of waiters) wake();
  }

  private takeBatch(): Queued[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < this.batchMaxEvents) {
      const next = (this.queue[count] as Queued).bytes;
      if (count > 0 && bytes + next > this.batchMaxBytes) break;
      bytes += next;
      count++;
    }
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    this.queuedBytes -= bytes;
    return batch;
  }

  /** Resolves when every queued event was acknowledged by the brokers (acks=all). */
  async flush(timeoutMs = 30_000): Promise<void> {
    if (this.queue.length === 0 && this.sending === null) return;
    const drained = new Promise<void>((resolve) => this.drainedWaiters.push(resolve));
    this.kick();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new NetwatchError(
              'bus_unavailable',
              `Kafka did not accept ${this.queue.length} queued events within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([drained, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
