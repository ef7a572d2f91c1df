import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as THREE from 'three';
import { createAtmosphere } from './atmosphere.js';
import { GLOBE_RADIUS } from './geo.js';

test('the atmosphere is a ring from just inside the globe\'s outline to its altitude, drawn after the arcs', () => {
  const mesh = createAtmosphere('#3b82f6', 0.16);
  const material = mesh.material as THREE.ShaderMaterial;
  const inner = material.uniforms.uInner?.value as number;
  const outer = material.uniforms.uOuter?.value as number;
  assert.ok(inner < GLOBE_RADIUS, 'the globe hides the ring\'s inner edge: no gap at its outline');
  assert.ok(Math.abs(outer - GLOBE_RADIUS * 1.16) < 1e-9);
  // the colour as three-globe's glow: THREE.Color's working-space value of the CSS colour
  assert.ok((material.uniforms.uColor?.value as THREE.Color).equals(new THREE.Color('#3b82f6')));
  assert.equal(material.depthWrite, false);
  assert.equal(mesh.renderOrder, 1);
  const ring = mesh.geometry.getAttribute('aRing');
  const index = mesh.geometry.getIndex();
  assert.ok(index !== null);
  for (let i = 0; i < index.count; i++) assert.ok(index.getX(i) < ring.count);
  const radial = new Set<number>();
  for (let v = 0; v < ring.count; v++) radial.add(ring.getY(v));
  assert.deepEqual([Math.min(...radial), Math.max(...radial)], [0, 1], 'from the inner edge to the outer');
  mesh.geometry.dispose();
  material.dispose();
});
