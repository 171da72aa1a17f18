import { describe, expect, it } from "vitest";
import { chooseStance, measureBody, STANDING_TOLERANCE_M, type BodyMeasure, type Stance } from "../../../client/people/bodyStance";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { presetBytes } from "../avatar/support/presetAvatar";
import { skeletonVrm0 } from "../avatar/support/skeletonVrm0";

/** Proportions of a 1.6 m person: hips 0.85, knees 0.45, eyes 1.48. */
const body: BodyMeasure = { hipsY: 0.85, kneeY: 0.45, ankleY: 0.07, thigh: 0.4, eyeY: 1.48, eyeForward: 0.09 };
const stance = (eyeHeight: number): Stance => chooseStance(body, eyeHeight, { kind: "standing", hipsDrop: 0, feetForward: 0 });

describe("chooseStance", () => {
  it("stands when the eyes are at, above, or only a little below the avatar's own", () => {
    for (const eye of [1.9, 1.48, 1.48 - STANDING_TOLERANCE_M + 0.01]) expect(stance(eye)).toEqual({ kind: "standing", hipsDrop: 0, feetForward: 0 });
  });

  it("crouches a little lower, the hips coming down as far as the eyes did, feet just ahead", () => {
    const s = stance(1.3);
    expect(s.kind).toBe("crouching");
    expect(s.hipsDrop).toBeCloseTo(0.18, 5);
    expect(s.feetForward).toBeGreaterThan(0);
    expect(s.feetForward).toBeLessThan(body.thigh / 2);
  });

  it("sits at a seated person's eye height: hips near the knees, thighs forward", () => {
    const s = stance(1.1);
    expect(s.kind).toBe("seated");
    expect(s.hipsDrop).toBeCloseTo(0.38, 5);
    expect(s.feetForward).toBeGreaterThan(body.thigh * 0.9);
  });

  it("goes no lower than a low seat, whatever the head does", () => {
    const floor = stance(0.3);
    expect(floor.kind).toBe("seated");
    expect(body.hipsY - floor.hipsDrop).toBeGreaterThan(body.kneeY * 0.5);
    expect(stance(0.1)).toEqual(floor);
    expect(floor.feetForward).toBeCloseTo(body.thigh, 5);
  });

  it("treats a missing height (NaN) as standing", () => {
    expect(stance(Number.NaN).kind).toBe("standing");
  });
});

describe("measureBody", () => {
  it("measures a generated preset: eyes near its height, in front of the hips, knees halfway up the legs", async () => {
    const vrm = await parseVrm(await presetBytes("wren"));
    const m = measureBody(vrm)!;
    // wren is 1.58 m tall.
    expect(m.eyeY).toBeGreaterThan(1.4);
    expect(m.eyeY).toBeLessThan(1.56);
    expect(m.eyeForward).toBeGreaterThan(0.02);
    expect(m.eyeForward).toBeLessThan(0.2);
    expect(m.kneeY).toBeGreaterThan(m.ankleY);
    expect(m.kneeY).toBeLessThan(m.hipsY);
    expect(m.thigh).toBeCloseTo(m.hipsY - m.kneeY, 1);
  });

  it("measures a VRM 0.x model (turned around by three-vrm) in the body's frame too", async () => {
    const m = measureBody(await parseVrm(skeletonVrm0()))!;
    expect(m.hipsY).toBeCloseTo(0.9, 3);
    expect(m.kneeY).toBeCloseTo(0.45, 3);
    expect(m.ankleY).toBeCloseTo(0.05, 3);
    expect(m.thigh).toBeCloseTo(0.4, 3);
    expect(m.eyeY).toBeGreaterThan(1.35);
    expect(m.eyeForward).toBeGreaterThanOrEqual(-1e-6);
  });
});
