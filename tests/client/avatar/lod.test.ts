import { describe, expect, it } from "vitest";
import { avatarDetail } from "../../../client/avatar/lod";

describe("avatarDetail", () => {
  it("keeps everything near the camera", () => {
    expect(avatarDetail(4)).toEqual({ springs: true, gaze: true, interval: 0 });
  });
  it("skips springs and gaze beyond 15 m", () => {
    expect(avatarDetail(20)).toEqual({ springs: false, gaze: false, interval: 0 });
  });
  it("updates far avatars at a reduced rate beyond 30 m", () => {
    const far = avatarDetail(45);
    expect(far.springs).toBe(false);
    expect(far.gaze).toBe(false);
    expect(far.interval).toBeGreaterThan(0);
  });
});
