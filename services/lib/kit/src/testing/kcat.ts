// Reads a topic back with kcat, an independent Kafka client, so a test does not check netwatch's producer with netwatch's consumer.
import { execFileSync } from 'node:child_process';

/** Every message on `topic` so far (at most `max`), each value parsed as JSON. Throws while the topic does not exist. */
export function readTopicWithKcat<T = unknown>(brokers: string, topic: string, max?: number): T[] {
  const out = execFileSync('kcat', ['-C', '-b', brokers, '-t', topic, '-o', 'beginning', ...(max ? ['-c', String(max)] : []),
    '-e', '-q', '-f', '%s\n'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}
