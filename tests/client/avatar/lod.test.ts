import { describe, expect, it } from "vitest";
import { avatarDetail, OUTLINE_DISTANCE_M, REDUCED_RATE_DISTANCE_M, SPRING_GAZE_DISTANCE_M } from "../../../client/avatar/lod";

describe("avatarDetail", () => {
  it("keeps everything near the camera", () => {
    expect(avatarDetail(4)).toEqual({ pose: true, springs: true, springStride: 1, gaze: true, outline: true, castShadow: true, interval: 0 });
  });
  it("drops the sub-pixel outline and halves the spring rate first, then springs and gaze, then shadow and rate", () => {
    expect(avatarDetail(OUTLINE_DISTANCE_M + 1)).toEqual({ pose: true, springs: true, springStride: 2, gaze: true, outline: false, castShadow: true, interval: 0 });
    expect(avatarDetail(SPRING_GAZE_DISTANCE_M + 5)).toEqual({ pose: true, springs: false, springStride: 1, gaze: false, outline: false, castShadow: true, interval: 0 });
    const far = avatarDetail(REDUCED_RATE_DISTANCE_M + 15);
    expect(far).toMatchObject({ pose: true, springs: false, gaze: false, outline: false, castShadow: false });
    expect(far.interval).toBeGreaterThan(0);
  });
  it("out of view, poses nothing but still casts the shadow its distance allows", () => {
    expect(avatarDetail(3, false)).toEqual({ pose: false, springs: false, springStride: 1, gaze: false, outline: true, castShadow: true, interval: 0 });
    expect(avatarDetail(REDUCED_RATE_DISTANCE_M + 15, false)).toMatchObject({ pose: false, castShadow: false });
  });
});
