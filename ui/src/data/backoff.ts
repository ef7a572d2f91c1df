// Reconnect delays: exponential with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"), so many
// browsers reconnecting after an api restart do not all arrive in the same second.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

/** Delay before reconnect attempt `attempt` (0-based); `random` in [0, 1). */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = defaultBackoff): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  // Never below half the ceiling: a reconnect storm is spread out, yet a retry is never immediate.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
