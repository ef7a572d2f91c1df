import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph } from './graph.js';

test('the graph keeps the busiest nodes and only the links between kept nodes', () => {
  const g = buildGraph({
    nodes: [
      { id: 'd1', label: 'laptop', kind: 'device' },
      { id: 'x1', label: '203.0.113.1', kind: 'external' },
      { id: 'x2', label: '203.0.113.2', kind: 'external' },
    ],
    links: [
      { source: 'd1', target: 'x1', bytes: 1e6, flows: 3, protocol: 'tls' },
      { source: 'd1', target: 'x2', bytes: 10, flows: 1 },
      { source: 'd1', target: 'ghost', bytes: 5, flows: 1 },
    ],
  }, 2);
  assert.deepEqual(g.nodes.map((n) => n.id), ['d1', 'x1']);
  assert.equal(g.droppedNodes, 1);
  assert.equal(g.links.length, 1);
  assert.deepEqual({ ...g.links[0] }, { source: 0, target: 1, weight: 1, bytes: 1e6, flows: 3, protocol: 'tls' });
  assert.deepEqual(g.weight, [1e6 + 15, 1e6]);
});
