// Build-time stand-in for 'three/tsl' (see vite.config.ts and three-webgpu.ts): only three-globe's WebGPU heatmap
// code reads these names, which the UI never runs; each says why it is missing if it ever is called.

function notBundled(): never {
  throw new Error('three/tsl is not bundled in the netwatch UI (ui/src/vendor-stubs/three-tsl.ts)');
}

export {
  notBundled as Fn, notBundled as If, notBundled as uniform, notBundled as storage, notBundled as float,
  notBundled as instanceIndex, notBundled as Loop, notBundled as sqrt, notBundled as sin, notBundled as cos,
  notBundled as asin, notBundled as exp, notBundled as negate,
};
