// Hover hit test for arcs without three's raycaster: project each arc's sample points to the screen and take the
// arc whose polyline passes nearest the pointer; samples hidden behind the globe do not count.
import { behindGlobe, cameraTerm } from './occlusion.js';

/** How far behind the globe's surface a sample may be and still count (world units). */
const PICK_MARGIN = 0.5;

/** The camera parts used: world position and the combined view-projection matrix (column-major, like three's). */
export interface PickCamera {
  position: { x: number; y: number; z: number };
  viewProjection: ArrayLike<number>;
}

export function projectSamples(
  camera: PickCamera,
  samples: Float32Array,
  perArc: number,
  slots: number,
  used: (slot: number) => boolean,
  x: number,
  y: number,
  width: number,
  height: number,
  maxPx: number,
): number | undefined {
  const m = camera.viewProjection;
  const { x: cx, y: cy, z: cz } = camera.position;
  const c2 = cameraTerm(cx, cy, cz);
  let best: number | undefined;
  let bestD2 = maxPx * maxPx;
  for (let s = 0; s < slots; s++) {
    if (!used(s)) continue;
    let px = NaN;
    let py = NaN;
    for (let k = 0; k < perArc; k++) {
      const o = (s * perArc + k) * 3;
      const wx = samples[o] as number;
      const wy = samples[o + 1] as number;
      const wz = samples[o + 2] as number;
      const w = (m[3] as number) * wx + (m[7] as number) * wy + (m[11] as number) * wz + (m[15] as number);
      let sx = NaN;
      let sy = NaN;
      if (w > 0 && !behindGlobe(cx, cy, cz, c2, wx, wy, wz, PICK_MARGIN)) {
        sx = (((m[0] as number) * wx + (m[4] as number) * wy + (m[8] as number) * wz + (m[12] as number)) / w + 1) *
          width / 2;
        sy = (1 - ((m[1] as number) * wx + (m[5] as number) * wy + (m[9] as number) * wz + (m[13] as number)) / w) *
          height / 2;
      }
      if (!Number.isNaN(px) && !Number.isNaN(sx)) {
        const d2 = segmentDistance2(x, y, px, py, sx, sy);
        if (d2 < bestD2) {
          bestD2 = d2;
          best = s;
        }
      }
      px = sx;
      py = sy;
    }
  }
  return best;
}

/** Squared distance from (x, y) to the segment (ax, ay)–(bx, by). */
export function segmentDistance2(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const l2 = vx * vx + vy * vy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / l2));
  const dx = ax + t * vx - x;
  const dy = ay + t * vy - y;
  return dx * dx + dy * dy;
}
