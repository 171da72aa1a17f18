import { createRateLimiter, type RateLimit, type RateLimiter } from "./rateLimiter";

/** One rate limit per speaker session, created on their first message. */
export class SpeakerLimits {
  private readonly bySession = new Map<string, RateLimiter>();

  constructor(private readonly limit: RateLimit) {}

  /** True (and counted) when the speaker in `sessionId` may send one more at `now`. */
  tryTake(sessionId: string, now: number): boolean {
    let limiter = this.bySession.get(sessionId);
    if (!limiter) {
      limiter = createRateLimiter(this.limit, now);
      this.bySession.set(sessionId, limiter);
    }
    return limiter.tryTake(now);
  }

  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }
}
