/**
 * Fixed-window counters in memory: enough for one process, which is how Kaimen runs. Several processes
 * behind a balancer would each count on their own (a shared store would then be needed).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one attempt for `key`. Answers the seconds to wait when the window is already full (the
   * attempt is then not counted), or undefined when the attempt may go ahead.
   */
  hit(key: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= 100_000) this.sweep(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    if (window.count >= this.max) return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    window.count += 1;
    return undefined;
  }

  /** Gives back one attempt counted for `key` in its current window (a failure of Kaimen's, not the client's). */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.resetAt > this.now() && window.count > 0) window.count -= 1;
  }

  /** Forgets a key (a successful login clears its failures). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < 100_000) break;
      this.windows.delete(key);
    }
  }
}

/** The attempts each request has counted, so they can be given back if the request fails on our side. */
const counted = new WeakMap<object, { limiter: RateLimiter; key: string }[]>();

/**
 * Counts one attempt of `request` against `limiter` for `key`, as {@link RateLimiter.hit} does (the seconds
 * to wait past the limit, else undefined), remembering it so that {@link refundFailedAttempts} can give it
 * back when the request then fails on Kaimen's side (a 5xx, e.g. the database out of reach during a
 * restart): a client should not lose its tries to our faults.
 */
export function countAttempt(request: object, limiter: RateLimiter, key: string): number | undefined {
  const wait = limiter.hit(key);
  if (wait === undefined) {
    const attempts = counted.get(request) ?? [];
    attempts.push({ limiter, key });
    counted.set(request, attempts);
  }
  return wait;
}

/** Gives back every attempt `request` counted (called for answers of 500 and above). */
export function refundFailedAttempts(request: object): void {
  for (const { limiter, key } of counted.get(request) ?? []) limiter.refund(key);
  counted.delete(request);
}
