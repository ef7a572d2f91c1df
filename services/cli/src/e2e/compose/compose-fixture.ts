// What the compose tests share: a filled-in .env from the template, the resolved compose model, and a polling wait.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@netwatch/api';
import { type ComposeModel, type ComposeService, composeConfig, parseCompose } from './compose-model.js';

export const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Why the compose tests cannot run here, or false. */
export const noCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'needs docker-compose (apt-get install docker-compose) to resolve the compose file';
  }
})();

/** The values .env.template leaves empty, each of which compose must refuse to start without. */
export const REQUIRED = ['NETWATCH_CAPTURE_INTERFACES', 'NETWATCH_API_PASSWORD_HASH', 'NETWATCH_METRICS_TOKEN',
  'REDIS_PASSWORD', 'NEO4J_PASSWORD'] as const;

export interface Secrets {
  metricsToken: string;
  apiToken: string;
  password: string;
  values: Record<(typeof REQUIRED)[number] | 'NETWATCH_API_TOKEN_SHA256' | 'KAFKA_TOPIC_PREFIX', string>;
}

/** .env.template with some of its variables set; a value with `$` is single-quoted as the template says. */
export function envFile(dir: string, name: string, values: Record<string, string>): string {
  const lines = readFileSync(join(root, '.env.template'), 'utf8').split('\n').map((line) => {
    const match = /^([A-Z0-9_]+)=/.exec(line);
    const value = match?.[1] === undefined ? undefined : values[match[1]];
    return value === undefined ? line : `${match?.[1] ?? ''}=${value.includes('$') ? `'${value}'` : value}`;
  });
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** A scratch folder, fresh secrets and a topic prefix of its own, and docker-compose.yml as compose resolves it with them. */
export async function resolvedCompose(): Promise<{ dir: string; secrets: Secrets; model: ComposeModel }> {
  const dir = mkdtempSync(join(tmpdir(), 'netwatch-compose-'));
  const password = randomBytes(12).toString('hex');
  const apiToken = randomBytes(24).toString('hex');
  const metricsToken = randomBytes(24).toString('hex');
  const secrets: Secrets = {
    metricsToken,
    apiToken,
    password,
    values: {
      NETWATCH_CAPTURE_INTERFACES: 'eth1',
      NETWATCH_API_PASSWORD_HASH: await hashPassword(password),
      NETWATCH_METRICS_TOKEN: metricsToken,
      REDIS_PASSWORD: randomBytes(16).toString('hex'),
      NEO4J_PASSWORD: randomBytes(8).toString('hex'),
      NETWATCH_API_TOKEN_SHA256: createHash('sha256').update(apiToken).digest('hex'),
      KAFKA_TOPIC_PREFIX: `parity.${randomBytes(4).toString('hex')}.`,
    },
  };
  const file = envFile(dir, 'test.env', secrets.values);
  return { dir, secrets, model: parseCompose(composeConfig(root, file, ['docker-compose.yml'])) };
}

export const isNetwatch = (s: ComposeService) => s.command[0] === 'service';
export const isSensor = (s: ComposeService) => s.networkMode === 'host';
