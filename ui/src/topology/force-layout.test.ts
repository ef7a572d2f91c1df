import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForceLayout, initialNodes } from './force-layout.js';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

test('the layout settles, pulls linked nodes together and pushes unlinked ones apart', () => {
  // two pairs, linked within each pair only
  const links = [{ source: 0, target: 1, weight: 1 }, { source: 2, target: 3, weight: 1 }];
  const sim = new ForceLayout(initialNodes(4), links);
  let ticks = 0;
  while (sim.tick()) ticks++;
  assert.ok(sim.settled);
  assert.ok(ticks > 100 && ticks < 2000, `${ticks} ticks`);
  const [a, b, c, d] = sim.nodes;
  assert.ok(a && b && c && d);
  assert.ok(dist(a, b) < dist(a, c) && dist(c, d) < dist(b, d), 'linked pairs sit closer than unlinked nodes');
  assert.ok(sim.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
});

test('the layout is deterministic and coincident nodes separate', () => {
  const run = () => {
    const nodes = initialNodes(3).map((n) => ({ ...n, x: 0, y: 0 }));
    const sim = new ForceLayout(nodes, []);
    while (sim.tick());
    return sim.nodes.map((n) => [n.x, n.y]);
  };
  const once = run();
  assert.deepEqual(run(), once);
  const [p, q] = once;
  assert.ok(p && q && Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number)) > 1);
});
