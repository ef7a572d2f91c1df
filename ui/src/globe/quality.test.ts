import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameGovernor, isSoftwareRenderer, planQuality } from './quality.js';

test('software renderers are recognised and get no antialiasing; GPUs keep the device pixel ratio', () => {
  assert.equal(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'), true);
  assert.equal(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)'), true);
  assert.equal(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'), false);
  assert.deepEqual(planQuality('SwiftShader', 2), {
    software: true, antialias: false, pixelRatio: 1, minPixelRatio: 0.5, globeCurvature: 6, renderer: 'SwiftShader',
  });
  assert.equal(planQuality('Apple M2', 2).globeCurvature, 4, 'three-globe\'s default facets with a GPU');
  assert.equal(planQuality('Apple M2', 2).pixelRatio, 2);
  assert.equal(planQuality('Apple M2', 3).pixelRatio, 2, 'capped at 2');
});

test('the governor steps down while frames are slow, not below the floor, and back up when fast', () => {
  const g = new FrameGovernor({ pixelRatio: 1, minPixelRatio: 0.5 }, { windowMs: 1000, slowMs: 33.4, fastMs: 22 });
  const run = (ms: number, from: number) => {
    let changed: number | undefined;
    for (let t = from; t <= from + 1000; t += ms) changed = g.frame(ms, t) ?? changed;
    return changed;
  };
  assert.equal(run(100, 0), 0.75);
  assert.equal(run(100, 2000), 0.5);
  assert.equal(run(100, 4000), undefined, 'already at the floor');
  assert.equal(run(25, 6000), undefined, 'between the thresholds: stay');
  assert.equal(run(16, 8000), 0.75);
  assert.equal(run(16, 10000), 1);
  assert.equal(run(16, 12000), undefined, 'never above the plan');
});
