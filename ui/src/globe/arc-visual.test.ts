import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArcStore } from '../data/arc-store.js';
import { endpoint, flow, TOKYO } from '../testing/fixtures.js';
import { arcVisual, phaseOf, railKeys, widthForBytes } from './arc-visual.js';
import { protocolColor, rgbOf } from './protocol-colors.js';

test('width grows with the logarithm of bytes, within 1..6 px', () => {
  assert.equal(widthForBytes(0), 1);
  assert.equal(widthForBytes(100), 1);
  assert.ok(Math.abs(widthForBytes(1e6) - 3.45) < 0.01);
  assert.ok(widthForBytes(1e9) > widthForBytes(1e6));
  assert.equal(widthForBytes(1e15), 6);
});

test('an arc is coloured by its protocol and its dash runs the way most bytes go', () => {
  const s = new ArcStore();
  const out = s.addFlow(flow('10.0.0.5', '203.0.113.9', { protocol: 'dns', srcBytes: 900, dstBytes: 100 }), 0);
  assert.ok(out);
  const v = arcVisual(out, false);
  assert.deepEqual(v.color, rgbOf(protocolColor('dns')));
  assert.equal(v.lat, TOKYO.lat);
  assert.ok(v.speed > 0, 'outbound: from the site outwards');
  const inbound = s.addFlow(flow('198.51.100.1', '10.0.0.5', {
    src: endpoint('198.51.100.1', { geo: TOKYO }), dst: endpoint('10.0.0.5'), srcBytes: 5000, dstBytes: 10,
  }), 0);
  assert.ok(inbound && arcVisual(inbound, true).speed < 0);
  assert.deepEqual([...railKeys(s.values(), 1)], ['198.51.100.1'], 'the rail goes to the arc with the most bytes');
  assert.equal(phaseOf('x'), phaseOf('x'));
  assert.notEqual(phaseOf('x'), phaseOf('y'));
});

test('protocol colours: known names fixed, unknown names stable; CSS colours convert to 0..1', () => {
  assert.equal(protocolColor('TLS'), protocolColor('tls'));
  assert.equal(protocolColor('gopher'), protocolColor('gopher'));
  assert.match(protocolColor('gopher'), /^hsl\(/);
  assert.deepEqual(rgbOf('#ff0080'), [1, 0, 128 / 255]);
  const [r, g, b] = rgbOf('hsl(120, 100%, 50%)');
  assert.ok(r < 1e-9 && Math.abs(g - 1) < 1e-9 && b < 1e-9);
});
