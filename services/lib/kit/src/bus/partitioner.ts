// Key → partition with Kafka's default rule (murmur2 of the key bytes), so both buses agree.

/**
 * Murmur2 32-bit as in Kafka's `org.apache.kafka.common.utils.Utils.murmur2` (seed 0x9747b28c),
 * which the Java client's default partitioner and kafkajs' DefaultPartitioner both use.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  const r = 24;
  let h = (0x9747b28c ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k =
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = length & 3;
  if (rest === 3) h ^= (data[whole + 2] as number) << 16;
  if (rest >= 2) h ^= (data[whole + 1] as number) << 8;
  if (rest >= 1) {
    h ^= data[whole] as number;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

let roundRobin = 0;

/** The partition for a key; keyless messages are spread round-robin. */
export function partitionFor(key: string | null, partitions: number): number {
  if (key === null) {
    roundRobin = (roundRobin + 1) % partitions;
    return roundRobin;
  }
  // Kafka's toPositive: clear the sign bit rather than Math.abs, so -2^31 maps correctly.
  return (murmur2(Buffer.from(key, 'utf8')) & 0x7fffffff) % partitions;
}
