// Environment variables of the DNS sensor: defaults, overrides, and a clear error naming a bad variable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '@netwatch/kit/config';
import { z } from 'zod';
import { dnsConfigFromEnv, dnsEnvShape } from './dns-config.js';
import { DNS_DEFAULT_FILTER, dnsSensorService } from './index.js';

const schema = z.object(dnsEnvShape);

describe('dnsEnvShape', () => {
  it('defaults to port 53, a 5 s timeout and 100,000 pending queries', () => {
    const config = dnsConfigFromEnv(loadConfig(schema, {}), 'sensor-a');
    assert.deepEqual([config.ports, config.timeoutSec, config.maxPending, config.maxTcpStreams, config.communityIdSeed],
      [[53], 5, 100_000, 16_384, 0]);
    assert.ok(config.homeNet.includes('10.0.0.0/8'));
  });

  it('reads NETWATCH_DNS_PORTS, NETWATCH_DNS_TIMEOUT and NETWATCH_DNS_MAX_PENDING', () => {
    const config = dnsConfigFromEnv(loadConfig(schema, { NETWATCH_DNS_PORTS: '53, 5053', NETWATCH_DNS_TIMEOUT: '2500ms',
      NETWATCH_DNS_MAX_PENDING: '10', NETWATCH_HOME_NET: '192.0.2.0/24' }), 'sensor-a');
    assert.deepEqual([config.ports, config.timeoutSec, config.maxPending, config.homeNet],
      [[53, 5053], 2.5, 10, ['192.0.2.0/24']]);
  });

  it('rejects a bad port list', () => {
    assert.equal(schema.safeParse({ NETWATCH_DNS_PORTS: '53,http' }).success, false);
    assert.equal(schema.safeParse({ NETWATCH_DNS_PORTS: '70000' }).success, false);
  });
});

describe('dnsSensorService', () => {
  it('is the dns-sensor service with a BPF default for DNS, VLAN-tagged too', () => {
    assert.equal(dnsSensorService.name, 'dns-sensor');
    assert.equal(DNS_DEFAULT_FILTER, 'port 53 or (vlan and port 53)');
    assert.ok('NETWATCH_DNS_TIMEOUT' in dnsSensorService.env && 'NETWATCH_CAPTURE_INTERFACES' in dnsSensorService.env);
  });
});
