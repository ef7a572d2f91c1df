// Browser test of every page in real Chromium against the real api (in-process, over a real in-memory bus fed with
// schema events), at 1366×768 and 1920×1080: login (401 message, then success), the live globe (arcs, alert points,
// details by keyboard, Escape), overview, devices (filter, sort, row link), device page, flows (filter from the URL,
// pause), alerts (acknowledge), topology, and "no login page when auth is off". Screenshots go to OUT_DIR.
// Part of `npm test` (scripts/test.sh). Exits 0 when every step passed, 1 otherwise (a failed step leaves a
// FAIL-*.png screenshot), and 1 within WATCHDOG_MS whatever hangs.
// Usage: npm run build && node ui/test/pages.mjs [--out /tmp/ui-pages]
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword } from '@netwatch/api';
import { noAuth, startHarness } from '@netwatch/api/testing/harness';
import { CHROMIUM, launchChromium } from '../bench/chromium.mjs';
import { publishWorld, topics, worldFlow } from './world.mjs';

/** Playwright waits (clicks, locators, waitFor…) and navigations give up after these, so a step fails, not hangs. */
const ACTION_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 20_000;
/** The whole run, browser start and both API instances included (it takes ~30 s on a quiet 2-core machine). */
const WATCHDOG_MS = 240_000;

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/ui-pages' } } });
const OUT = resolve(values.out);
const uiDir = fileURLToPath(new URL('../dist/', import.meta.url)).replace(/\/$/, '');
const PASSWORD = 'correct horse battery staple';
const results = [];

function fail(message) {
  console.log(`FAIL ${message}`);
  process.exit(1);
}

if (!existsSync(`${uiDir}/index.html`))
  fail(`no built UI at ${uiDir}/index.html: run \`npm run build\` (or \`npm run build -w @netwatch/ui\`) first`);
