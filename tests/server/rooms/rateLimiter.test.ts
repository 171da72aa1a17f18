import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../server/rooms";

describe("createRateLimiter", () => {
  it("allows a burst up to the limit, then refuses until time refills it", () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 5000 }, 0);
    const burst = Array.from({ length: 6 }, () => limiter.tryTake(0));
    expect(burst).toEqual([true, true, true, true, true, false]);
    expect(limiter.tryTake(500)).toBe(false);
    expect(limiter.tryTake(1000)).toBe(true);
    expect(limiter.tryTake(1000)).toBe(false);
  });

  it("never banks more than the limit however long it stays idle", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 }, 0);
    const later = Array.from({ length: 4 }, () => limiter.tryTake(60_000));
    expect(later).toEqual([true, true, true, false]);
  });

  it("is not fooled by a clock going backwards", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 }, 1000);
    expect(limiter.tryTake(1000)).toBe(true);
    expect(limiter.tryTake(0)).toBe(false);
    expect(limiter.tryTake(1000)).toBe(false);
  });
});
