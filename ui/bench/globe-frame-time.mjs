// Bench: globe frame time in real Chromium (software WebGL, SwiftShader) at 1920×1080 with 5 000 synthetic arcs.
// "auto" is what the live globe does on this machine (after a 4 s warm-up, so the quality governor has settled),
// against the same page with 0 arcs; "fixed" holds the pixel ratio at 0.5 and compares our arc layer with the named
// peer, globe.gl's own arcs layer, drawing the same arcs on the same globe in the same run; "full" is antialiasing
// at pixel ratio 1, as with a GPU. Serves ui/dist itself on 127.0.0.1; no api needed.
// Usage: (cd ui && npm run build) && node ui/bench/globe-frame-time.mjs [--arcs 5000] [--seconds 5] [--screenshot FILE]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { serveDist } from './static-server.mjs';

const { values } = parseArgs({
  options: {
    arcs: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '5' },
    screenshot: { type: 'string' },
  },
});
const arcs = Number(values.arcs);
const seconds = Number(values.seconds);
const TARGET_MS = 33;

const root = fileURLToPath(new URL('../dist/', import.meta.url)).replace(/\/$/, '');
if (!existsSync(`${root}/index.html`)) {
  console.error('ui/dist is missing: run `npm run build` in ui/ first');
  process.exit(2);
}

const runs = [
  { label: 'auto', arcs: 0, query: 'warmup=4' },
  { label: 'auto', arcs, query: 'warmup=4', screenshot: values.screenshot },
  { label: 'fixed', arcs, query: 'dpr=0.5&warmup=2' },
  { label: 'globe.gl', arcs, query: 'dpr=0.5&warmup=2&peer=globegl' },
  { label: 'full', arcs: 0, query: 'quality=full&warmup=1' },
  { label: 'full', arcs, query: 'quality=full&warmup=1' },
];

const server = await serveDist({ root });
const { context, close } = await launchChromium({ width: 1920, height: 1080 });
try {
  const results = [];
  let version = 'unknown';
  let renderer = 'unknown';
  for (const run of runs) {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${server.url}/bench/globe?arcs=${run.arcs}&seconds=${seconds}&${run.query}`);
    await page.waitForFunction(() => window.__netwatchBench?.done === true, undefined,
      { timeout: (seconds + 90) * 1000, polling: 250 });
    const r = await page.evaluate(() => window.__netwatchBench);
    version = await page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? 'unknown');
    renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'unknown';
    });
    if (run.screenshot !== undefined) await page.screenshot({ path: run.screenshot });
    results.push({ ...run, ...r, problems });
    await page.close();
  }
  console.log(`globe frame time: Chromium ${version}, 1920x1080, ${seconds} s per run`);
  console.log(`renderer: ${renderer}`);
  console.log('quality   arcs   frames   mean ms   p95 ms    fps  pixel ratio  rails  antialias');
  for (const r of results) {
    const fps = r.meanMs > 0 ? (1000 / r.meanMs).toFixed(1) : '-';
    console.log(`${r.label.padEnd(9)} ${String(r.arcs).padEnd(6)} ${String(r.frames).padStart(6)} ` +
      `${r.meanMs.toFixed(2).padStart(9)} ${r.p95Ms.toFixed(2).padStart(8)} ${fps.padStart(6)}  ` +
      `${String(r.pixelRatio).padStart(11)}  ${`${Math.round(r.railShare * 100)}%`.padStart(5)}  ${r.antialias}`);
  }
  const ours = results.find((r) => r.label === 'fixed');
  const peer = results.find((r) => r.label === 'globe.gl');
  if (ours !== undefined && peer !== undefined && ours.meanMs > 0) {
    console.log(`pixel ratio 0.5, ${arcs} arcs: netwatch's arc layer ${ours.meanMs.toFixed(1)} ms, globe.gl's arcs ` +
      `layer ${peer.meanMs.toFixed(1)} ms: x${(peer.meanMs / ours.meanMs).toFixed(2)} faster`);
  }
  for (const label of ['auto', 'full']) {
    const base = results.find((r) => r.label === label && r.arcs === 0);
    const loaded = results.find((r) => r.label === label && r.arcs === arcs);
    if (base === undefined || loaded === undefined || base.meanMs === 0) continue;
    // the target is for what the machine's user gets (auto); full is a GPU's settings drawn on the CPU, for scale
    const verdict = label === 'auto'
      ? `; target <= ${TARGET_MS} ms mean: ${loaded.meanMs <= TARGET_MS ? 'met' : 'NOT met'}`
      : ' (a GPU\'s settings drawn on the CPU: for scale, no target)';
    console.log(`${label}: ${arcs} arcs vs the 0-arc baseline: mean x${(loaded.meanMs / base.meanMs).toFixed(2)} ` +
      `(+${(loaded.meanMs - base.meanMs).toFixed(1)} ms)${verdict}`);
  }
  for (const r of results) for (const p of r.problems) console.log(`page error (${r.label}, ${r.arcs} arcs): ${p}`);
} finally {
  await close();
  await server.close();
}
