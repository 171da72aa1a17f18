import { describe, expect, it } from "vitest";
import { SaccadeScheduler } from "../../../client/avatar/lookAt/saccadeScheduler";
import { seededRandom } from "../../../client/world/seededRandom";

const DT = 1 / 60;

function record(scheduler: SaccadeScheduler, seconds: number, focused: boolean) {
  const jumps: { t: number; yaw: number; pitch: number }[] = [];
  let before = scheduler.count;
  for (let t = 0; t < seconds; t += DT) {
    scheduler.update(DT, focused);
    if (scheduler.count !== before) jumps.push({ t, yaw: scheduler.yaw, pitch: scheduler.pitch });
    before = scheduler.count;
  }
  return jumps;
}

describe("SaccadeScheduler", () => {
  it("moves the eyes every 0.5–3 s by small offsets", () => {
    const jumps = record(new SaccadeScheduler(seededRandom(5)), 60, false);
    expect(jumps.length).toBeGreaterThan(60 / 3.2);
    expect(jumps.length).toBeLessThan(60 / 0.5);
    for (let i = 1; i < jumps.length; i++) {
      const gap = jumps[i]!.t - jumps[i - 1]!.t;
      expect(gap).toBeGreaterThanOrEqual(0.5 - 2 * DT);
      expect(gap).toBeLessThanOrEqual(3 + 2 * DT);
    }
    for (const j of jumps) {
      expect(Math.abs(j.yaw)).toBeLessThan(0.2);
      expect(Math.abs(j.pitch)).toBeLessThan(0.1);
    }
    expect(new Set(jumps.map((j) => j.yaw.toFixed(4))).size).toBeGreaterThan(jumps.length / 2);
  });

  it("keeps the eyes closer to a person it is looking at", () => {
    const idle = record(new SaccadeScheduler(seededRandom(9)), 60, false);
    const focused = record(new SaccadeScheduler(seededRandom(9)), 60, true);
    const spread = (js: typeof idle) => Math.max(...js.map((j) => Math.abs(j.yaw)));
    expect(spread(focused)).toBeLessThan(spread(idle) * 0.5);
  });
});
