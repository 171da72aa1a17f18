/** The most a body grows to put its eyes at a taller wearer's (× its own size). */
export const MAX_BODY_SCALE = 1.4;
/**
 * How quickly the standing eye height follows a raised head (time constant, s): a hop or a
 * stretch on tiptoe is over before it counts for much, standing up straight counts in full.
 */
export const STANDING_FOLLOW_S = 1;

/**
 * The tallest eye height a headset wearer has stood at: the eye height smoothed (so a hop does
 * not count), then its highest value kept (so sitting down later does not lower it). A
 * calibrated eye height counts as if stood at.
 */
export class StandingEyeHeight {
  /** The tallest smoothed eye height seen or known (m); 0 until there is one. */
  height = 0;
  private smoothed = 0;

  /** One update `dt` seconds on, with the eyes `eyeHeight` above the feet. Returns the standing height. */
  update(eyeHeight: number, dt: number): number {
    if (!(eyeHeight > 0)) return this.height;
    this.smoothed = this.smoothed === 0 ? eyeHeight : this.smoothed + (eyeHeight - this.smoothed) * (1 - Math.exp(-Math.max(dt, 0) / STANDING_FOLLOW_S));
    this.height = Math.max(this.height, this.smoothed);
    return this.height;
  }

  /** The wearer's standing eye height is known (calibrated): it counts at once, as if they had stood at it. */
  know(eyeHeight: number): void {
    if (eyeHeight > 0) this.height = Math.max(this.height, eyeHeight);
  }
}

/** The scale that puts the eyes of an avatar whose own eyes stand `avatarEyeY` high at `standingEyeHeight`: never below 1, at most MAX_BODY_SCALE. */
export function scaleToEyeHeight(standingEyeHeight: number, avatarEyeY: number): number {
  if (!(standingEyeHeight > 0) || !(avatarEyeY > 0)) return 1;
  return Math.min(MAX_BODY_SCALE, Math.max(1, standingEyeHeight / avatarEyeY));
}

/**
 * How much a headset wearer's body is scaled so that someone taller than their avatar sees
 * from its eyes, not from above its head: the avatar grows (never shrinks) to the tallest eye
 * height they have stood at in this session (StandingEyeHeight), up to MAX_BODY_SCALE. Someone
 * shorter keeps the avatar's size (their body crouches or sits instead).
 */
export class BodyScale {
  /** The body's scale now (1: its own size). */
  scale = 1;
  private readonly standing = new StandingEyeHeight();

  /** One update `dt` seconds on, with the eyes `eyeHeight` above the feet on an avatar whose own eyes stand `avatarEyeY` high. Returns the scale. */
  update(eyeHeight: number, avatarEyeY: number, dt: number): number {
    if (!(eyeHeight > 0) || !(avatarEyeY > 0)) return this.scale;
    this.scale = scaleToEyeHeight(this.standing.update(eyeHeight, dt), avatarEyeY);
    return this.scale;
  }

  /** The wearer's calibrated standing eye height: the body grows for it at its next update, without waiting to see them stand. */
  calibrate(standingEyeHeight: number): void {
    this.standing.know(standingEyeHeight);
  }
}
