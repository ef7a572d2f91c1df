// Rendering quality for the machine at hand. With a GPU the globe renders at the device's pixel ratio with
// antialiasing. With a software rasteriser (SwiftShader, llvmpipe: browsers without GPU access, VMs, CI) every pixel
// and every triangle costs CPU time, so antialiasing is off, the globe's sphere has coarser facets and a governor
// lowers the resolution until frames keep up.

export interface QualityPlan {
  software: boolean;
  antialias: boolean;
  /** the pixel ratio to start with and to return to when frames are fast */
  pixelRatio: number;
  /** the lowest pixel ratio the governor may use */
  minPixelRatio: number;
  /**
   * degrees per facet of the globe's sphere (three-globe's globeCurvatureResolution, default 4): each triangle costs
   * about 1.5 µs in SwiftShader, and 6° draws 3 600 instead of 8 100 with the outline within 0.14 % of the radius
   */
  globeCurvature: number;
  renderer: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|lavapipe|microsoft basic render/i;

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

/** Asks a throwaway WebGL context which renderer the browser uses (WEBGL_debug_renderer_info), then frees it. */
export function detectRenderer(): string {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl === null) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return 'unknown';
  }
}

export function planQuality(renderer: string, devicePixelRatio: number): QualityPlan {
  const software = isSoftwareRenderer(renderer);
  const device = Math.min(2, Math.max(1, devicePixelRatio || 1));
  return software
    ? { software, antialias: false, pixelRatio: 1, minPixelRatio: 0.5, globeCurvature: 6, renderer }
    : {
        software, antialias: true, pixelRatio: device, minPixelRatio: Math.min(1, device), globeCurvature: 4, renderer,
      };
}

/**
 * Frame-time governor: every `windowMs` it looks at the mean frame interval and steps the pixel ratio down by 0.25
 * when frames are slower than `slowMs` (30 fps), up again when faster than `fastMs`. Hysteresis keeps it from
 * oscillating; pure, so the page feeds it frame times and applies what it returns.
 */
export class FrameGovernor {
  private sum = 0;
  private count = 0;
  private windowStart = -1;
  ratio: number;

  constructor(
    private readonly plan: Pick<QualityPlan, 'pixelRatio' | 'minPixelRatio'>,
    private readonly options = { windowMs: 1500, slowMs: 33.4, fastMs: 22 },
  ) {
    this.ratio = plan.pixelRatio;
  }

  /** One frame interval at time `now`; returns the new pixel ratio when it changes. */
  frame(intervalMs: number, now: number): number | undefined {
    if (this.windowStart < 0) this.windowStart = now;
    this.sum += intervalMs;
    this.count++;
    if (now - this.windowStart < this.options.windowMs) return undefined;
    const mean = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    this.windowStart = now;
    let next = this.ratio;
    if (mean > this.options.slowMs && this.ratio > this.plan.minPixelRatio) {
      next = Math.max(this.plan.minPixelRatio, this.ratio - 0.25);
    } else if (mean < this.options.fastMs && this.ratio < this.plan.pixelRatio) {
      next = Math.min(this.plan.pixelRatio, this.ratio + 0.25);
    }
    if (next === this.ratio) return undefined;
    this.ratio = next;
    return next;
  }
}
