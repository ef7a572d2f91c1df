// Build-time stand-in for 'three/webgpu' (see vite.config.ts): three-globe and three-render-objects import the WebGPU
// renderer for their heatmap layer and an opt-in WebGPU mode, neither of which the UI uses. Bundling the real module
// would add about a megabyte of JavaScript to every globe page; constructing these instead says why it is missing.

const reason = 'WebGPU is not bundled in the netwatch UI (ui/src/vendor-stubs/three-webgpu.ts)';

export class WebGPURenderer {
  constructor() {
    throw new Error(reason);
  }
}

export class StorageInstancedBufferAttribute {
  constructor() {
    throw new Error(reason);
  }
}
