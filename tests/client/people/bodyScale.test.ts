import { describe, expect, it } from "vitest";
import { MAX_BODY_SCALE, scaleToEyeHeight, STANDING_FOLLOW_S, StandingEyeHeight } from "../../../client/people/bodyScale";

const FRAME = 1 / 60;

/** Feeds `eyeHeight(t)` for `seconds` at 60 updates a second; returns the standing height. */
function run(standing: StandingEyeHeight, eyeHeight: (t: number) => number, seconds: number): number {
  for (let i = 1; i <= Math.round(seconds / FRAME); i++) standing.update(eyeHeight(i * FRAME), FRAME);
  return standing.height;
}

describe("StandingEyeHeight", () => {
  it("is the eye height of someone standing straight", () => {
    expect(run(new StandingEyeHeight(), () => 1.7, 1)).toBeCloseTo(1.7, 6);
  });

  it("keeps the tallest height when they sit down or crouch", () => {
    const standing = new StandingEyeHeight();
    run(standing, () => 1.7, 1);
    expect(run(standing, () => 1.1, 10)).toBeCloseTo(1.7, 6);
  });

  it("counts a hop or a moment on tiptoe for little, standing up straight in full", () => {
    const standing = new StandingEyeHeight();
    run(standing, () => 1.6, 1);
    // A 0.3 s hop 25 cm up.
    const hopped = run(standing, () => 1.85, 0.3);
    run(standing, () => 1.6, 1);
    expect(hopped).toBeLessThan(1.6 + 0.25 * (1 - Math.exp(-0.3 / STANDING_FOLLOW_S)) + 0.01);
    expect(standing.height).toBeLessThan(1.7);
    // Standing up from a seated start: it follows up to the standing height.
    const seatedFirst = new StandingEyeHeight();
    expect(run(seatedFirst, () => 1.1, 2)).toBeCloseTo(1.1, 6);
    expect(run(seatedFirst, () => 1.75, 6)).toBeCloseTo(1.75, 2);
  });

  it("takes a known (calibrated) height at once, and still follows someone standing taller", () => {
    const standing = new StandingEyeHeight();
    standing.know(1.6);
    expect(run(standing, () => 1.15, 1)).toBe(1.6);
    expect(run(standing, () => 1.8, 6)).toBeCloseTo(1.8, 2);
  });

  it("forgets every height on reset, and starts again from the eyes where they are then", () => {
    const standing = new StandingEyeHeight();
    standing.know(2.1);
    run(standing, () => 1.9, 2);
    standing.reset();
    expect(standing.height).toBe(0);
    expect(run(standing, () => 1.5, FRAME)).toBe(1.5);
  });

  it("ignores a height that is no height", () => {
    const standing = new StandingEyeHeight();
    standing.know(Number.NaN);
    standing.know(-1);
    expect(standing.update(0, FRAME)).toBe(0);
    expect(standing.update(Number.NaN, FRAME)).toBe(0);
    standing.know(1.7);
    expect(standing.height).toBe(1.7);
  });
});

describe("scaleToEyeHeight", () => {
  it("is the ratio of the eye heights, never below 1 nor above MAX_BODY_SCALE, and 1 when either is unknown", () => {
    expect(scaleToEyeHeight(1.8, 1.5)).toBeCloseTo(1.2, 9);
    expect(scaleToEyeHeight(1.2, 1.5)).toBe(1);
    expect(scaleToEyeHeight(3, 1.5)).toBe(MAX_BODY_SCALE);
    expect(scaleToEyeHeight(0, 1.5)).toBe(1);
    expect(scaleToEyeHeight(1.8, 0)).toBe(1);
  });
});
