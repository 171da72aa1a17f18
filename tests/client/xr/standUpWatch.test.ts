import { describe, expect, it } from "vitest";
import { DEFAULT_HEIGHT, type StoredHeight } from "../../../client/xr/heightStorage";
import { STAND_UP_FRAME_MAX_S, STAND_UP_HOLD_S, STAND_UP_RISE_M, StandUpWatch } from "../../../client/xr/standUpWatch";
import { DEFAULT_SEATED_EYE_HEIGHT } from "../../../client/xr/viewHeight";

const FRAME = 1 / 60;
const seated: StoredHeight = { ...DEFAULT_HEIGHT, mode: "seated" };

/** Feeds a tracked eye height for `seconds` at 60 frames a second; returns after how many seconds the watch fired (null: never). */
function firesAfter(watch: StandUpWatch, eyeHeight: number, setting: StoredHeight, seconds: number): number | null {
  const frames = Math.round(seconds / FRAME);
  for (let i = 1; i <= frames; i++) if (watch.update(eyeHeight, setting, FRAME)) return i * FRAME;
  return null;
}

describe("StandUpWatch", () => {
  it("tells, once, that a seated wearer stood up: well above the standard seated height for longer than STAND_UP_HOLD_S", () => {
    const watch = new StandUpWatch();
    expect(firesAfter(watch, DEFAULT_SEATED_EYE_HEIGHT, seated, 5)).toBeNull();
    const after = firesAfter(watch, 1.65, seated, 5);
    expect(after).toBeGreaterThan(STAND_UP_HOLD_S);
    expect(after).toBeLessThan(STAND_UP_HOLD_S + 2 * FRAME);
  });

  it("measures the rise from the calibrated seated height", () => {
    const low = { ...seated, seatedEyeHeight: 1.0 };
    // 1.4 m: 0.4 m above a 1.0 m seat, though not above 1.2 + 0.35.
    expect(firesAfter(new StandUpWatch(), 1.4, low, 3)).not.toBeNull();
    expect(firesAfter(new StandUpWatch(), 1.0 + STAND_UP_RISE_M - 0.02, low, 10)).toBeNull();
  });

  it("ignores leaning up, or a moment up, shorter than STAND_UP_HOLD_S: the count starts again each time", () => {
    const watch = new StandUpWatch();
    for (let i = 0; i < 5; i++) {
      expect(firesAfter(watch, 1.7, seated, STAND_UP_HOLD_S - 0.2)).toBeNull();
      expect(firesAfter(watch, 1.2, seated, FRAME)).toBeNull();
    }
  });

  it("counts a stalled frame for no more than STAND_UP_FRAME_MAX_S: the head may have risen only at its end", () => {
    const watch = new StandUpWatch();
    expect(watch.update(1.7, seated, 3)).toBe(false);
    expect(watch.update(1.7, seated, 3)).toBe(false);
    const frames = Math.ceil(STAND_UP_HOLD_S / STAND_UP_FRAME_MAX_S) - 2;
    for (let i = 0; i < frames; i++) expect(watch.update(1.7, seated, 3)).toBe(false);
    expect(watch.update(1.7, seated, 3)).toBe(true);
  });

  it("watches only in seated mode", () => {
    expect(firesAfter(new StandUpWatch(), 1.8, DEFAULT_HEIGHT, 10)).toBeNull();
  });

  it("ignores a headset that is not tracked", () => {
    expect(firesAfter(new StandUpWatch(), Number.NaN, seated, 5)).toBeNull();
  });
});
