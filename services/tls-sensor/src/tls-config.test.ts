// TLS sensor settings from the environment: defaults, overrides, and a bad value naming its variable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultTlsConfig, tlsConfigFromProcess } from './tls-config.js';

describe('tlsConfigFromProcess', () => {
  it('gives the defaults for an empty environment', () => {
    assert.deepEqual(tlsConfigFromProcess({}), { ...defaultTlsConfig, homeNet: [...defaultTlsConfig.homeNet] });
  });

  it('reads every variable', () => {
    assert.deepEqual(tlsConfigFromProcess({ NETWATCH_HOME_NET: '10.1.0.0/16,fd00::/8', NETWATCH_COMMUNITY_ID_SEED: '7',
      NETWATCH_TLS_MAX_BUFFER: '8192', NETWATCH_TLS_MAX_CONNECTIONS: '100', NETWATCH_TLS_IDLE_TIMEOUT: '90s' }),
    { homeNet: ['10.1.0.0/16', 'fd00::/8'], communityIdSeed: 7, maxBufferBytes: 8192, maxConnections: 100,
      idleTimeoutSec: 90 });
  });

  it('refuses a buffer below the 4 KiB minimum and a bad prefix, naming the variable', () => {
    assert.throws(() => tlsConfigFromProcess({ NETWATCH_TLS_MAX_BUFFER: '100' }), /NETWATCH_TLS_MAX_BUFFER/);
    assert.throws(() => tlsConfigFromProcess({ NETWATCH_HOME_NET: '10.0.0.0/33' }), /NETWATCH_HOME_NET/);
  });
});
