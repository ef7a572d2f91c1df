// Frame-time statistics for the globe bench, pure: mean and 95th percentile (nearest-rank) of frame intervals.

export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
}

export function frameStats(intervalsMs: readonly number[]): FrameStats {
  const n = intervalsMs.length;
  if (n === 0) return { frames: 0, meanMs: 0, p95Ms: 0 };
  const sorted = [...intervalsMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const rank = Math.ceil(0.95 * n); // nearest-rank percentile: the smallest value ≥ 95 % of the samples
  return { frames: n, meanMs: round(mean), p95Ms: round(sorted[rank - 1] as number) };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
