// Rendering quality for the machine at hand. With a GPU the globe renders at the device's pixel ratio with
// antialiasing. With a software rasteriser (SwiftShader, llvmpipe: browsers without GPU access, VMs, CI) every pixel
// and every triangle costs CPU time, so antialiasing is off, the globe's sphere has coarser facets and a governor
// lowers the resolution, then the number of rails, until frames keep up.

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

/** One step of the governor's ladder. */
export interface QualityLevel {
  /** canvas pixels per CSS pixel */
  pixelRatio: number;
  /** the share of the arc layer's rails drawn, the busiest first (ArcLayer.setRailShare) */
  railShare: number;
}

/** Rail shares below all: a rail costs as much to draw as a dozen dashes, and says least (the dash shows the way). */
const RAIL_SHARES = [0.5, 0.25];

/**
 * The ladder the governor walks, best first: the pixel ratio from the plan's down to its floor in steps of 0.25,
 * then, at the floor, fewer rails. Every arc keeps its dash and its end on every step.
 */
export function qualityLevels(plan: Pick<QualityPlan, 'pixelRatio' | 'minPixelRatio'>): QualityLevel[] {
  const levels: QualityLevel[] = [];
  for (let ratio = plan.pixelRatio; ratio > plan.minPixelRatio + 1e-9; ratio -= 0.25) {
    levels.push({ pixelRatio: ratio, railShare: 1 });
  }
  levels.push({ pixelRatio: plan.minPixelRatio, railShare: 1 });
  for (const railShare of RAIL_SHARES) levels.push({ pixelRatio: plan.minPixelRatio, railShare });
  return levels;
}

/**
 * Frame-time governor: every `windowMs` it looks at the mean frame interval and steps one level down the ladder
 * (qualityLevels) when frames are slower than `slowMs` (30 fps), one up again when faster than `fastMs`. Hysteresis
 * keeps it from oscillating; pure, so the page feeds it frame times and applies what it returns.
 */
export class FrameGovernor {
  private sum = 0;
  private count = 0;
  private windowStart = -1;
  private index = 0;

  constructor(
    private readonly levels: readonly QualityLevel[],
    private readonly options = { windowMs: 1500, slowMs: 33.4, fastMs: 22 },
  ) {
    if (levels.length === 0) throw new RangeError('a quality ladder needs at least one level');
  }

  get level(): QualityLevel {
    return this.levels[this.index] as QualityLevel;
  }

  /** One frame interval at time `now`; returns the new level when it changes. */
  frame(intervalMs: number, now: number): QualityLevel | undefined {
    if (this.windowStart < 0) this.windowStart = now;
    this.sum += intervalMs;
    this.count++;
    if (now - this.windowStart < this.options.windowMs) return undefined;
    const mean = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    this.windowStart = now;
    const previous = this.index;
    if (mean > this.options.slowMs) this.index = Math.min(this.levels.length - 1, this.index + 1);
    else if (mean < this.options.fastMs) this.index = Math.max(0, this.index - 1);
    return this.index === previous ? undefined : this.level;
  }
}