if (!existsSync(CHROMIUM))
  fail(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set NETWATCH_CHROMIUM to its path`);
await mkdir(OUT, { recursive: true });
const watchdog = setTimeout(() => {
  console.log(`FAIL the browser test did not finish within ${WATCHDOG_MS / 1000} s (screenshots so far in ${OUT})`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** The page the current step drives, for its failure screenshot. */
let current;

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, ok: false, err });
    console.log(`FAIL ${name} (after ${Date.now() - started} ms)\n     ${String(err?.message ?? err).split('\n').join('\n     ')}`);
    const path = `${OUT}/FAIL-${results.length}.png`;
    try {
      await current?.screenshot({ path, timeout: 5_000 });
      console.log(`     screenshot of the failure: ${path} (at ${current?.url()})`);
    } catch {
      // The page may be gone (the failure may be that the browser died); the message above is what counts.
    }
  }
}

function usePage(page) {
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  current = page;
  return page;
}

const h = await startHarness({
  uiDir, authConfig: { ...noAuth, passwordHash: await hashPassword(PASSWORD) },
});
publishWorld(h.bus, 36);
await h.settle();
// Keep traffic flowing while the browser looks: the live feed must deliver it.
let n = 36;
const ticker = setInterval(() => h.bus.publish(topics.enrichedFlow, worldFlow(n++, 50_000)), 300);

const { context, close } = await launchChromium({ width: 1366, height: 768 })
  .catch((err) => fail(`Chromium (${CHROMIUM}) did not start: ${err?.message ?? err}`));
const page = usePage(await context.newPage());
const errors = [];
page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
page.on('console', (m) => {
  // WebGL driver notes are not our errors
  if (m.type() === 'error' && !m.text().includes('GL Driver Message')) errors.push(m.text());
});
async function shot(name) {
  const path = `${OUT}/${name}.png`;
  await page.screenshot({ path });
  console.log(`     screenshot: ${path}`);
}

try {
  await step('signed out: any page sends to /login, which explains a wrong password', async () => {
    await page.goto(`${h.base}/devices`);
    await page.waitForURL(/\/login\?next=%2Fdevices/);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await shot('login-1366');
  });

  await step('signing in returns to the page asked for', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/devices$/);
    await page.getByRole('heading', { name: 'Devices' }).waitFor();
  });

  await step('keyboard: the first Tab reaches the skip link, then the brand and the navigation', async () => {
    await page.goto(`${h.base}/overview`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Globe');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.base}/`);
  });

  await step('globe: arcs to located servers, alert points, flows counted, live feed adds more', async () => {
    await page.waitForFunction(() => window.__netwatch?.ready === true, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => window.__netwatch.arcs() >= 12 && window.__netwatch.points() >= 1, undefined,
      { timeout: 20_000 });
    const before = await page.evaluate(() => window.__netwatch.flowsReceived());
    await page.waitForFunction((b) => window.__netwatch.flowsReceived() > b, before, { timeout: 10_000 });
    const state = await page.evaluate(() => ({ arcs: window.__netwatch.arcs(), points: window.__netwatch.points() }));
    assert.ok(state.arcs <= 1500, 'bounded');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.getByText('IP Geolocation by DB-IP').waitFor();
    await page.waitForTimeout(1500); // let the camera settle on the site
    await shot('globe-1366');
  });

  await step('globe: a busiest connection opens its details by keyboard; Escape closes and returns focus', async () => {
    const first = page.getByRole('list').locator('.top-item').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary').filter({ has: page.locator('#details-title') });
    await panel.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'details-title');
    await panel.getByRole('link', { name: /^Flows with / }).waitFor();
    await shot('globe-details-1366');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('top-item')), true);
  });

  await step('overview: rates charted, protocol mix and capture figures', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Protocol mix (bytes)' }).waitFor();
    assert.equal(await page.locator('svg[role=img]').count(), 2);
    await shot('overview-1366');
  });

  await step('devices: filter, sort by name, open a device by its row link', async () => {
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.getByLabel('Filter').fill('printer');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    assert.match(page.url(), /q=printer/);
    await page.getByLabel('Filter').fill('');
    await page.getByRole('button', { name: 'Name' }).click();
    assert.equal(await page.locator('th[aria-sort=ascending]').count(), 1);
    await shot('devices-1366');
    const link = page.locator('tbody tr td a').first();
    const name = await link.textContent();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/devices\/[^/]+$/);
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await shot('device-1366');
  });

  await step('flows: the filter comes from the URL, rows match it, Pause freezes the table', async () => {
    await page.goto(`${h.base}/flows?ip=203.0.113.2`);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByLabel('Address').inputValue(), '203.0.113.2');
    const cells = await page.locator('tbody tr').allTextContents();
    assert.ok(cells.every((t) => t.includes('203.0.113.2')), 'every row has the address');
    await page.getByRole('button', { name: 'Pause' }).click();
    assert.equal(await page.getByRole('button', { name: 'Resume' }).getAttribute('aria-pressed'), 'true');
    await page.getByLabel('Port').fill('abc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Expected a number from 0 to 65535').waitFor();
    await shot('flows-1366');
  });

  await step('alerts: severity filter in the URL, acknowledge posts and updates the row', async () => {
    await page.goto(`${h.base}/alerts`);
    await page.locator('tbody tr').first().waitFor();
    const all = await page.locator('tbody tr').count();
    await page.getByLabel('Severity').selectOption('high');
    assert.match(page.url(), /severity=high/);
    const high = await page.locator('tbody tr').count();
    assert.ok(high < all, `high and above (${high}) is fewer than all (${all})`);
    await page.locator('tbody tr').first().getByRole('button', { name: /^Acknowledge/ }).click();
    await page.locator('tbody tr').first().getByText('acknowledged').waitFor();
    await shot('alerts-1366');
  });

  await step('topology: a graph of devices and external endpoints, and the same links as a table', async () => {
    await page.getByRole('link', { name: 'Topology' }).click();
    await page.locator('canvas.topology-canvas').waitFor();
    await page.getByText('Busiest links as a table').click();
    await page.locator('tbody tr').first().waitFor();
    await page.waitForTimeout(1500);
    await shot('topology-1366');
  });

  await step('1920×1080: globe and devices', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${h.base}/`);
    await page.waitForFunction(() => window.__netwatch?.ready === true && window.__netwatch.arcs() > 0, undefined,
      { timeout: 60_000 });
    await page.waitForTimeout(1500);
    await shot('globe-1920');
    await page.goto(`${h.base}/devices`);
    await page.locator('tbody tr').first().waitFor();
    await shot('devices-1920');
  });

  await step('sign out returns to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
  });

  await step('no page errors (console errors other than WebGL driver notes)', async () => {
    assert.deepEqual(errors.filter((e) => !e.includes('401')), []);
  });
} finally {
  clearInterval(ticker);
  await close();
  await h.close();
}

// With auth off (the api on loopback without a password), the login page is never shown.
const open = await startHarness({ uiDir });
const second = await launchChromium({ width: 1366, height: 768 })
  .catch((err) => fail(`Chromium (${CHROMIUM}) did not start: ${err?.message ?? err}`));
try {
  const p = usePage(await second.context.newPage());
  await step('auth off: /login goes straight to the globe', async () => {
    await p.goto(`${open.base}/login`);
    await p.waitForURL(`${open.base}/`);
    assert.equal(await p.getByRole('button', { name: 'Sign out' }).count(), 0);
  });
} finally {
  await second.close();
  await open.close();
}

const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length}/${results.length} passed; screenshots in ${OUT}`);
for (const r of failed) console.log(`FAILED: ${r.name}`);
process.exit(failed.length === 0 ? 0 : 1);
