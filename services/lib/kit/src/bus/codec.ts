// Event ↔ bytes: JSON on the wire, parsed tolerantly with the topic's schema on the way in.
import type { z } from 'zod';

export type DecodeFailure = 'not_json' | 'schema_invalid';

export type Decoded<T> =
  | { readonly ok: true; readonly value: T } |
  { readonly ok: false; readonly reason: DecodeFailure; readonly error: string };

export function encodeValue(value: Buffer | string | object): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Bytes or text are JSON-decoded first; an object (in-memory bus) is validated as it is. */
export function decodeValue<S extends z.ZodType>(schema: S, raw: unknown): Decoded<z.infer<S>> {
  let value: unknown = raw;
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    try {
      value = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
    } catch (error) {
      return { ok: false, reason: 'not_json', error: `not JSON: ${(error as Error).message}` };
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: 'schema_invalid', error: summarizeIssues(result.error.issues) };
}

/** The first few schema problems as `path: message`, short enough for a Kafka header. */
export function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`.slice(0, 1000);
}
