import { describe, expect, it } from "vitest";
import { RUN_SPEED } from "../../../shared/protocol";
import { nextReported } from "../../../client/xr/networkPose";

describe("nextReported", () => {
  it("reports the body itself when it is within a run's reach", () => {
    expect(nextReported({ x: 0, z: 0 }, { x: 0.2, z: 0.1 }, 50, { x: 0, z: 0 })).toEqual({ x: 0.2, z: 0.1 });
  });

  it("reports a teleport as a run towards it, at most RUN_SPEED", () => {
    const out = nextReported({ x: 0, z: 0 }, { x: 6, z: 8 }, 100, { x: 0, z: 0 });
    expect(Math.hypot(out.x, out.z)).toBeCloseTo(RUN_SPEED * 0.1);
    expect(out.x / out.z).toBeCloseTo(6 / 8);
  });

  it("counts at most a second of silence, so a pause never banks a jump", () => {
    const out = nextReported({ x: 0, z: 0 }, { x: 100, z: 0 }, 60_000, { x: 0, z: 0 });
    expect(out.x).toBeCloseTo(RUN_SPEED);
  });
});
