import { describe, expect, it } from "vitest";
import { BLINK_DURATION_S, BlinkScheduler } from "../../../client/avatar/expressions/blinkScheduler";
import { seededRandom } from "../../../client/world/seededRandom";

const DT = 1 / 60;

function blinkStarts(scheduler: BlinkScheduler, seconds: number, suppressed: (t: number) => boolean): number[] {
  const starts: number[] = [];
  let before = scheduler.count;
  for (let t = 0; t < seconds; t += DT) {
    scheduler.update(DT, suppressed(t));
    if (scheduler.count !== before) starts.push(t);
    before = scheduler.count;
  }
  return starts;
}

describe("BlinkScheduler", () => {
  it("blinks every 2–6 seconds, at irregular intervals", () => {
    const scheduler = new BlinkScheduler(seededRandom(7));
    const starts = blinkStarts(scheduler, 120, () => false);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(starts.length).toBeGreaterThan(120 / 6.5);
    expect(starts.length).toBeLessThan(120 / 2);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(2 + BLINK_DURATION_S - 2 * DT);
      expect(gap).toBeLessThanOrEqual(6 + BLINK_DURATION_S + 2 * DT);
    }
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(1);
  });

  it("closes the eyes fully and opens them again in under a fifth of a second", () => {
    const scheduler = new BlinkScheduler(seededRandom(3));
    let closedAt = -1;
    let openedAt = -1;
    for (let t = 0; t < 8 && openedAt < 0; t += 1 / 240) {
      scheduler.update(1 / 240, false);
      if (scheduler.value >= 0.99 && closedAt < 0) closedAt = t;
      if (closedAt >= 0 && scheduler.value === 0) openedAt = t;
    }
    expect(closedAt).toBeGreaterThan(0);
    expect(openedAt - closedAt).toBeLessThan(0.2);
  });

  it("does not blink while an expression overrides blinking", () => {
    const scheduler = new BlinkScheduler(seededRandom(11));
    const starts = blinkStarts(scheduler, 30, () => true);
    expect(starts).toEqual([]);
    expect(scheduler.value).toBe(0);
    expect(blinkStarts(scheduler, 30, () => false).length).toBeGreaterThan(3);
  });
});
