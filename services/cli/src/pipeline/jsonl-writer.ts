// Writes every message published on the in-memory bus as one JSON line, in publish order.

import type { Writable } from 'node:stream';
import type { PublishedRecord } from '@netwatch/kit';

/**
 * Lines are gathered into chunks and written when a chunk fills or on `drain()`, so a replay
 * producing millions of messages makes thousands of writes, and respects the stream's backpressure.
 */
export class JsonlWriter {
  private chunk: string[] = [];
  private chunkChars = 0;
  private pendingDrain: Promise<void> | null = null;
  lines = 0;

  constructor(
    private readonly out: Writable,
    private readonly chunkLimit = 1 << 20,
  ) {}

  readonly write = (record: PublishedRecord): void => {
    const value = Buffer.isBuffer(record.value) ? record.value.toString('utf8') : record.value;
    const line = JSON.stringify({ topic: record.topic, key: record.key, value });
    this.chunk.push(line);
    this.chunkChars += line.length + 1;
    this.lines++;
    if (this.chunkChars >= this.chunkLimit) this.emit();
  };

  private emit(): void {
    if (this.chunk.length === 0) return;
    const ok = this.out.write(`${this.chunk.join('\n')}\n`);
    this.chunk = [];
    this.chunkChars = 0;
    if (!ok && this.pendingDrain === null) {
      this.pendingDrain = new Promise<void>((resolve) => this.out.once('drain', resolve)).finally(
        () => {
          this.pendingDrain = null;
        },
      );
    }
  }

  /** Writes what is gathered and waits while the stream asks for a pause. */
  async drain(): Promise<void> {
    this.emit();
    if (this.pendingDrain !== null) await this.pendingDrain;
  }
}
