// The service's environment: defaults, the site, and a bad value named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig, NetwatchError } from '@netwatch/kit';
import { z } from 'zod';
import { apiEnvShape, siteFromEnv } from './api-config.js';
import { apiService } from './api-service.js';

const schema = z.object(apiEnvShape);

describe('apiEnvShape', () => {
  it('listens on 127.0.0.1:8080 by default, with a site named netwatch and no location', () => {
    const env = loadConfig(schema, {});
    assert.deepEqual([env.NETWATCH_API_HOST, env.NETWATCH_API_PORT, env.NETWATCH_API_USER], ['127.0.0.1', 8080, 'admin']);
    assert.deepEqual(siteFromEnv(env), { name: 'home' });
    assert.equal(apiService.name, 'api');
  });

  it('reads the site location', () => {
    const env = loadConfig(schema, { NETWATCH_SITE_NAME: 'Berlin office', NETWATCH_SITE_LAT: '52.52', NETWATCH_SITE_LON: '-13.4' });
    assert.deepEqual(siteFromEnv(env), { name: 'Berlin office', lat: 52.52, lon: -13.4 });
  });

  it('names the variable of a bad value', () => {
    for (const [name, value] of [['NETWATCH_SITE_LAT', '91'], ['NETWATCH_SITE_LON', 'east'], ['NETWATCH_API_PORT', '80000'],
      ['NETWATCH_HOME_NET', '10.0.0.0/33']] as const) {
      assert.throws(() => loadConfig(schema, { [name]: value }),
        (error: unknown) => error instanceof NetwatchError && error.details.variable === name, name);
    }
  });
});
