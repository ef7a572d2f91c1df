// UUIDv7 (RFC 9562 §5.7): time-ordered event ids, monotonic within one millisecond (§6.2).
import { randomFillSync } from 'node:crypto';

export interface UuidV7Options {
  /** Unix time in milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Fills a buffer with random bytes; injectable for tests. */
  readonly random?: (bytes: Uint8Array) => void;
}

/**
 * Random bytes from a 4 KiB pool refilled by the CSPRNG: one randomFillSync per 256 ids
 * instead of one per id (a syscall-sized cost that dominated exporting flow records).
 */
function pooledRandom(): (bytes: Uint8Array) => void {
  const pool = new Uint8Array(4096);
  let used = pool.length;
  return (bytes) => {
    if (used + bytes.length > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    bytes.set(pool.subarray(used, used + bytes.length));
    used += bytes.length;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Returns a UUIDv7 generator. Layout (RFC 9562 §5.7): 48-bit unix_ts_ms, 4-bit version 0111,
 * 12-bit rand_a, 2-bit variant 10, 62-bit rand_b. rand_a is the "fixed bit-length dedicated
 * counter" of §6.2 Method 1: seeded randomly each new millisecond with its top bit clear
 * (§6.2 "counter rollover guards"), incremented for each id in the same millisecond. On
 * overflow the timestamp is advanced by one ms (§6.2 "counter rollover handling"), and a
 * clock that steps back reuses the last timestamp, so ids from one generator always sort
 * in creation order.
 */
export function createUuidV7Generator(options: UuidV7Options = {}): () => string {
  const now = options.now ?? Date.now;
  const random = options.random ?? pooledRandom();
  const bytes = new Uint8Array(16);
  let lastMs = -1;
  let counter = 0;

  return function uuidv7(): string {
    random(bytes);
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff; // 11 random bits
    } else if (counter < 0xfff) {
      counter++;
    } else {
      lastMs++;
      counter = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff;
    }
    // 48-bit big-endian timestamp; split because bitwise ops are 32-bit in JS.
    const high = Math.floor(lastMs / 0x10000);
    bytes[0] = (high >>> 24) & 0xff;
    bytes[1] = (high >>> 16) & 0xff;
    bytes[2] = (high >>> 8) & 0xff;
    bytes[3] = high & 0xff;
    bytes[4] = (lastMs >>> 8) & 0xff;
    bytes[5] = lastMs & 0xff;
    bytes[6] = 0x70 | (counter >> 8); // version 7
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // variant 10
    let out = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
      out += HEX[bytes[i] ?? 0];
    }
    return out;
  };
}

/** A new UUIDv7 from the process-wide generator (monotonic across the process). */
export const uuidv7: () => string = createUuidV7Generator();

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a string is a UUIDv7 (version 7, variant 10), in either letter case. */
export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/** The Unix millisecond timestamp a UUIDv7 carries. */
export function uuidV7Time(value: string): number {
  if (!isUuidV7(value)) throw new TypeError(`not a UUIDv7: ${JSON.stringify(value)}`);
  return Number.parseInt(value.slice(0, 8) + value.slice(9, 13), 16);
}
