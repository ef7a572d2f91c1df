// Deterministic ~1 KB payloads shaped like netwatch flow events, each with its own numbers.
import { examples } from '@netwatch/schemas';

/** Serialized size every bench event is padded to. */
export const EVENT_BYTES = 1024;

/** Small xorshift PRNG so every run (and kcat's file) carries the same bytes. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Pads sized so `JSON.stringify({seq, sentAt, source, pad})` is ~EVENT_BYTES: the flow example's
 * JSON text (quotes made single, so nothing is escaped) with every number redrawn. Field names
 * repeat and values vary, so gzip sees what it would on real events (about 6:1 per batch), not
 * the 100:1 of identical lines. 4096 distinct pads cycle; gzip's 32 KB window never sees a repeat.
 */
export function padPool(size = 4096, overhead = 70): readonly string[] {
  const random = prng(0x5eed);
  const template = JSON.stringify(examples['netwatch.flow.v1']).replaceAll('"', '\'');
  return Array.from({ length: size }, () =>
    template
      .replace(/\d+/g, (digits) =>
        String(Math.floor(random() * 10 ** Math.min(digits.length, 9))).padStart(
          digits.length,
          '0',
        ),
      )
      .slice(0, EVENT_BYTES - overhead),
  );
}
