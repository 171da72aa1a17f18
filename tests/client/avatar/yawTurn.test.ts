import { describe, expect, it } from "vitest";
import { Vector3 } from "three";
import { turnAboutUp } from "../../../client/avatar/yawTurn";
import { heapGrowthPerCall } from "./support/heapGrowth";

const UP = new Vector3(0, 1, 0);

/** Every bit of each component (so +0 and −0 differ). */
function bits(v: Vector3): string[] {
  const view = new DataView(new ArrayBuffer(8));
  return v.toArray().map((n) => {
    view.setFloat64(0, n);
    return view.getBigUint64(0).toString(16);
  });
}

describe("turnAboutUp", () => {
  it("turns a vector about +Y exactly as three's applyAxisAngle does, both ways", () => {
    const yaws = [0, -0, Math.PI, -Math.PI, 1e-9, ...Array.from({ length: 200 }, (_, i) => (i - 100) * 0.0731)];
    const vectors = [new Vector3(0.3, 1.55, -0.02), new Vector3(-2, 0, 0), new Vector3(0, 0, 0), new Vector3(1e-3, -4, 7.5)];
    let moved = 0;
    for (const yaw of yaws) {
      for (const start of vectors) {
        for (const direction of [1, -1] as const) {
          const expected = start.clone().applyAxisAngle(UP, direction * yaw);
          const ours = turnAboutUp(start.clone(), { yaw }, direction);
          expect(bits(ours), `yaw ${yaw} × ${direction}, ${start.toArray()}`).toEqual(bits(expected));
          if (ours.distanceTo(start) > 0.1) moved++;
        }
      }
    }
    expect(moved).toBeGreaterThan(1000);
  });

  it("allocates nothing", () => {
    const v = new Vector3(0.3, 1.6, 0.1);
    const body = { yaw: 0.5 };
    let i = 0;
    const bytes = heapGrowthPerCall(() => {
      body.yaw = Math.sin(i++);
      turnAboutUp(v, body, i % 2 === 0 ? 1 : -1);
    });
    expect(bytes).toBeLessThan(1);
  });
});
