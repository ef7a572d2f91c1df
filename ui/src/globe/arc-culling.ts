// Which parts of the arc layer can show this frame, worked out on the CPU just before the draw so that the GPU is
// given only those. In software WebGL (SwiftShader) every vertex costs about half a microsecond whether or not its
// triangles end up with any pixels, and a globe seen from space hides much of what the arcs hold: the remote ends on
// the far side (60 % of them in the bench's view) and the dashes travelling there. The tests are the shaders' own (arc-shaders.ts: arcLife, the
// dash's position, behindGlobe) in double precision, with a little more margin and life than the shaders use, so
// nothing the shaders would draw is left out. Allocation-free: results go into masks the caller owns, one bit per
// segment (ribbons) or per slot (end points).
import { writeArcPointOf } from './geo.js';
import { behindGlobe, cameraTerm } from './occlusion.js';

/** What the shaders see this frame: their uniforms. */
export interface CullView {
  /** the camera's position in the layer's coordinates (uCamera) */
  camera: readonly [number, number, number];
  /** unit vector of the site (uOrigin) */
  origin: readonly [number, number, number];
  timeSec: number;
  fadeStartSec: number;
  ttlSec: number;
  /** of the arc (uDashLength) */
  dashLength: number;
}

/** The shaders hide a ribbon vertex more than this far behind the globe (world units); a segment is skipped here
 * only when both its ends are hidden by a little more. */
export const RIBBON_MARGIN = 8;
export const END_MARGIN = 0.5;
const SAFETY = 0.5;
/** The shaders draw nothing below this life; skipped here only below a little less. */
export const MIN_LIFE = 0.004;
const MIN_LIFE_HERE = MIN_LIFE * 0.9;

/** Layout of an arc's time record (the shaders' aTime): last seen (s), dash phase, dash speed, alive (0/1). */
export const TIME_STRIDE = 4;
/** Layout of an arc's frame: u (x, y, z), central angle. */
export const FRAME_STRIDE = 4;

/** GLSL smoothstep. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/** The shaders' arcLife: 1 until fadeStart seconds after the arc was last seen, 0 from ttl on; 0 when dead. */
export function arcLife(view: CullView, lastSeenSec: number, alive: number): number {
  return Math.min(alive, 1) * (1 - smoothstep(view.fadeStartSec, view.ttlSec, view.timeSec - lastSeenSec));
}

/** The shaders' dash position: t along the arc of the dash vertex at x (0 head … 1 tail). */
export function dashT(view: CullView, phase: number, speed: number, x: number): number {
  const cycle = view.timeSec * Math.abs(speed) + phase;
  const travel = (cycle - Math.floor(cycle)) * (1 + view.dashLength);
  const t = speed >= 0 ? travel - x * view.dashLength : 1 - travel + x * view.dashLength;
  return Math.min(1, Math.max(0, t));
}

/** Segments per ribbon at most: one bit each in a 32-bit mask. */
export const MAX_SEGMENTS = 31;
const point = new Float64Array(3);
const visibleAt = new Uint8Array(MAX_SEGMENTS + 1);
const tAt = new Float64Array(MAX_SEGMENTS + 1);

/**
 * Dashes of `segments` segments: sets mask[slot] to the segments that may have pixels (bit i: segment i, from the
 * head), 0 for slots that are dead, faded out or wholly behind the globe.
 */
export function cullDashes(
  view: CullView, slots: number, frames: Float32Array, times: Float32Array, segments: number, mask: Uint32Array,
): void {
  const [cx, cy, cz] = view.camera;
  const [ox, oy, oz] = view.origin;
  const c2 = cameraTerm(cx, cy, cz);
  for (let s = 0; s < slots; s++) {
    const tr = s * TIME_STRIDE;
    if (arcLife(view, times[tr] as number, times[tr + 3] as number) < MIN_LIFE_HERE) {
      mask[s] = 0;
      continue;
    }
    const f = s * FRAME_STRIDE;
    const ux = frames[f] as number;
    const uy = frames[f + 1] as number;
    const uz = frames[f + 2] as number;
    const angle = frames[f + 3] as number;
    for (let i = 0; i <= segments; i++) {
      const t = dashT(view, times[tr + 1] as number, times[tr + 2] as number, i / segments);
      tAt[i] = t;
      writeArcPointOf(ox, oy, oz, ux, uy, uz, angle, t, point, 0);
      visibleAt[i] = behindGlobe(cx, cy, cz, c2, point[0] as number, point[1] as number, point[2] as number,
        RIBBON_MARGIN + SAFETY) ? 0 : 1;
    }
    let bits = 0;
    for (let i = 0; i < segments; i++) {
      // a segment clamped onto an end of the arc has no length; one with both ends hidden has no width
      if (tAt[i] !== tAt[i + 1] && (visibleAt[i] === 1 || visibleAt[i + 1] === 1)) bits |= 1 << i;
    }
    mask[s] = bits;
  }
}

/**
 * Rails: `points` holds each rail's segments + 1 points along its arc (x, y, z), `owners` the arc slot each rail
 * belongs to (-1: free) and `times` the arcs' time records. Sets mask[rail] to the segments not wholly behind the
 * globe, 0 for free, dead or faded rails.
 */
export function cullRails(
  view: CullView, rails: number, points: Float32Array, owners: Int32Array, times: Float32Array, segments: number,
  mask: Uint32Array,
): void {
  const [cx, cy, cz] = view.camera;
  const c2 = cameraTerm(cx, cy, cz);
  for (let r = 0; r < rails; r++) {
    const owner = owners[r] as number;
    const tr = owner * TIME_STRIDE;
    if (owner < 0 || arcLife(view, times[tr] as number, times[tr + 3] as number) < MIN_LIFE_HERE) {
      mask[r] = 0;
      continue;
    }
    let bits = 0;
    let previous = false;
    for (let i = 0; i <= segments; i++) {
      const p = (r * (segments + 1) + i) * 3;
      const visible = !behindGlobe(cx, cy, cz, c2, points[p] as number, points[p + 1] as number,
        points[p + 2] as number, RIBBON_MARGIN + SAFETY);
      if (i > 0 && (visible || previous)) bits |= 1 << (i - 1);
      previous = visible;
    }
    mask[r] = bits;
  }
}

/** End points at `positions` (x, y, z per slot): mask[slot] 1 when alive and in front of the globe, else 0. */
export function cullEnds(
  view: CullView, slots: number, positions: Float32Array, times: Float32Array, mask: Uint32Array,
): void {
  const [cx, cy, cz] = view.camera;
  const c2 = cameraTerm(cx, cy, cz);
  for (let s = 0; s < slots; s++) {
    const tr = s * TIME_STRIDE;
    const p = s * 3;
    const show = arcLife(view, times[tr] as number, times[tr + 3] as number) >= MIN_LIFE_HERE &&
      !behindGlobe(cx, cy, cz, c2, positions[p] as number, positions[p + 1] as number, positions[p + 2] as number,
        END_MARGIN + SAFETY);
    mask[s] = show ? 1 : 0;
  }
}
