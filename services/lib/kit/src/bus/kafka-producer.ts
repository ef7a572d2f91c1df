// Batching in front of kafkajs: linger, bounded buffer, one send in flight, retry without loss.
import kafkajs from 'kafkajs';
import { describeError, NetwatchError } from '../errors.js';
import { withTimeout } from '../timeout.js';
import type { Logger } from '../log.js';
import type { BusMetrics } from '../metrics.js';

export interface ProducerSettings {
  /** Wait this long for more events before sending a batch (default 5 ms). */
  readonly lingerMs?: number;
  /** Send as soon as this many events are queued (default 2000). */
  readonly batchMaxEvents?: number;
  /**
   * Upper bound on the uncompressed bytes of one send (default 900 KiB): below the broker's
   * default `message.max.bytes` (1 MB) even when one partition gets the whole batch.
   */
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
  /**
   * Events per batch after the broker refused one as too large: halved on each refusal, doubled
   * back towards batchMaxEvents after every 100 accepted sends.
   */
  private adaptiveLimit = Number.POSITIVE_INFINITY;
  private acceptedSinceShrink = 0;

  private producer: kafkajs.Producer;
  private stopped = false;

  constructor(
    /** Makes a (not yet connected) kafkajs producer; called again to replace a broken one. */
    private readonly createProducer: () => kafkajs.Producer,
    private readonly ensureTopic: (topic: string) => Promise<void>,
    private readonly metrics: BusMetrics,
    private readonly logger: Logger,
    settings: ProducerSettings = {},
  ) {
    this.producer = createProducer();
    this.lingerMs = settings.lingerMs ?? 5;
    this.batchMaxEvents = settings.batchMaxEvents ?? 2000;
    this.batchMaxBytes = settings.batchMaxBytes ?? 900 * 1024;
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
    const bytes = estimateRecordBytes(message);
    if (bytes > this.batchMaxBytes) {
      // It could never be sent: the broker refuses a record batch over message.max.bytes.
      this.metrics.discarded.inc({ topic: label, reason: 'too_large' });
      this.logger.error({ topic, bytes, limit: this.batchMaxBytes }, 'event larger than a batch may be; dropped');
      return;
    }
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
    while (this.queue.length > 0 && !this.stopped) {
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
        if (this.adaptiveLimit !== Number.POSITIVE_INFINITY && ++this.acceptedSinceShrink >= 100) {
          this.adaptiveLimit *= 2;
          this.acceptedSinceShrink = 0;
          if (this.adaptiveLimit >= this.batchMaxEvents) this.adaptiveLimit = Number.POSITIVE_INFINITY;
        }
        this.metrics.publishBatchSize.observe({ bus: 'kafka' }, batch.length);
        // One counter update per topic per batch, not per event.
        const sentByLabel = new Map<string, number>();
        for (const item of batch) sentByLabel.set(item.label, (sentByLabel.get(item.label) ?? 0) + 1);
        for (const [topic, count] of sentByLabel) this.metrics.sent.inc({ topic }, count);
      } catch (error) {
        if (isTooLarge(error)) {
          await this.handleTooLarge(batch);
          continue;
        }
        if (isSequenceError(error)) await this.replaceProducer(error);
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

  /**
   * The broker refused the batch as too large (a record batch over message.max.bytes): retry it
   * in halves; a single event that is still too large can never be sent, so it is dropped, counted
   * and logged rather than retried forever.
   */
  private async handleTooLarge(batch: Queued[]): Promise<void> {
    // kafkajs has already advanced its idempotence sequence numbers for the refused batch, so
    // every later send would fail as out of order: start again with a fresh producer id.
    await this.replaceProducer(new Error('batch refused as too large'));
    if (batch.length > 1) {
      this.adaptiveLimit = Math.ceil(batch.length / 2);
      this.acceptedSinceShrink = 0;
      this.queue = batch.concat(this.queue);
      this.queuedBytes += batch.reduce((sum, item) => sum + item.bytes, 0);
      return;
    }
    const [item] = batch;
    if (item === undefined) return;
    this.metrics.discarded.inc({ topic: item.label, reason: 'too_large' });
    this.logger.error({ topic: item.topic, bytes: item.bytes }, 'event larger than the broker accepts; dropped');
  }

  /** Disconnects the producer and connects a new one (new producer id, sequences from 0). */
  private async replaceProducer(reason: unknown): Promise<void> {
    this.logger.warn({ err: describeError(reason) }, 'replacing the Kafka producer');
    await this.producer.disconnect().catch(() => {});
    this.producer = this.createProducer();
    await this.producer.connect().catch((error: unknown) => {
      this.logger.warn({ err: describeError(error) }, 'new Kafka producer could not connect yet');
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  /** Stops sending (what is still queued is counted as failed) and disconnects. */
  async disconnect(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.sending;
    for (const item of this.queue) this.metrics.failed.inc({ topic: item.label, stage: 'publish' });
    this.queue = [];
    await this.producer.disconnect();
  }

  private takeBatch(): Queued[] {
    let count = 0;
    let bytes = 0;
    const limit = Math.min(this.batchMaxEvents, this.adaptiveLimit);
    while (count < this.queue.length && count < limit) {
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
    await withTimeout(drained, timeoutMs, () =>
      new NetwatchError('bus_unavailable', `Kafka did not accept ${this.queue.length} queued events within ${timeoutMs} ms`),
    );
  }
}

/** Value, key and headers plus Kafka's per-record overhead (varints, attributes, deltas). */
function estimateRecordBytes(message: kafkajs.Message): number {
  let bytes = 70 + ((message.value as Buffer | null)?.length ?? 0) + ((message.key as string | null)?.length ?? 0);
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += name.length + String(value).length;
  return bytes;
}

const tooLargeTypes = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** The broker lost track of this producer's sequence numbers; only a new producer id recovers. */
function isSequenceError(error: unknown): boolean {
  const type = (error as { type?: string } | null)?.type;
  return type === 'OUT_OF_ORDER_SEQUENCE_NUMBER' || type === 'UNKNOWN_PRODUCER_ID' || type === 'INVALID_PRODUCER_EPOCH';
}

/** kafkajs reports a refused size as a protocol error, possibly inside an aggregate. */
function isTooLarge(error: unknown): boolean {
  const e = error as { type?: string; errors?: unknown[]; originalError?: unknown; cause?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (e.type !== undefined && tooLargeTypes.has(e.type)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isTooLarge)) return true;
  return isTooLarge(e.originalError ?? null) || isTooLarge(e.cause ?? null);
}
