import { describe, expect, it } from "vitest";
import { XrPoseState } from "../../../shared/state";
import { applyTrackedPose, bodyMeasureOf, calibrateTrackedBody, endTrackedPose, trackedBodyScale } from "../../../client/people/trackedPose";
import { drivenPreset, FRAME_S } from "../avatar/support/presetAvatar";

/** A headset level at `headHeight` above the feet, no hands. */
function seatedPose(headHeight: number): XrPoseState {
  const xr = new XrPoseState();
  xr.headHeight = headHeight;
  xr.headW = 1;
  return xr;
}

describe("a headset wearer's calibrated standing eye height", () => {
  it("grows their body at once though they sit from the start, seated at that size with the eyes at theirs", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const measure = bodyMeasureOf(a.vrm)!;
    const standing = measure.eyeY + 0.25;
    calibrateTrackedBody(a.pose, standing);
    const xr = seatedPose(standing - 0.55);
    const eye = () => a.vrm.humanoid.getRawBoneNode("head")!.localToWorld(a.vrm.lookAt!.offsetFromHeadBone.clone());
    let kind = "";
    a.run(0.5, () => (kind = applyTrackedPose(a.vrm, a.pose, xr, FRAME_S).kind));
    expect(trackedBodyScale(a.pose)).toBeCloseTo(standing / measure.eyeY, 6);
    expect(a.vrm.scene.parent!.scale.x).toBeCloseTo(standing / measure.eyeY, 6);
    expect(kind).toBe("seated");
    expect(eye().y).toBeCloseTo(xr.headHeight, 1);

    // The next session measures afresh (calibrated again by the headset, or not).
    endTrackedPose(a.pose);
    a.run(0.5, () => applyTrackedPose(a.vrm, a.pose, xr, FRAME_S));
    expect(trackedBodyScale(a.pose)).toBe(1);
  });
});
