// Axis arithmetic for the line chart, pure: "nice" maximum and tick values (1, 2, 5 × 10ⁿ steps).

export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (max <= step * base) return step * base;
  }
  return 10 * base;
}

export function ticks(max: number, count = 4): number[] {
  const out: number[] = [];
  for (let i = 0; i <= count; i++) out.push((max * i) / count);
  return out;
}

/** The SVG path of a polyline through (time, value) points scaled into the box. */
export function linePath(
  points: readonly { t: number; v: number }[], t0: number, t1: number, vMax: number, width: number, height: number,
): string {
  const span = t1 - t0 || 1;
  let d = '';
  for (const p of points) {
    const x = ((p.t - t0) / span) * width;
    const y = height - (Math.max(0, p.v) / vMax) * height;
    d += `${d === '' ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return d;
}
