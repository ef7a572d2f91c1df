// State shared by the pcap and pcapng readers: the file, statistics, interfaces, close.
import { closeSync } from 'node:fs';
import type { CaptureReadErrorName } from './capture-file-error.js';
import type { CaptureFileStats, CaptureInterface } from './capture-types.js';
import type { FileChunks } from './file-chunks.js';

export abstract class ReaderBase {
  readonly stats: CaptureFileStats = { packets: 0, bytes: 0, skippedBlocks: 0, errors: {} };
  readonly interfaces: CaptureInterface[] = [];
  /** Set once reading has ended (EOF, damage that stops reading, or close). */
  protected done = false;
  private closed = false;

  constructor(
    readonly path: string,
    protected readonly fd: number,
    protected readonly src: FileChunks,
  ) {}

  protected count(name: CaptureReadErrorName): void {
    this.stats.errors[name] = (this.stats.errors[name] ?? 0) + 1;
  }

  /** End reading: counts an I/O error if one cut the input short, else `truncated` if bytes were left over. */
  protected stopAtEnd(truncated: CaptureReadErrorName): false {
    if (this.src.ioError !== undefined) this.count('io_error');
    else if (this.src.buffered > 0) this.count(truncated);
    this.done = true;
    return false;
  }

  /** End reading inside a record whose header was read: always damage (or an I/O error). */
  protected stopTruncated(name: CaptureReadErrorName): false {
    return this.stop(this.src.ioError !== undefined ? 'io_error' : name);
  }

  protected stop(name: CaptureReadErrorName): false {
    this.count(name);
    this.done = true;
    return false;
  }

  close(): void {
    this.done = true;
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // Closing a descriptor we opened can only fail if it is already gone; nothing to do.
    }
  }
}
