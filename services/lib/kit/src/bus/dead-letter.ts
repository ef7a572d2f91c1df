// Dead-letter headers: why a message was set aside and where it came from, so it can be replayed.
import type { MessageMeta } from './types.js';

export type DeadLetterReason = 'not_json' | 'schema_invalid' | 'handler_failed';

/** Header names on every dead letter; the original headers are kept beside them. */
export const deadLetterHeader = {
  reason: 'netwatch-dlq-reason',
  error: 'netwatch-dlq-error',
  topic: 'netwatch-dlq-origin-topic',
  partition: 'netwatch-dlq-origin-partition',
  offset: 'netwatch-dlq-origin-offset',
  service: 'netwatch-dlq-service',
  group: 'netwatch-dlq-group',
  at: 'netwatch-dlq-at',
} as const;

export function deadLetterHeaders(
  meta: MessageMeta,
  reason: DeadLetterReason,
  error: string,
  service: string,
  group: string,
): Record<string, string> {
  return {
    ...meta.headers,
    [deadLetterHeader.reason]: reason,
    [deadLetterHeader.error]: error,
    [deadLetterHeader.topic]: meta.topic,
    [deadLetterHeader.partition]: String(meta.partition),
    [deadLetterHeader.offset]: meta.offset,
    [deadLetterHeader.service]: service,
    [deadLetterHeader.group]: group,
    [deadLetterHeader.at]: new Date().toISOString(),
  };
}
