import { describe, expect, it } from "vitest";
import { MAX_BODY_SCALE } from "../../../client/people/bodyScale";
import { DEFAULT_HEIGHT, type StoredHeight } from "../../../client/xr/heightStorage";
import { DEFAULT_SEATED_EYE_HEIGHT, ViewHeight, viewOffset } from "../../../client/xr/viewHeight";

/** The default avatar's (wren's) own eye height standing, m. */
const AVATAR_EYES = 1.44;
const FRAME = 1 / 60;
const standing: StoredHeight = DEFAULT_HEIGHT;
const seated: StoredHeight = { ...DEFAULT_HEIGHT, mode: "seated" };

/** The avatar's eyes grown to `eyeHeight` (capped): the scale a wearer standing that tall gets. */
const grownTo = (eyeHeight: number) => Math.min(MAX_BODY_SCALE, eyeHeight / AVATAR_EYES);

/** Feeds a tracked eye height for `seconds` at 60 frames a second; returns the last offset. */
function run(view: ViewHeight, eyeHeight: number, setting: StoredHeight, seconds: number): number {
  for (let i = 0; i < Math.round(seconds / FRAME); i++) view.update(eyeHeight, setting, AVATAR_EYES, FRAME);
  return view.offset;
}

describe("viewOffset", () => {
  it("seated, raises the eyes from the standard seated height to the avatar's standing eye height", () => {
    expect(DEFAULT_SEATED_EYE_HEIGHT + viewOffset(seated, 0, AVATAR_EYES)).toBeCloseTo(AVATAR_EYES, 9);
  });

  it("seated and calibrated, raises the calibrated seated eye height to the avatar's", () => {
    expect(1.05 + viewOffset({ ...seated, seatedEyeHeight: 1.05 }, 0, AVATAR_EYES)).toBeCloseTo(AVATAR_EYES, 9);
    // Someone sitting taller than the avatar stands: the view comes down to its eyes.
    expect(1.55 + viewOffset({ ...seated, seatedEyeHeight: 1.55 }, 0, AVATAR_EYES)).toBeCloseTo(AVATAR_EYES, 9);
  });

  it("standing, keeps the real eye height for anyone the avatar can grow to (or shorter)", () => {
    expect(viewOffset(standing, 1.3, AVATAR_EYES)).toBe(0);
    expect(viewOffset(standing, 1.9, AVATAR_EYES)).toBe(0);
    expect(viewOffset(standing, AVATAR_EYES * MAX_BODY_SCALE, AVATAR_EYES)).toBe(0);
  });

  it("standing, lowers a very tall person's eyes to those of the avatar grown as far as it goes", () => {
    expect(2.3 + viewOffset(standing, 2.3, AVATAR_EYES)).toBeCloseTo(AVATAR_EYES * MAX_BODY_SCALE, 9);
  });

  it("moves nothing before the avatar is measured, nor standing before any eye height is known", () => {
    expect(viewOffset(seated, 0, 0)).toBe(0);
    expect(viewOffset(standing, 2.3, 0)).toBe(0);
    expect(viewOffset(standing, 0, AVATAR_EYES)).toBe(0);
  });
});

describe("ViewHeight", () => {
  it("lowers a very tall person's view once they have stood straight for a moment, and keeps it when they sit", () => {
    const view = new ViewHeight();
    expect(run(view, 2.3, standing, 0.1)).toBeCloseTo(AVATAR_EYES * MAX_BODY_SCALE - 2.3, 6);
    // The view moved down does not count as them being shorter (no feedback).
    expect(run(view, 2.3, standing, 3)).toBeCloseTo(AVATAR_EYES * MAX_BODY_SCALE - 2.3, 6);
    expect(run(view, 1.5, standing, 5)).toBeCloseTo(AVATAR_EYES * MAX_BODY_SCALE - 2.3, 6);
  });

  it("lowers a calibrated very tall person's view at once, though they sit from the start", () => {
    const view = new ViewHeight();
    expect(view.update(1.4, { ...standing, standingEyeHeight: 2.25 }, AVATAR_EYES, FRAME)).toBeCloseTo(AVATAR_EYES * MAX_BODY_SCALE - 2.25, 9);
  });

  it("seated, does not take standing up for standing height: a seated person who leans up is not lowered", () => {
    const view = new ViewHeight();
    expect(run(view, 2.2, seated, 3)).toBeCloseTo(AVATAR_EYES - DEFAULT_SEATED_EYE_HEIGHT, 9);
    // Back to standing mode: only now does the real eye height count.
    expect(run(view, 1.7, standing, 3)).toBe(0);
  });
});

describe("ViewHeight's body scale (what the room passes on to others)", () => {
  it("grows the avatar to a taller wearer once they have stood straight for a moment, keeps it when they sit, and never past MAX_BODY_SCALE", () => {
    const view = new ViewHeight();
    run(view, 1.3, standing, 2);
    expect(view.bodyScale).toBe(1);
    run(view, 1.7, standing, 6);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.7), 2);
    run(view, 1.1, standing, 5);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.7), 2);
    run(view, 2.4, standing, 6);
    expect(view.bodyScale).toBe(MAX_BODY_SCALE);
  });

  it("grows it to a standing calibration at once, though its wearer sits from the start", () => {
    const view = new ViewHeight();
    view.update(1.15, { ...standing, standingEyeHeight: 1.75 }, AVATAR_EYES, FRAME);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.75), 9);
  });

  it("shrinks it back for a lower calibration, however tall the wearer stood before", () => {
    const view = new ViewHeight();
    run(view, 1.9, standing, 6);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.9), 2);
    // They calibrate standing at 1.6 m (the headset is there now).
    run(view, 1.6, { ...standing, standingEyeHeight: 1.6 }, FRAME);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.6), 9);
    // Standing taller than the calibration still grows it.
    run(view, 1.8, { ...standing, standingEyeHeight: 1.6 }, 6);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.8), 2);
  });

  it("shrinks it back when the calibration is forgotten, to the height they stand at from then on", () => {
    const view = new ViewHeight();
    run(view, 1.5, { ...standing, standingEyeHeight: 2.2 }, 1);
    expect(view.bodyScale).toBe(MAX_BODY_SCALE);
    run(view, 1.5, standing, FRAME);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.5), 9);
    expect(view.offset).toBe(0);
  });

  it("is the avatar's own size seated (the view is lifted to its eyes instead), and standing again starts afresh", () => {
    const view = new ViewHeight();
    run(view, 1.9, { ...standing, standingEyeHeight: 1.9 }, 1);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.9), 9);
    run(view, 1.2, { ...seated, standingEyeHeight: 1.9 }, FRAME);
    expect(view.bodyScale).toBe(1);
    // Back to standing without a calibration, still sitting: the size they stood at before the seated spell no longer counts.
    run(view, 1.2, standing, 2);
    expect(view.bodyScale).toBe(1);
    run(view, 1.75, standing, 6);
    expect(view.bodyScale).toBeCloseTo(grownTo(1.75), 2);
  });

  it("is the avatar's own size until the avatar is measured", () => {
    const view = new ViewHeight();
    view.update(1.9, { ...standing, standingEyeHeight: 1.9 }, 0, FRAME);
    expect(view.bodyScale).toBe(1);
  });
});
