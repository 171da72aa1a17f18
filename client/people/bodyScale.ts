import { XR_BODY_SCALE_MAX } from "../../shared/protocol";

/** The most a body grows to put its eyes at a taller wearer's (× its own size): the room accepts no more. */
export const MAX_BODY_SCALE = XR_BODY_SCALE_MAX;
/**
 * How quickly the standing eye height follows a raised head (time constant, s): a hop or a
 * stretch on tiptoe is over before it counts for much, standing up straight counts in full.
 */
export const STANDING_FOLLOW_S = 1;

/**
 * The tallest eye height a headset wearer has stood at: the eye height smoothed (so a hop does
 * not count), then its highest value kept (so sitting down later does not lower it). A
 * calibrated eye height counts as if stood at. `reset` starts afresh (a new calibration, or back
 * from seated), so the avatar can shrink again.
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

  /** Forgets every height seen or known: the next update starts from the eyes where they are then. */
  reset(): void {
    this.height = 0;
    this.smoothed = 0;
  }
}

/** The scale that puts the eyes of an avatar whose own eyes stand `avatarEyeY` high at `standingEyeHeight`: never below 1, at most MAX_BODY_SCALE. */
export function scaleToEyeHeight(standingEyeHeight: number, avatarEyeY: number): number {
  if (!(standingEyeHeight > 0) || !(avatarEyeY > 0)) return 1;
  return Math.min(MAX_BODY_SCALE, Math.max(1, standingEyeHeight / avatarEyeY));
}
