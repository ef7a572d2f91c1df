// Whether the globe hides a point from the camera: the ray from the camera meets the sphere (radius GLOBE_RADIUS at
// the origin) at least `margin` world units before reaching the point. The arc shaders' behindGlobe (arc-shaders.ts)
// in double precision, for hover picking and for leaving hidden arcs out of the draw.
import { GLOBE_RADIUS } from './geo.js';

/** |camera|² − R², which every test from the same camera needs: compute it once per frame. */
export function cameraTerm(cx: number, cy: number, cz: number): number {
  return cx * cx + cy * cy + cz * cz - GLOBE_RADIUS * GLOBE_RADIUS;
}

export function behindGlobe(
  cx: number, cy: number, cz: number, c2: number, x: number, y: number, z: number, margin: number,
): boolean {
  const dx = x - cx;
  const dy = y - cy;
  const dz = z - cz;
  const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (len === 0) return false;
  const b = (cx * dx + cy * dy + cz * dz) / len;
  const disc = b * b - c2;
  if (disc <= 0) return false;
  const t = -b - Math.sqrt(disc);
  return t > 0 && t < len - margin;
}
