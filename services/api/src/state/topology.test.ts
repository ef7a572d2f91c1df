// Links and topology: bytes counted once per flow despite cumulative interim records, bounded, ids resolved late.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topologyShape } from '../contract/shapes.js';
import { assetEvent, flowEvent } from '../testing/harness.js';
import { ApiState } from './api-state.js';
import { LinkTable } from './link-table.js';
import { buildTopology } from './topology.js';

describe('topology', () => {
  it('counts interim and final records of one flow as one flow with its final bytes', () => {
    const state = new ApiState();
    state.addFlow(flowEvent({ id: 'f1', bytes: 1000, exportReason: 'active_timeout' }));
    state.addFlow(flowEvent({ id: 'f1', bytes: 3000 }));
    state.addFlow(flowEvent({ id: 'f2', bytes: 500, protocol: 'http' }));
    const topology = buildTopology(state.links.top(10), state.devices);
    topologyShape.parse(topology);
    assert.deepEqual(topology.links, [
      { source: 'ip-192.168.10.23', target: 'ext-203.0.113.10', bytes: 3500, flows: 2, protocol: 'tls' },
    ]);
    assert.deepEqual(state.protocols.top(5), [{ name: 'tls', bytes: 3000, flows: 1 }, { name: 'http', bytes: 500, flows: 1 }]);
    assert.equal(state.devices.get('ip-192.168.10.23')?.flows, 2);
    assert.equal(state.flows.distinct, 2);
  });

  it('resolves an address to its MAC device when an asset event arrives after the flows', () => {
    const state = new ApiState();
    state.addFlow(flowEvent({ id: 'f1' }));
    state.addAsset(assetEvent());
    const topology = buildTopology(state.links.top(10), state.devices);
    const device = topology.nodes.find((n) => n.kind === 'device');
    assert.deepEqual(device, { id: '3c22fb123456', label: 'alices-macbook', kind: 'device', ip: '192.168.10.23' });
    assert.equal(topology.nodes.find((n) => n.kind === 'external')?.country, 'DE');
  });

  it('keeps the heaviest links when the table is full', () => {
    const table = new LinkTable(8);
    const state = new ApiState();
    for (let i = 0; i < 40; i++) {
      const flow = state.addFlow(flowEvent({ id: `s${i}`, dst: `198.51.100.${i}`, bytes: 100 + i }));
      table.add(flow, undefined);
    }
    assert.ok(table.size <= 8);
    assert.equal(table.top(1)[0]?.server, '198.51.100.39');
    assert.ok(table.pruned > 0);
  });
});
