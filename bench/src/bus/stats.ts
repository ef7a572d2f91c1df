// Percentiles and number formatting for bench results.

/** Nearest-rank percentile of an ascending-sorted array; NaN when empty. */
export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function formatRate(eventsPerSecond: number): string {
  if (!Number.isFinite(eventsPerSecond)) return '-';
  if (eventsPerSecond >= 1e6) return `${(eventsPerSecond / 1e6).toFixed(2)} M/s`;
  if (eventsPerSecond >= 1e3) return `${(eventsPerSecond / 1e3).toFixed(1)} k/s`;
  return `${eventsPerSecond.toFixed(0)} /s`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatMiBps(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1024 / 1024).toFixed(0)} MiB/s`;
}
