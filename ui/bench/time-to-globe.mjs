// How long a newcomer waits: from typing `npm start` (in the checkout given, default this one) to arcs on the globe
// in Chromium. Prints when the command said its URL, when the page first answered and when the globe first held an
// arc (read from the page's own test hook, not from pixels), against the 10 s the project promises.
// Usage: node ui/bench/time-to-globe.mjs [--dir CHECKOUT] [--port 18080] [-- ARGS for netwatch start]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';

const { values, positionals } = parseArgs({
  options: {
    dir: { type: 'string', default: fileURLToPath(new URL('../../', import.meta.url)) },
    port: { type: 'string', default: '18080' },
  },
  allowPositionals: true,
});
const TARGET_S = 10;
const LIMIT_MS = 600_000;
const url = `http://127.0.0.1:${values.port}/`;
const started = performance.now();
const seconds = (t) => ((t - started) / 1000).toFixed(1);

const child = spawn('npm', ['start', '--', '--port', values.port, ...positionals], {
  cwd: values.dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  // no password: `netwatch start` on loopback runs without login and says so
  env: { ...process.env, NETWATCH_API_PASSWORD_HASH: '', NETWATCH_LOG_LEVEL: 'warn' },
});
let output = '';
let announced;
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk.toString();
    if (announced === undefined && output.includes('netwatch: open http')) announced = performance.now();
  });
}
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

let browser;
try {
  // the page: poll until the server answers, then until the globe's hook counts an arc
  let answered;
  while (answered === undefined) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
    if (performance.now() - started > LIMIT_MS) throw new Error(`no answer from ${url} in ${LIMIT_MS / 1000} s`);
    try {
      if ((await fetch(url)).ok) answered = performance.now();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  browser = await launchChromium({ width: 1366, height: 768 });
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window.__netwatch?.arcs() ?? 0) > 0, undefined,
    { timeout: LIMIT_MS, polling: 100 });
  const arcs = performance.now();
  const total = (arcs - started) / 1000;
  console.log(`npm start in ${values.dir}`);
  console.log(`  URL printed     ${announced === undefined ? '-' : seconds(announced)} s`);
  console.log(`  page answered   ${seconds(answered)} s`);
  console.log(`  first arc       ${seconds(arcs)} s (page opened at ${seconds(answered)} s)`);
  console.log(`target <= ${TARGET_S} s from the command to arcs on the globe: ${total <= TARGET_S ? 'met' : 'NOT met'}`);
} finally {
  await browser?.close();
  stop();
}
