// Serving the built UI: long cache for hashed assets, none for index.html, SPA fallback, a text page without a build.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/harness.js';
import { UI_NOT_BUILT } from './static-ui.js';

const INDEX = '<!doctype html><title>netwatch</title><script type="module" src="/assets/index-3f2a9c.js"></script>';
let dir: string;
let h: Harness;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netwatch-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f2a9c.js'), 'console.log("ui");\n');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  h = await startHarness({ uiDir: dir });
});

after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static UI', () => {
  it('serves hashed assets with a year of immutable cache, and index.html with no-cache', async () => {
    const asset = await fetch(`${h.base}/assets/index-3f2a9c.js`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const root = await fetch(`${h.base}/`);
    assert.equal(await root.text(), INDEX);
    assert.equal(root.headers.get('cache-control'), 'no-cache');
    assert.ok(root.headers.get('content-security-policy')?.includes('script-src \'self\''));
    assert.equal(root.headers.get('x-content-type-options'), 'nosniff');
    const icon = await fetch(`${h.base}/favicon.svg`);
    assert.equal(icon.headers.get('cache-control'), 'no-cache');
  });

  it('answers client-side routes with index.html, but a missing asset with 404 and /api/ with JSON', async () => {
    for (const path of ['/devices/3c22fb123456', '/alerts?severity=3', '/globe']) {
      const res = await fetch(h.base + path);
      assert.equal(res.status, 200, path);
      assert.equal(await res.text(), INDEX, path);
    }
    assert.equal((await fetch(`${h.base}/assets/index-000000.js`)).status, 404);
    const api = await fetch(`${h.base}/api/v1/missing`);
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((await fetch(`${h.base}/devices`, { method: 'DELETE' })).status, 404);
  });

  it('does not serve files outside the UI directory', async () => {
    for (const path of ['/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2findex.html%00']) {
      const res = await fetch(h.base + path);
      const body = await res.text();
      assert.ok(!body.includes('root:'), path);
    }
  });

  it('explains how to build the UI when there is none', async () => {
    const bare = await startHarness({ uiDir: join(dir, 'not-there') });
    try {
      const res = await fetch(`${bare.base}/`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), UI_NOT_BUILT);
      assert.equal((await fetch(`${bare.base}/devices`)).status, 404);
    } finally {
      await bare.close();
    }
  });
});
