import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as THREE from 'three';
import { createVertexLitMaterial } from './earth-material.js';

test('the vertex-lit material takes three.js\'s lights and keeps the very texture it was given', () => {
  const map = new THREE.Texture();
  const specular = new THREE.Color('#0c1a2e');
  const material = createVertexLitMaterial(map, { specular, shininess: 6 });
  assert.equal(material.lights, true);
  assert.ok('ambientLightColor' in material.uniforms && 'directionalLights' in material.uniforms);
  // the page redraws the canvas texture when the outlines load: a copy would never show them
  assert.equal(material.uniforms.map?.value, map);
  assert.equal(material.uniforms.shininess?.value, 6);
  assert.ok((material.uniforms.specular?.value as THREE.Color).equals(specular));
  material.dispose();
});
