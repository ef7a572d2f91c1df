import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameGovernor, isSoftwareRenderer, planQuality, qualityLevels, type QualityLevel } from './quality.js';

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

test('the ladder: the pixel ratio down to its floor, then fewer rails at the floor', () => {
  assert.deepEqual(qualityLevels({ pixelRatio: 1, minPixelRatio: 0.5 }), [
    { pixelRatio: 1, railShare: 1 },
    { pixelRatio: 0.75, railShare: 1 },
    { pixelRatio: 0.5, railShare: 1 },
    { pixelRatio: 0.5, railShare: 0.5 },
    { pixelRatio: 0.5, railShare: 0.25 },
  ]);
  assert.deepEqual(qualityLevels({ pixelRatio: 2, minPixelRatio: 1 }).map((l) => l.pixelRatio),
    [2, 1.75, 1.5, 1.25, 1, 1, 1]);
  assert.deepEqual(qualityLevels({ pixelRatio: 1, minPixelRatio: 1 }).map((l) => l.railShare), [1, 0.5, 0.25]);
});

test('the governor steps down while frames are slow, not below the last level, and back up when fast', () => {
  const g = new FrameGovernor(qualityLevels({ pixelRatio: 1, minPixelRatio: 0.5 }),
    { windowMs: 1000, slowMs: 33.4, fastMs: 22 });
  let clock = 0;
  g.frame(100, clock); // opens the first window
  // one window of frames `ms` apart (ms divides 1000, so the window closes on its last frame): the new level, if any
  const window = (ms: number) => {
    let changed: QualityLevel | undefined;
    for (let i = 0; i < 1000 / ms; i++) {
      clock += ms;
      changed = g.frame(ms, clock) ?? changed;
    }
    return changed;
  };
  assert.deepEqual(g.level, { pixelRatio: 1, railShare: 1 });
  assert.deepEqual(window(100), { pixelRatio: 0.75, railShare: 1 });
  assert.deepEqual(window(100), { pixelRatio: 0.5, railShare: 1 });
  assert.deepEqual(window(100), { pixelRatio: 0.5, railShare: 0.5 }, 'at the floor: fewer rails');
  assert.deepEqual(window(100), { pixelRatio: 0.5, railShare: 0.25 });
  assert.equal(window(100), undefined, 'already at the last level');
  assert.equal(window(25), undefined, 'between the thresholds: stay');
  assert.deepEqual(window(20), { pixelRatio: 0.5, railShare: 0.5 }, 'back up the way it came');
  assert.deepEqual(window(20), { pixelRatio: 0.5, railShare: 1 });
  assert.deepEqual(window(20), { pixelRatio: 0.75, railShare: 1 });
  assert.deepEqual(window(20), { pixelRatio: 1, railShare: 1 });
  assert.equal(window(20), undefined, 'never above the first level');
  assert.throws(() => new FrameGovernor([]), RangeError);
});
