import { describe, expect, it } from "vitest";
import { BodyScale, MAX_BODY_SCALE, scaleToEyeHeight, STANDING_FOLLOW_S, StandingEyeHeight } from "../../../client/people/bodyScale";

const AVATAR_EYES = 1.44;
const FRAME = 1 / 60;

/** Feeds `eyeHeight(t)` for `seconds` at 60 updates a second; returns the last scale. */
function run(scale: BodyScale, eyeHeight: (t: number) => number, seconds: number): number {
  for (let i = 1; i <= Math.round(seconds / FRAME); i++) scale.update(eyeHeight(i * FRAME), AVATAR_EYES, FRAME);
  return scale.scale;
}

describe("BodyScale", () => {
  it("grows the avatar so a taller wearer's eyes are its eyes", () => {
    expect(run(new BodyScale(), () => 1.7, 1)).toBeCloseTo(1.7 / AVATAR_EYES, 6);
  });

  it("keeps the avatar's own size for someone shorter (their body crouches or sits instead)", () => {
    expect(run(new BodyScale(), () => 1.3, 2)).toBe(1);
  });

  it("grows no further than MAX_BODY_SCALE", () => {
    expect(run(new BodyScale(), () => 2.4, 2)).toBe(MAX_BODY_SCALE);
  });

  it("keeps a tall person's size when they sit down or crouch", () => {
    const scale = new BodyScale();
    run(scale, () => 1.7, 1);
    expect(run(scale, () => 1.1, 10)).toBeCloseTo(1.7 / AVATAR_EYES, 6);
  });

  it("counts a hop or a moment on tiptoe for little, standing up straight in full", () => {
    const scale = new BodyScale();
    run(scale, () => 1.6, 1);
    // A 0.3 s hop 25 cm up.
    const hopped = run(scale, () => 1.85, 0.3);
    run(scale, () => 1.6, 1);
    expect(hopped * AVATAR_EYES).toBeLessThan(1.6 + 0.25 * (1 - Math.exp(-0.3 / STANDING_FOLLOW_S)) + 0.01);
    expect(scale.scale * AVATAR_EYES).toBeLessThan(1.7);
    // Standing up from a seated start: it grows to the standing height.
    const seatedFirst = new BodyScale();
    run(seatedFirst, () => 1.1, 2);
    expect(seatedFirst.scale).toBe(1);
    expect(run(seatedFirst, () => 1.75, 6)).toBeCloseTo(1.75 / AVATAR_EYES, 2);
  });

  it("ignores updates without an eye height or a measured avatar", () => {
    const scale = new BodyScale();
    run(scale, () => 1.7, 1);
    const before = scale.scale;
    expect(scale.update(0, AVATAR_EYES, FRAME)).toBe(before);
    expect(scale.update(Number.NaN, AVATAR_EYES, FRAME)).toBe(before);
    expect(scale.update(2.2, 0, FRAME)).toBe(before);
  });
});

describe("a calibrated standing eye height", () => {
  it("grows the avatar at once, though its wearer sits from the start", () => {
    const scale = new BodyScale();
    scale.calibrate(1.75);
    expect(run(scale, () => 1.15, 1)).toBeCloseTo(1.75 / AVATAR_EYES, 6);
  });

  it("counts as the least standing height: standing up taller still grows the avatar", () => {
    const scale = new BodyScale();
    scale.calibrate(1.6);
    expect(run(scale, () => 1.8, 6)).toBeCloseTo(1.8 / AVATAR_EYES, 2);
  });

  it("is capped like any eye height, and a calibration lower than what was stood never shrinks the avatar", () => {
    const tall = new BodyScale();
    tall.calibrate(2.4);
    expect(run(tall, () => 1.2, 0.1)).toBe(MAX_BODY_SCALE);
    const stood = new BodyScale();
    run(stood, () => 1.8, 6);
    stood.calibrate(1.5);
    expect(run(stood, () => 1.8, 0.1)).toBeCloseTo(1.8 / AVATAR_EYES, 2);
  });

  it("ignores a height that is no height", () => {
    const eyes = new StandingEyeHeight();
    eyes.know(Number.NaN);
    eyes.know(-1);
    expect(eyes.height).toBe(0);
    eyes.know(1.7);
    expect(eyes.height).toBe(1.7);
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
