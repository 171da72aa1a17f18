import { describe, expect, it } from "vitest";
import { WARP_FADE_IN_MS, WARP_FADE_OUT_MS, WarpFade } from "../../../client/companions/warpFade";

describe("WarpFade", () => {
  it("a new companion fades in, then stays fully drawn", () => {
    const fade = new WarpFade(1000);
    expect(fade.fade(1000)).toBe(0);
    expect(fade.fade(1000 + WARP_FADE_IN_MS / 2)).toBeCloseTo(0.5);
    expect(fade.fade(1000 + WARP_FADE_IN_MS)).toBe(1);
    expect(fade.fade(90_000)).toBe(1);
    expect(fade.holdingPose).toBe(false);
    expect(fade.takeSnap()).toBe(false);
  });

  it("a warp fades out where it stood, asks for one jump, then fades in", () => {
    const fade = new WarpFade(0);
    fade.fade(WARP_FADE_IN_MS);
    fade.begin(5000);
    expect(fade.holdingPose).toBe(true);
    expect(fade.fade(5000 + WARP_FADE_OUT_MS / 2)).toBeCloseTo(0.5);
    expect(fade.takeSnap()).toBe(false);
    expect(fade.fade(5000 + WARP_FADE_OUT_MS)).toBe(0);
    expect(fade.holdingPose).toBe(false);
    expect(fade.takeSnap()).toBe(true);
    expect(fade.takeSnap()).toBe(false);
    const arrived = 5000 + WARP_FADE_OUT_MS;
    expect(fade.fade(arrived + WARP_FADE_IN_MS / 4)).toBeCloseTo(0.25);
    expect(fade.fade(arrived + WARP_FADE_IN_MS)).toBe(1);
  });

  it("a warp while half faded in fades out from there, never popping back to full", () => {
    const fade = new WarpFade(0);
    expect(fade.fade(WARP_FADE_IN_MS / 2)).toBeCloseTo(0.5);
    fade.begin(WARP_FADE_IN_MS / 2);
    expect(fade.fade(WARP_FADE_IN_MS / 2)).toBeCloseTo(0.5);
    expect(fade.fade(WARP_FADE_IN_MS / 2 + WARP_FADE_OUT_MS / 2)).toBeCloseTo(0);
    expect(fade.takeSnap()).toBe(true);
  });
});
