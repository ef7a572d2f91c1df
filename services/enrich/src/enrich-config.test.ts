// Enrich configuration from the environment: defaults, every variable, and errors that name the variable.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { NetwatchError } from '@netwatch/kit';
import { DEFAULT_HOME_NET } from '@netwatch/packet/home-net';
import { defaultEnrichConfig, enrichConfigFromProcess } from './enrich-config.js';
import { tempDir } from './testing/test-databases.js';

function configError(env: Record<string, string>): string {
  try {
    enrichConfigFromProcess(env);
  } catch (error) {
    assert.ok(error instanceof NetwatchError && error.code === 'config_invalid', String(error));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('enrich config', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('defaults to the embedded data, a 65536-address cache and the home network', () => {
    const config = enrichConfigFromProcess({});
    assert.deepEqual(config, { ...defaultEnrichConfig, homeNet: [...DEFAULT_HOME_NET],
      geo: { ...defaultEnrichConfig.geo, cityDb: undefined, asnDb: undefined },
      site: { name: 'home', lat: undefined, lon: undefined } });
    assert.equal(config.cacheSize, 65_536);
  });

  it('reads every variable', () => {
    writeFileSync(tmp.path('c.mmdb'), 'x');
    writeFileSync(tmp.path('a.mmdb'), 'x');
    const config = enrichConfigFromProcess({
      NETWATCH_GEOIP_CITY_DB: tmp.path('c.mmdb'),
      NETWATCH_GEOIP_ASN_DB: tmp.path('a.mmdb'),
      NETWATCH_GEOIP_EMBEDDED: 'no',
      NETWATCH_GEOIP_WATCH: 'off',
      NETWATCH_GEOIP_RELOAD_DELAY: '5s',
      NETWATCH_ENRICH_CACHE_SIZE: '0',
      NETWATCH_ENRICH_MAX_DEVICE_NAMES: '10',
      NETWATCH_ENRICH_MAX_DNS_NAMES: '0',
      NETWATCH_SITE_NAME: 'Zurich office',
      NETWATCH_SITE_LAT: '47.3769',
      NETWATCH_SITE_LON: '-8.5417',
      NETWATCH_HOME_NET: '10.0.0.0/8, fd00::/8',
    });
    assert.deepEqual(config, {
      homeNet: ['10.0.0.0/8', 'fd00::/8'],
      geo: { cityDb: tmp.path('c.mmdb'), asnDb: tmp.path('a.mmdb'), embedded: false, watch: false, reloadDelayMs: 5000,
        pollMs: 60_000 },
      cacheSize: 0,
      site: { name: 'Zurich office', lat: 47.3769, lon: -8.5417 },
      maxDeviceNames: 10,
      maxDnsNames: 0,
    });
  });

  it('names the variable of a bad value', () => {
    assert.match(configError({ NETWATCH_ENRICH_CACHE_SIZE: 'lots' }), /^NETWATCH_ENRICH_CACHE_SIZE: must be a whole number/);
    assert.match(configError({ NETWATCH_ENRICH_CACHE_SIZE: '-1' }), /^NETWATCH_ENRICH_CACHE_SIZE: /);
    assert.match(configError({ NETWATCH_GEOIP_CITY_DB: tmp.path('nope.mmdb') }), /^NETWATCH_GEOIP_CITY_DB: no such file/);
    assert.match(configError({ NETWATCH_GEOIP_ASN_DB: tmp.dir }), /^NETWATCH_GEOIP_ASN_DB: no such file/);
    assert.match(configError({ NETWATCH_SITE_LAT: '91', NETWATCH_SITE_LON: '0' }), /^NETWATCH_SITE_LAT: must be ≤ 90/);
    assert.match(configError({ NETWATCH_SITE_LAT: '1', NETWATCH_SITE_LON: 'east' }), /^NETWATCH_SITE_LON: must be a decimal/);
    assert.match(configError({ NETWATCH_SITE_LAT: '47.1' }), /^NETWATCH_SITE_LON: is required when NETWATCH_SITE_LAT is set/);
    assert.match(configError({ NETWATCH_SITE_LON: '8.5' }), /^NETWATCH_SITE_LAT: is required when NETWATCH_SITE_LON is set/);
    assert.match(configError({ NETWATCH_GEOIP_WATCH: 'maybe' }), /^NETWATCH_GEOIP_WATCH: must be true or false/);
    assert.match(configError({ NETWATCH_HOME_NET: '10.0.0.0/33' }), /^NETWATCH_HOME_NET: /);
  });
});
