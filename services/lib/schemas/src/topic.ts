// A topic definition: the one place a topic's name, schema, key rule and retention are declared.
import type { z } from 'zod';

export type Retention = 'delete' | 'compact';

export interface TopicSpec<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** Full Kafka topic name, e.g. `netwatch.flow.v1`. A breaking schema change is a new name. */
  readonly name: N;
  /** The event contract. Consumers parse with it tolerantly: unknown fields pass through. */
  readonly schema: S;
  /** Message key for an event on this topic; keeps one entity's story in one partition. */
  readonly key: (event: z.infer<S>) => string;
  /** The key rule in words, for docs and `netwatch --help`. */
  readonly keyRule: string;
  /** `compact` keeps the latest event per key (indicators); `delete` ages events out. */
  readonly retention: Retention;
  readonly description: string;
}

/**
 * Declares a topic; the identity function gives inference of the key function's argument
 * and keeps the topic name as a literal type (so a registry can derive a name union).
 */
export function defineTopic<S extends z.ZodType, N extends string = string>(
  spec: TopicSpec<S, N>,
): TopicSpec<S, N> {
  return Object.freeze(spec);
}

/** The dead-letter topic of one service: messages it could not parse or handle. */
export function dlqTopicName(service: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(service)) {
    throw new Error(`invalid service name for a DLQ topic: ${JSON.stringify(service)}`);
  }
  return `netwatch.dlq.${service}.v1`;
}
