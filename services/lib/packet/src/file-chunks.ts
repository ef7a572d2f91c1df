// Sequential reads of a file through one reused chunk buffer, with contiguous takes that may straddle chunk ends.
import { fstatSync, readSync } from 'node:fs';

/**
 * Reads a file front to back through one reused chunk buffer. `take(n)` makes n bytes
 * contiguous at `data[at]`: in the chunk when they are buffered, after moving the unread
 * tail to the chunk start when a record straddles the chunk end, or in a reused scratch
 * buffer when the record is larger than the chunk. Bytes from an earlier take are
 * overwritten by later takes. Never throws; a failed read sets `ioError` and ends input.
 */
export class FileChunks {
  /** Buffer holding the bytes of the last successful take/peek. */
  data: Buffer;
  /** Offset of those bytes in `data`. */
  at = 0;
  /** Error from the last failed read, if any; input ends at that point. */
  ioError: unknown = undefined;

  private readonly chunk: Buffer;
  private scratch: Buffer = Buffer.alloc(0);
  private pos = 0;
  private end = 0;
  private eof = false;
  /** File offset of chunk[end] (the next byte to read from the file). */
  private filePos: number;
  private readonly size: number;

  constructor(
    private readonly fd: number,
    chunkSize: number,
    /** File offset to start reading at. */
    start: number,
  ) {
    this.chunk = Buffer.allocUnsafe(chunkSize);
    this.data = this.chunk;
    this.filePos = start;
    const st = fstatSync(fd);
    // Pipes and character devices cannot be read by position: read them in order instead.
    this.size = st.isFile() ? st.size : -1;
  }

  /** Bytes buffered but not yet taken (after a failed take/peek: what was left before EOF). */
  get buffered(): number {
    return this.end - this.pos;
  }

  /** File offset of the next byte a take would return. */
  get offset(): number {
    return this.filePos - (this.end - this.pos);
  }

  /** Make n bytes contiguous at data[at] and consume them; false if the file ends first. */
  take(n: number): boolean {
    if (this.end - this.pos >= n) {
      this.data = this.chunk;
      this.at = this.pos;
      this.pos += n;
      return true;
    }
    return this.takeSlow(n, true);
  }

  /** Like take but without consuming; n must not exceed the chunk size. */
  peek(n: number): boolean {
    if (this.end - this.pos >= n) {
      this.data = this.chunk;
      this.at = this.pos;
      return true;
    }
    return this.takeSlow(n, false);
  }

  /** Consume n bytes without looking at them; false if the file ends first. */
  skip(n: number): boolean {
    const have = this.end - this.pos;
    if (have >= n) {
      this.pos += n;
      return true;
    }
    let left = n - have;
    this.pos = this.end = 0;
    if (this.size >= 0) {
      if (this.filePos + left <= this.size) {
        this.filePos += left;
        return true;
      }
      this.filePos = this.size;
      this.eof = true;
      return false;
    }
    while (left > 0) {
      const r = this.read(this.chunk, 0, Math.min(left, this.chunk.length));
      if (r === 0) return false;
      left -= r;
    }
    return true;
  }

  private takeSlow(n: number, consume: boolean): boolean {
    if (n <= this.chunk.length) {
      if (this.pos > 0) {
        this.chunk.copyWithin(0, this.pos, this.end);
        this.end -= this.pos;
        this.pos = 0;
      }
      while (this.end < n) {
        const r = this.read(this.chunk, this.end, this.chunk.length - this.end);
        if (r === 0) return false;
        this.end += r;
      }
      this.data = this.chunk;
      this.at = 0;
      if (consume) this.pos = n;
      return true;
    }
    if (!consume) throw new RangeError(`peek(${n}) larger than the chunk`);
    if (this.scratch.length < n) {
      this.scratch = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(n)));
    }
    let have = this.end - this.pos;
    this.chunk.copy(this.scratch, 0, this.pos, this.end);
    this.pos = this.end = 0;
    while (have < n) {
      const r = this.read(this.scratch, have, n - have);
      if (r === 0) {
        // Keep what was there so `buffered` reports a partial record.
        this.end = Math.min(have, this.chunk.length);
        this.scratch.copy(this.chunk, 0, 0, this.end);
        return false;
      }
      have += r;
    }
    this.data = this.scratch;
    this.at = 0;
    return true;
  }

  private read(buf: Buffer, off: number, len: number): number {
    if (this.eof || len === 0) return 0;
    let r: number;
    try {
      r = readSync(this.fd, buf, off, len, this.size >= 0 ? this.filePos : null);
    } catch (err) {
      this.ioError = err;
      this.eof = true;
      return 0;
    }
    if (r === 0) this.eof = true;
    this.filePos += r;
    return r;
  }
}
