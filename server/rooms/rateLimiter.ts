export interface RateLimit {
  /** How many messages… */
  limit: number;
  /** …per this many milliseconds, with bursts up to `limit`. */
  windowMs: number;
}

/**
 * Per-client limits (the architecture's contract: moves ≤ 30/s, chat ≤ 5 per 5 s). Lines to other
 * people's companions are fewer still: each one costs their owner a model reply.
 */
export const RATE_LIMITS = {
  move: { limit: 30, windowMs: 1000 },
  chat: { limit: 5, windowMs: 5000 },
  otherCompanions: { limit: 3, windowMs: 30_000 },
  /** A headset's head and hands: sent at 20 Hz, bursts allowed like moves. */
  xrPose: { limit: 30, windowMs: 1000 },
  /** Teleports: a few in a row, then one a second (each is a long jump the speed check skips). */
  teleport: { limit: 3, windowMs: 3000 },
} as const satisfies Record<string, RateLimit>;

export interface RateLimiter {
  /** True (and counted) when one more message is allowed at `now` (ms). */
  tryTake(now: number): boolean;
}

/** A token bucket: full at start, refilled continuously at limit/windowMs. */
export function createRateLimiter({ limit, windowMs }: RateLimit, now: number): RateLimiter {
  let tokens = limit;
  let refilledAt = now;
  const perMs = limit / windowMs;
  return {
    tryTake(at) {
      tokens = Math.min(limit, tokens + Math.max(0, at - refilledAt) * perMs);
      refilledAt = Math.max(refilledAt, at);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
