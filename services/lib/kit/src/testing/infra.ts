// Reads where the real test Kafka, Redis and Neo4j (started by scripts/dev/infra.sh) listen, from NETWATCH_TEST_* env vars.

/** Credentials for the test Neo4j (it runs with auth disabled, so any value is accepted). */
export interface Neo4jAuth {
  user: string;
  password: string;
}

export interface TestInfra {
  /** Bootstrap brokers, e.g. ['127.0.0.1:26765']. */
  kafkaBrokers: string[];
  /** e.g. redis://127.0.0.1:23212 */
  redisUrl: string;
  /** e.g. bolt://127.0.0.1:26856 */
  neo4jUrl: string;
  /** null when no user is configured (the server accepts unauthenticated connections). */
  neo4jAuth: Neo4jAuth | null;
}

const HINT = 'run scripts/dev/infra.sh up (or npm test) first';

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) {
    throw new Error(`${name} is not set: ${HINT}, then load .cache/infra/env`);
  }
  return value;
}

/**
 * Where the test infrastructure listens. Throws (never returns a partial result) when any variable
 * is missing, so tests fail loudly instead of skipping when the infrastructure is not up.
 */
export function testInfra(env: NodeJS.ProcessEnv = process.env): TestInfra {
  const brokers = required(env, 'NETWATCH_TEST_KAFKA_BROKERS')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0) {
    throw new Error(`NETWATCH_TEST_KAFKA_BROKERS lists no broker: ${HINT}`);
  }
  const user = env.NETWATCH_TEST_NEO4J_USER?.trim();
  return {
    kafkaBrokers: brokers,
    redisUrl: required(env, 'NETWATCH_TEST_REDIS_URL'),
    neo4jUrl: required(env, 'NETWATCH_TEST_NEO4J_URL'),
    neo4jAuth: user ? { user, password: env.NETWATCH_TEST_NEO4J_PASSWORD ?? '' } : null,
  };
}
