// The kit's batching policy (linger, max events/bytes per send, one send in flight) for any client.

export interface BatcherSettings {
  readonly lingerMs: number;
  readonly batchMaxEvents: number;
  readonly batchMaxBytes: number;
}

export const kitBatching: BatcherSettings = {
  lingerMs: 5,
  batchMaxEvents: 2000,
  batchMaxBytes: 4 * 1024 * 1024,
};

/** Queues items and hands them to `send` in batches, one batch at a time, like BatchingProducer. */
export class Batcher<T extends { readonly bytes: number }> {
  private queue: T[] = [];
  private queuedBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly send: (batch: T[]) => Promise<void>,
    private readonly settings: BatcherSettings = kitBatching,
  ) {}

  enqueue(item: T): void {
    this.queue.push(item);
    this.queuedBytes += item.bytes;
    if (this.sending !== null) return;
    if (
      this.queue.length >= this.settings.batchMaxEvents ||
      this.queuedBytes >= this.settings.batchMaxBytes
    )
      this.kick();
    else if (this.timer === null) this.timer = setTimeout(() => this.kick(), this.settings.lingerMs);
  }

  private kick(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.sending === null && this.queue.length > 0) {
      this.sending = this.loop().finally(() => {
        this.sending = null;
        if (this.queue.length > 0) this.kick();
      });
    }
  }

  /** Bench semantics: a failed send is recorded and surfaces from flush(), not retried. */
  private async loop(): Promise<void> {
    while (this.queue.length > 0) {
      let count = 0;
      let bytes = 0;
      while (count < this.queue.length && count < this.settings.batchMaxEvents) {
        const next = (this.queue[count] as T).bytes;
        if (count > 0 && bytes + next > this.settings.batchMaxBytes) break;
        bytes += next;
        count++;
      }
      const batch = this.queue.splice(0, count);
      this.queuedBytes -= bytes;
      try {
        await this.send(batch);
      } catch (error) {
        this.failure = error;
      }
    }
  }

  async flush(): Promise<void> {
    this.kick();
    while (this.sending !== null) await this.sending;
    if (this.failure !== null) throw this.failure;
  }
}
