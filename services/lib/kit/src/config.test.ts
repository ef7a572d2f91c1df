// Tests for environment parsing: defaults, NAME_FILE secrets, and errors that name the variable.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { bool, duration, int, list, loadConfig, port, secret } from './config.js';
import { NetwatchError } from './errors.js';
import { serviceEnvSchema } from './service-config.js';

const schema = z.object({
  PORT: port().default(8080),
  LIMIT: int(1, 10),
  DEBUG: bool().default(false),
  BROKERS: list().default([]),
  TIMEOUT: duration().default(1000),
  PASSWORD: secret().optional(),
});

function configError(fn: () => unknown): NetwatchError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof NetwatchError);
    assert.equal(error.code, 'config_invalid');
    return error;
  }
  assert.fail('expected a config error');
}

describe('loadConfig', () => {
  it('parses values and applies defaults', () => {
    const c = loadConfig(schema, {
      LIMIT: '3',
      DEBUG: 'yes',
      BROKERS: 'a:1, b:2,',
      TIMEOUT: '2.5s',
    });
    assert.deepEqual(c, {
      PORT: 8080,
      LIMIT: 3,
      DEBUG: true,
      BROKERS: ['a:1', 'b:2'],
      TIMEOUT: 2500,
      PASSWORD: undefined,
    });
  });

  it('names the variable whose value is bad', () => {
    assert.match(configError(() => loadConfig(schema, { LIMIT: '11' })).message, /^LIMIT: /);
    assert.match(
      configError(() => loadConfig(schema, { LIMIT: 'x' })).message,
      /^LIMIT: must be a whole number/,
    );
    assert.match(
      configError(() => loadConfig(schema, { LIMIT: '1', PORT: '70000' })).message,
      /^PORT: /,
    );
    assert.match(
      configError(() => loadConfig(schema, { LIMIT: '1', DEBUG: 'maybe' })).message,
      /^DEBUG: must be true or false/,
    );
    assert.match(
      configError(() => loadConfig(schema, { LIMIT: '1', TIMEOUT: '5 minutes' })).message,
      /^TIMEOUT: must be a duration/,
    );
    assert.match(configError(() => loadConfig(schema, {})).message, /^LIMIT: is required/);
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig(schema, { LIMIT: '2', PORT: '' }).PORT, 8080);
  });

  it('reads NAME_FILE for secrets and strips the trailing newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwatch-config-'));
    writeFileSync(join(dir, 'pw'), 's3cret-value-1234\n');
    const c = loadConfig(schema, { LIMIT: '1', PASSWORD_FILE: join(dir, 'pw') });
    assert.equal(c.PASSWORD, 's3cret-value-1234');
    assert.match(
      configError(() => loadConfig(schema, { LIMIT: '1', PASSWORD_FILE: join(dir, 'missing') }))
        .message,
      /^PASSWORD_FILE: cannot read/,
    );
    assert.match(
      configError(() =>
        loadConfig(schema, { LIMIT: '1', PASSWORD: 'x', PASSWORD_FILE: join(dir, 'pw') }),
      ).message,
      /^PASSWORD and PASSWORD_FILE are both set/,
    );
  });

  it('refuses placeholder secrets and never echoes the value', () => {
    for (const value of ['changeme', '<your password>', 'CHANGE_ME', '$' + '{PASSWORD}']) {
      const error = configError(() => loadConfig(schema, { LIMIT: '1', PASSWORD: value }));
      assert.match(error.message, /^PASSWORD: is empty or still a placeholder/);
      assert.ok(!error.message.includes(value), 'the secret is not in the message');
    }
  });

  it('gives every service safe defaults: loopback ops server, Kafka bus', () => {
    const c = loadConfig(serviceEnvSchema, {});
    assert.equal(c.NETWATCH_HTTP_HOST, '127.0.0.1');
    assert.equal(c.NETWATCH_BUS, 'kafka');
    assert.deepEqual(c.KAFKA_BROKERS, ['127.0.0.1:9092']);
    assert.match(
      configError(() => loadConfig(serviceEnvSchema, { NETWATCH_BUS: 'redis' })).message,
      /^NETWATCH_BUS: /,
    );
  });

  it('requires SASL credentials once a mechanism is chosen', () => {
    assert.match(
      configError(() =>
        loadConfig(serviceEnvSchema, { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }),
      ).message,
      /^KAFKA_SASL_PASSWORD: is required when KAFKA_SASL_MECHANISM is set/,
    );
  });
});
