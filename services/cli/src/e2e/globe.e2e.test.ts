// End to end in real Chromium: `netwatch start` on a capture with public addresses, login, arcs on the globe, a device page, the alerts.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@netwatch/api';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort } from './free-port.js';
import { makePublicCapture, PUBLIC_SERVERS } from './public-capture.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(root, 'services/cli/bin/netwatch.js');
const CHROMIUM = '/usr/bin/chromium';
const USER = 'admin';
const PASSWORD = 'e2e-lab-passphrase';
/** Screenshots stay after the run; CI's log prints this folder. */
const SHOTS = join(root, '.cache/e2e/screenshots');

const skip = process.getuid?.() !== 0 ? 'needs root: records its capture in network namespaces'
  : !existsSync(CHROMIUM) ? `needs ${CHROMIUM} (apt-get install chromium)`
      : !existsSync(join(root, 'ui/dist/index.html')) ? 'needs the built UI (npm run build)' : false;

/** The UI's test hook on window (documented in ui/README.md). */
interface HookWindow {
  __netwatch?: { ready: boolean; arcs(): number; points(): number; flowsReceived(): number };
}

async function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (child.exitCode !== null) throw new Error(`netwatch start exited ${String(child.exitCode)}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`no ${String(pattern)} within ${String(ms)} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the globe in Chromium, end to end', { skip, timeout: 240_000 }, () => {
  let dir = '';
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  let output = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    const capture = await makePublicCapture(dir);
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    child = spawn(process.execPath, [bin, 'start', '--pcap', capture, '--port', String(port)], {
      env: { ...process.env, NETWATCH_API_PASSWORD_HASH: await hashPassword(PASSWORD), NETWATCH_API_USER: USER,
        NETWATCH_SITE_NAME: 'e2e lab', NETWATCH_SITE_LAT: '47.37', NETWATCH_SITE_LON: '8.54',
        NETWATCH_HOME_NET: '10.0.0.0/8', NETWATCH_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(child, () => output, /netwatch: open http/, 30_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  after(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  const shot = async (t: TestContext, name: string) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path });
    t.diagnostic(`screenshot: ${path}`);
  };

  it('refuses the API without credentials, then logs in through the form', async (t) => {
    const anonymous = await fetch(`${base}/api/v1/flows`);
    assert.equal(anonymous.status, 401);
    await page.goto(`${base}/`);
    await page.getByLabel('Username').fill(USER);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'netwatch_session');
    assert.ok(session?.httpOnly && session.sameSite === 'Strict', JSON.stringify(cookies));
    await shot(t, '1-after-login');
  });

  it('draws arcs on the globe from the page\'s own data, to the capture\'s public servers', async (t) => {
    await page.goto(`${base}/`);
    // Functions below run in the page, where the UI's test hook lives (ui/src/globe/test-hook.ts).
    await page.waitForFunction(() => {
      const hook = (globalThis as unknown as HookWindow).__netwatch;
      return hook?.ready === true && hook.arcs() > 0;
    }, undefined, { timeout: 30_000 });
    const seen = await page.evaluate(() => {
      const hook = (globalThis as unknown as HookWindow).__netwatch;
      return { arcs: hook?.arcs() ?? 0, flows: hook?.flowsReceived() ?? 0 };
    });
    t.diagnostic(`globe: ${String(seen.arcs)} arcs from ${String(seen.flows)} flows`);
    assert.ok(seen.arcs >= 1 && seen.arcs <= PUBLIC_SERVERS.length, JSON.stringify(seen));
    // The same flows through the API, with the cookie the page holds: enriched with a location.
    const flows = await page.evaluate(async () => (await fetch('/api/v1/flows?limit=1000')).json()) as
      { flows: { dst: { ip: string; geo?: { lat: number; lon: number } } }[] };
    const remotes = new Set(flows.flows.filter((f) => f.dst.geo !== undefined).map((f) => f.dst.ip));
    assert.ok([...remotes].every((ip) => (PUBLIC_SERVERS as readonly string[]).includes(ip)), [...remotes].join(' '));
    assert.ok(remotes.size >= 1);
    await page.waitForTimeout(1500); // let the arcs animate in before the picture
    await shot(t, '2-globe');
  });

  it('opens a device page from the device list', async (t) => {
    await page.goto(`${base}/devices`);
    const link = page.locator('a[href^="/devices/"]').first();
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await page.waitForURL(/\/devices\/[^/]+$/, { timeout: 10_000 });
    await page.getByText('10.77.0.1').first().waitFor({ timeout: 10_000 });
    await shot(t, '3-device');
  });

  it('shows the alert list with its severity filter', async (t) => {
    await page.goto(`${base}/alerts`);
    await page.getByRole('heading', { name: /alerts/i }).first().waitFor({ timeout: 10_000 });
    assert.ok(await page.getByLabel(/severity/i).count() >= 1, 'a labelled severity filter');
    await shot(t, '4-alerts');
  });
});
