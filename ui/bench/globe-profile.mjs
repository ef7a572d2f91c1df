// Where the globe's frame time goes: opens /bench/globe (as globe-frame-time.mjs does) and, over the measured window,
// reads the CPU time of each Chromium process (CDP SystemInfo.getProcessInfo) and of each thread of the GPU and
// renderer processes (/proc, Linux), and the page's main-thread time (CDP Performance.getMetrics). So JavaScript, the
// renderer and the GPU process (where SwiftShader rasterises, on its worker threads) are told apart, per frame.
// Variants (page queries) run interleaved for several rounds and the medians are printed, because on a shared
// machine one run of each is not enough to compare them.
// Usage: (cd ui && npm run build) && node ui/bench/globe-profile.mjs [--arcs 0,5000] [--variants 'dpr=0.5|atmo=0']
//        [--rounds 3] [--seconds 4] [--warmup 3] [--dist DIR (another build, e.g. a copy of ui/dist before a change)]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { serveDist } from './static-server.mjs';

const { values } = parseArgs({
  options: {
    arcs: { type: 'string', default: '0,5000' },
    variants: { type: 'string', default: '' },
    rounds: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '3' },
    dist: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const root = values.dist ?? fileURLToPath(new URL('../dist/', import.meta.url)).replace(/\/$/, '');
if (!existsSync(`${root}/index.html`)) {
  console.error(`${root}/index.html is missing: run \`npm run build\` in ui/ first`);
  process.exit(2);
}
const USER_HZ = 100; // /proc/<pid>/task/<tid>/stat counts CPU time in clock ticks

const server = await serveDist({ root });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const cdp = await browser.newBrowserCDPSession();

/** CPU seconds by process type, and by "type:thread name" for the GPU and renderer processes. */
async function cpuTimes() {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const byType = {};
  const byThread = {};
  for (const p of processInfo) {
    byType[p.type] = (byType[p.type] ?? 0) + p.cpuTime;
    if (p.type !== 'GPU' && p.type !== 'renderer') continue;
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p.id}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      let stat;
      try {
        stat = readFileSync(`/proc/${p.id}/task/${t}/stat`, 'utf8');
      } catch {
        continue;
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = `${p.type}:${name}`;
      byThread[key] = (byThread[key] ?? 0) + (Number(fields[11]) + Number(fields[12])) / USER_HZ; // utime + stime
    }
  }
  return { byType, byThread };
}

async function measure(arcs, query) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const q = [`arcs=${arcs}`, `seconds=${seconds + 2}`, `warmup=${warmup}`, query].filter((s) => s !== '').join('&');
    await page.goto(`${server.url}/bench/globe?${q}`);
    await page.waitForFunction(() => window.__netwatch?.ready === true, undefined, { timeout: 120_000 });
    await page.waitForTimeout(warmup * 1000 + 300);
    // count frames with a requestAnimationFrame callback of our own
    await page.evaluate(() => {
      window.__profileFrames = 0;
      const tick = () => {
        window.__profileFrames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const frameTime = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    const metrics = async () => Object.fromEntries(
      (await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const t0 = await frameTime();
    const [c0, m0] = [await cpuTimes(), await metrics()];
    const frames0 = await page.evaluate(() => window.__profileFrames);
    await page.waitForTimeout(seconds * 1000);
    const t1 = await frameTime();
    const [c1, m1] = [await cpuTimes(), await metrics()];
    const frames1 = await page.evaluate(() => window.__profileFrames);
    const bench = await page.evaluate(() => window.__netwatchBench);
    const frames = Math.max(1, frames1 - frames0);
    // frames counted between the two samples; the interval from the timestamps of the frames around them
    const perFrame = (sec) => (sec * 1000) / frames;
    const delta = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, perFrame(b[k] - (a[k] ?? 0))]));
    return {
      arcs, query, frames, meanMs: (t1 - t0) / Math.max(1, frames), pixelRatio: bench?.pixelRatio,
      process: delta(c0.byType, c1.byType), thread: delta(c0.byThread, c1.byThread),
      mainThread: {
        task: perFrame((m1.TaskDuration ?? 0) - (m0.TaskDuration ?? 0)),
        script: perFrame((m1.ScriptDuration ?? 0) - (m0.ScriptDuration ?? 0)),
      },
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');

try {
  const variants = values.variants.split('|');
  const arcCounts = values.arcs.split(',').map(Number);
  const results = [];
  console.log(`globe profile: ${root}, ${seconds} s per run after ${warmup} s, ${values.rounds} round(s), 1920x1080`);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const query of variants) {
      for (const arcs of arcCounts) {
        const r = await measure(arcs, query);
        results.push(r);
        const threads = Object.entries(r.thread).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]);
        console.log(`round ${round + 1} arcs ${arcs} [${query}] frames ${r.frames}, frame ${f(r.meanMs)} ms, ` +
          `pixel ratio ${r.pixelRatio}; CPU ms per frame: GPU process ${f(r.process.GPU)}, renderer ` +
          `${f(r.process.renderer)} (main thread busy ${f(r.mainThread.task)}, script ${f(r.mainThread.script)}); ` +
          `threads: ${threads.map(([k, v]) => `${k} ${f(v)}`).join(', ')}`);
      }
    }
  }
  console.log('\nmedians            arcs   frame ms   GPU process CPU ms/frame   renderer CPU   script');
  for (const query of variants) {
    for (const arcs of arcCounts) {
      const rs = results.filter((r) => r.arcs === arcs && r.query === query);
      console.log(`${(query || '(default)').padEnd(18)} ${String(arcs).padStart(5)} ${f(median(rs.map((r) => r.meanMs))).padStart(10)} ` +
        `${f(median(rs.map((r) => r.process.GPU))).padStart(26)} ${f(median(rs.map((r) => r.process.renderer))).padStart(14)} ` +
        `${f(median(rs.map((r) => r.mainThread.script))).padStart(8)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
