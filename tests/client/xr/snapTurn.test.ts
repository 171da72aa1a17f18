import { describe, expect, it } from "vitest";
import { SNAP_TURN_ANGLE, SnapTurn } from "../../../client/xr/snapTurn";

describe("SnapTurn", () => {
  it("turns one step of 30° per flick: right lowers yaw, left raises it", () => {
    expect(SNAP_TURN_ANGLE).toBeCloseTo(Math.PI / 6);
    const snap = new SnapTurn();
    expect(snap.update(0.9)).toBeCloseTo(-SNAP_TURN_ANGLE);
    expect(snap.update(0)).toBe(0);
    expect(snap.update(-0.9)).toBeCloseTo(SNAP_TURN_ANGLE);
  });

  it("does not repeat while the stick is held over", () => {
    const snap = new SnapTurn();
    const turns = [0.8, 0.9, 1, 0.95, 0.75].map((x) => snap.update(x));
    expect(turns.filter((t) => t !== 0)).toHaveLength(1);
  });

  it("needs the stick back near the centre before the next step", () => {
    const snap = new SnapTurn();
    snap.update(1);
    expect(snap.update(0.5)).toBe(0);
    expect(snap.update(1)).toBe(0);
    expect(snap.update(0.2)).toBe(0);
    expect(snap.update(1)).toBeCloseTo(-SNAP_TURN_ANGLE);
  });

  it("ignores small deflections and drift", () => {
    const snap = new SnapTurn();
    for (const x of [0.1, -0.3, 0.5, -0.65]) expect(snap.update(x)).toBe(0);
  });
});
