// Finds the local test broker: --brokers, $NETWATCH_TEST_KAFKA_BROKERS, or .cache/infra/env.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const envFile = fileURLToPath(new URL('../../../.cache/infra/env', import.meta.url));

export function brokerAddress(flag: string | undefined): string {
  if (flag) return flag;
  const fromEnv = process.env.NETWATCH_TEST_KAFKA_BROKERS;
  if (fromEnv) return fromEnv;
  try {
    const line = readFileSync(envFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('NETWATCH_TEST_KAFKA_BROKERS='));
    if (line) return line.slice('NETWATCH_TEST_KAFKA_BROKERS='.length).trim();
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'no Kafka broker: start one with `scripts/dev/infra.sh up kafka`, or pass --brokers host:port',
  );
}
