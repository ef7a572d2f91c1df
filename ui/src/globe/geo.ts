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
 * Writes `segments + 1` points of the arc from (lat1, lng1) to (lat2, lng2) into `out` at `offset` (x, y, z each):
 * spherical linear interpolation of the unit vectors, raised by peak·sin(πt). Antipodal ends go over the north pole.
 */
export function writeArcPoints(
  lat1: number, lng1: number, lat2: number, lng2: number, segments: number, out: Float32Array, offset: number,
): void {
  const a = unit(lat1, lng1);
  const b = unit(lat2, lng2);
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const angle = Math.acos(dot);
  const peak = arcPeak(angle);
  const sin = Math.sin(angle);
  let mid: [number, number, number] | undefined;
  if (sin < 1e-6 && dot < 0) mid = antipodalMidpoint(a);
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const p = interpolate(a, b, t, angle, sin, mid);
    const r = GLOBE_RADIUS * (1 + peak * Math.sin(Math.PI * t));
    const o = offset + i * 3;
    out[o] = p[0] * r;
    out[o + 1] = p[1] * r;
    out[o + 2] = p[2] * r;
  }
}

function unit(lat: number, lng: number): [number, number, number] {
  const [x, y, z] = toCartesian(lat, lng);
  return [x / GLOBE_RADIUS, y / GLOBE_RADIUS, z / GLOBE_RADIUS];
}

function interpolate(
  a: number[], b: number[], t: number, angle: number, sin: number, mid: number[] | undefined,
): [number, number, number] {
  if (mid !== undefined) {
    // Half a great circle through `mid`: a → mid → b.
    return t < 0.5 ? slerp(a, mid, t * 2, Math.PI / 2, 1) : slerp(mid, b, t * 2 - 1, Math.PI / 2, 1);
  }
  if (sin < 1e-6) return [a[0] as number, a[1] as number, a[2] as number]; // same point
  return slerp(a, b, t, angle, sin);
}

function slerp(a: number[], b: number[], t: number, angle: number, sin: number): [number, number, number] {
  const wa = Math.sin((1 - t) * angle) / sin;
  const wb = Math.sin(t * angle) / sin;
  return [
    wa * (a[0] as number) + wb * (b[0] as number),
    wa * (a[1] as number) + wb * (b[1] as number),
    wa * (a[2] as number) + wb * (b[2] as number),
  ];
}

/** A unit vector perpendicular to `a`, towards the north pole (or +z when `a` is a pole). */
function antipodalMidpoint(a: [number, number, number]): [number, number, number] {
  const up: [number, number, number] = Math.abs(a[1]) > 0.99 ? [0, 0, 1] : [0, 1, 0];
  const d = up[0] * a[0] + up[1] * a[1] + up[2] * a[2];
  const v = [up[0] - d * a[0], up[1] - d * a[1], up[2] - d * a[2]];
  const len = Math.hypot(v[0] as number, v[1] as number, v[2] as number);
  return [(v[0] as number) / len, (v[1] as number) / len, (v[2] as number) / len];
}
