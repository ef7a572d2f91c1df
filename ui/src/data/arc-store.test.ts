import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpoint, flow, TOKYO, BERLIN } from '../testing/fixtures.js';
import { ArcStore, remoteSide } from './arc-store.js';

test('the remote side is the external endpoint with a location', () => {
  assert.equal(remoteSide(flow('10.0.0.5', '203.0.113.9')), 'dst');
  assert.equal(remoteSide(flow('203.0.113.9', '10.0.0.5', { src: endpoint('203.0.113.9', { geo: TOKYO }) })), 'src');
  assert.equal(remoteSide(flow('10.0.0.5', '10.0.0.6', { dst: endpoint('10.0.0.6') })), undefined);
  assert.equal(remoteSide(flow('10.0.0.5', '203.0.113.9', { dst: endpoint('203.0.113.9') })), undefined);
});

test('flows to one remote endpoint aggregate into one arc with direction, protocol and locals', () => {
  const s = new ArcStore({ capacity: 10 });
  s.addFlow(flow('10.0.0.5', '203.0.113.9', { protocol: 'tls', srcBytes: 100, dstBytes: 5000 }), 1000);
  s.addFlow(flow('10.0.0.6', '203.0.113.9', { protocol: 'dns', srcBytes: 60, dstBytes: 90 }), 2000);
  assert.equal(s.size, 1);
  const arc = s.get('203.0.113.9');
  assert.ok(arc);
  assert.equal(arc.bytes, 5250);
  assert.equal(arc.outBytes, 160);
  assert.equal(arc.inBytes, 5090);
  assert.equal(arc.flows, 2);
  assert.equal(arc.protocol, 'tls');
  assert.deepEqual(arc.locals, ['10.0.0.5', '10.0.0.6']);
  assert.equal(arc.lastSeen, 2000);
  assert.equal(s.drainChanges().updated.length, 1);
  assert.deepEqual(s.drainChanges(), { updated: [], removedSlots: [] });
});

test('an inbound flow counts the remote sender as the remote end', () => {
  const s = new ArcStore({ capacity: 10 });
  s.addFlow(flow('198.51.100.7', '10.0.0.5', {
    src: endpoint('198.51.100.7', { geo: BERLIN }), dst: endpoint('10.0.0.5'), srcBytes: 9000, dstBytes: 100,
  }), 1000);
  const arc = s.get('198.51.100.7');
  assert.equal(arc?.inBytes, 9000);
  assert.equal(arc?.outBytes, 100);
});

test('active-timeout records of one flow add their difference and count one flow', () => {
  const s = new ArcStore({ capacity: 10 });
  const f = flow('10.0.0.5', '203.0.113.9', { id: 'long', final: false, srcBytes: 100, dstBytes: 100 });
  s.addFlow(f, 1000);
  s.addFlow({ ...f, srcBytes: 300, dstBytes: 400 }, 2000);
  s.addFlow({ ...f, srcBytes: 300, dstBytes: 500, final: true }, 3000);
  const arc = s.get('203.0.113.9');
  assert.equal(arc?.bytes, 800);
  assert.equal(arc?.flows, 1);
});

test('unlocated and local-only flows are counted, not drawn', () => {
  const s = new ArcStore({ capacity: 10 });
  s.addFlow(flow('10.0.0.5', '10.0.0.6', { dst: endpoint('10.0.0.6') }), 1);
  s.addFlow(flow('10.0.0.5', '203.0.113.1', { dst: endpoint('203.0.113.1') }), 1);
  assert.equal(s.size, 0);
  assert.equal(s.localOnly, 1);
  assert.equal(s.unlocated, 1);
});

test('arcs expire after the ttl and free their slot', () => {
  const s = new ArcStore({ capacity: 2, ttlMs: 1000 });
  s.addFlow(flow('10.0.0.5', '203.0.113.1'), 0);
  s.addFlow(flow('10.0.0.5', '203.0.113.2'), 900);
  const slot = s.get('203.0.113.1')?.slot;
  s.drainChanges();
  assert.equal(s.expire(1500), 1);
  assert.equal(s.size, 1);
  assert.deepEqual(s.drainChanges().removedSlots, [slot]);
  s.addFlow(flow('10.0.0.5', '203.0.113.3'), 1600);
  assert.equal(s.get('203.0.113.3')?.slot, slot, 'the freed slot is reused');
});

test('when full, the arc with the smallest decayed score makes room', () => {
  const s = new ArcStore({ capacity: 2, ttlMs: 1e9, halfLifeMs: 1000 });
  s.addFlow(flow('10.0.0.5', '203.0.113.1', { srcBytes: 1e6, dstBytes: 0 }), 0); // big but old
  s.addFlow(flow('10.0.0.5', '203.0.113.2', { srcBytes: 1e4, dstBytes: 0 }), 10_000); // small but recent
  s.addFlow(flow('10.0.0.5', '203.0.113.3', { srcBytes: 1, dstBytes: 0 }), 10_000);
  assert.equal(s.size, 2);
  assert.equal(s.evicted, 1);
  // 1e6 halved ten times ≈ 977 < 1e4: the old big one goes
  assert.equal(s.get('203.0.113.1'), undefined);
  assert.ok(s.get('203.0.113.2'));
  assert.ok(s.get('203.0.113.3'));
  assert.equal(s.top(1)[0]?.key, '203.0.113.2');
});
