// Failed logins per client address in a sliding window: past the limit, further attempts wait (HTTP 429).
export interface LimitDecision {
  readonly allowed: boolean;
  /** Seconds until the next attempt is allowed (Retry-After, RFC 9110 §10.2.3). */
  readonly retryAfterSec: number;
}

/**
 * Keeps the times of recent failures per address; an address with `maxFailures` failures inside
 * `windowMs` is refused until the oldest of them leaves the window. A success clears the address.
 * At most `maxAddresses` are tracked (the least recently failing go first).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 15 * 60_000,
    readonly maxAddresses = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  check(address: string): LimitDecision {
    const times = this.recent(address);
    if (times.length < this.maxFailures) return { allowed: true, retryAfterSec: 0 };
    const oldest = times[times.length - this.maxFailures] as number;
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000)) };
  }

  fail(address: string): void {
    const times = this.recent(address);
    times.push(this.now());
    if (times.length > this.maxFailures) times.splice(0, times.length - this.maxFailures);
    this.failures.delete(address);
    this.failures.set(address, times);
    while (this.failures.size > this.maxAddresses) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string): number[] {
    const times = this.failures.get(address);
    if (times === undefined) return [];
    const floor = this.now() - this.windowMs;
    while (times.length > 0 && (times[0] as number) <= floor) times.shift();
    return times;
  }
}
