// Globe geometry, pure: lat/lng to three-globe's world coordinates and arcs as raised great circles.

/** three-globe's globe radius in world units (its GLOBE_RADIUS). */
export const GLOBE_RADIUS = 100;
const DEG = Math.PI / 180;

/** three-globe's polar2Cartesian: y up through the north pole, lng 0 on +z, lng 90 on +x. */
export function toCartesian(lat: number, lng: number, relAltitude = 0): [number, number, number] {
  const phi = (90 - lat) * DEG;
  const theta = (90 - lng) * DEG;
  const r = GLOBE_RADIUS * (1 + relAltitude);
  return [r * Math.sin(phi) * Math.cos(theta), r * Math.cos(phi), r * Math.sin(phi) * Math.sin(theta)];
}

/** Central angle between two points in radians (haversine, numerically stable for short distances). */
export function centralAngle(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLng = (lng2 - lng1) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Peak altitude of an arc (fraction of the radius): longer arcs rise higher, short ones still clear the surface. */
export function arcPeak(angle: number): number {
  return 0.03 + 0.25 * (angle / Math.PI);
}

/**
 * An arc as the arc shaders draw it: with a the unit vector of the start, u the unit vector perpendicular to a in the
 * plane of the great circle towards the end, and ω the central angle, the point at t ∈ [0, 1] is
 * (cos(tω)·a + sin(tω)·u) · R·(1 + peak(ω)·sin(πt)) — the same great circle as spherical linear interpolation, with
 * no division by sin ω. Antipodal ends (any great circle fits) go over the north pole; identical ends have ω = 0.
 */
export interface ArcFrame {
  /** unit vector of the start */
  a: [number, number, number];
  /** unit vector perpendicular to `a`, towards the end */
  u: [number, number, number];
  /** central angle in radians */
  angle: number;
}

export function arcFrame(lat1: number, lng1: number, lat2: number, lng2: number): ArcFrame {
  const a = unit(lat1, lng1);
  const b = unit(lat2, lng2);
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const angle = Math.acos(dot);
  // b without its component along a; when that vanishes (same or opposite point) any perpendicular will do
  const v = [b[0] - dot * a[0], b[1] - dot * a[1], b[2] - dot * a[2]] as const;
  const len = Math.hypot(v[0], v[1], v[2]);
  const u: [number, number, number] = len > 1e-6 ? [v[0] / len, v[1] / len, v[2] / len] : northward(a);
  return { a, u, angle };
}

/** The point at t ∈ [0, 1] along the arc, written to `out` at `offset` (x, y, z): the shaders' formula. */
export function writeArcPoint(frame: ArcFrame, t: number, out: Float32Array, offset: number): void {
  const { a, u, angle } = frame;
  writeArcPointOf(a[0], a[1], a[2], u[0], u[1], u[2], angle, t, out, offset);
}

/** writeArcPoint from the frame's numbers: for loops over typed arrays, which must not allocate. */
export function writeArcPointOf(
  ax: number, ay: number, az: number, ux: number, uy: number, uz: number, angle: number, t: number,
  out: Float32Array | Float64Array, offset: number,
): void {
  const c = Math.cos(t * angle);
  const s = Math.sin(t * angle);
  const r = GLOBE_RADIUS * (1 + arcPeak(angle) * Math.sin(Math.PI * t));
  out[offset] = (c * ax + s * ux) * r;
  out[offset + 1] = (c * ay + s * uy) * r;
  out[offset + 2] = (c * az + s * uz) * r;
}

/** Writes `segments + 1` evenly spaced points of the arc from (lat1, lng1) to (lat2, lng2) into `out` at `offset`. */
export function writeArcPoints(
  lat1: number, lng1: number, lat2: number, lng2: number, segments: number, out: Float32Array, offset: number,
): void {
  const frame = arcFrame(lat1, lng1, lat2, lng2);
  for (let i = 0; i <= segments; i++) writeArcPoint(frame, i / segments, out, offset + i * 3);
}

function unit(lat: number, lng: number): [number, number, number] {
  const [x, y, z] = toCartesian(lat, lng);
  return [x / GLOBE_RADIUS, y / GLOBE_RADIUS, z / GLOBE_RADIUS];
}

/** A unit vector perpendicular to `a`, towards the north pole (or +z when `a` is a pole). */
function northward(a: [number, number, number]): [number, number, number] {
  const up: [number, number, number] = Math.abs(a[1]) > 0.99 ? [0, 0, 1] : [0, 1, 0];
  const d = up[0] * a[0] + up[1] * a[1] + up[2] * a[2];
  const v = [up[0] - d * a[0], up[1] - d * a[1], up[2] - d * a[2]] as const;
  const len = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / len, v[1] / len, v[2] / len];
}
