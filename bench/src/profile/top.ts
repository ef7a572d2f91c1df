// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by package.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `kafkajs`, `@platformatic/kafka`, `@netwatch/kit`, `node:zlib`… or `(idle)`/`(gc)`. */
function owner(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/(services\/lib\/[^/]+|services\/[^/]+|bench)\//.exec(url);
  return own?.[1] ?? url;
}

/** The file, relative to its package or the repository, for the per-function table. */
function where(url: string): string {
  const inPackage = /node_modules\/(.*)$/.exec(url);
  if (inPackage?.[1]) return inPackage[1];
  const inRepo = /\/((?:services|bench)\/.*)$/.exec(url);
  return inRepo?.[1] ?? url;
}

function main(): void {
  const [file, limitArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/dist/profile/top.js FILE.cpuprofile [rows]');
  const limit = Number(limitArg ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fnTotals = new Map<string, number>();
  const pkgTotals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const who = owner(url, functionName);
    const fn = `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fnTotals.set(fn, (fnTotals.get(fn) ?? 0) + us);
    pkgTotals.set(who, (pkgTotals.get(who) ?? 0) + us);
  }
  const print = (title: string, totals: Map<string, number>) => {
    process.stdout.write(`\n${title} (of ${(total / 1e6).toFixed(2)} s sampled)\n`);
    for (const [name, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      const pct = ((100 * us) / total).toFixed(1).padStart(5);
      process.stdout.write(`${pct}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
    }
  };
  // Inclusive: each function on a sample's stack counts once for that sample.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame?.url) continue;
      seen.add(`${frame.functionName || '(anonymous)'}  ${where(frame.url)}:${frame.lineNumber + 1}`);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
  print('Self time by package', pkgTotals);
  print('Self time by function', fnTotals);
  print('Total (inclusive) time by function', inclusive);
}

main();
