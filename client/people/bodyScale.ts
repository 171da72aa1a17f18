/** The most a body grows to put its eyes at a taller wearer's (× its own size). */
export const MAX_BODY_SCALE = 1.4;
/**
 * How quickly the standing eye height follows a raised head (time constant, s): a hop or a
 * stretch on tiptoe is over before it counts for much, standing up straight counts in full.
 */
export const STANDING_FOLLOW_S = 1;

/**
 * How much a headset wearer's body is scaled so that someone taller than their avatar sees
 * from its eyes, not from above its head: the avatar grows (never shrinks) to the tallest eye
 * height they have stood at in this session, up to MAX_BODY_SCALE. The eye height is smoothed
 * first, so a hop does not make a giant; sitting down later keeps the size (a tall person
 * sits tall). Someone shorter keeps the avatar's size (their body crouches or sits instead).
 */
export class BodyScale {
  /** The body's scale now (1: its own size). */
  scale = 1;
  private smoothed = 0;
  private standing = 0;

  /** One update `dt` seconds on, with the eyes `eyeHeight` above the feet on an avatar whose own eyes stand `avatarEyeY` high. Returns the scale. */
  update(eyeHeight: number, avatarEyeY: number, dt: number): number {
    if (!(eyeHeight > 0) || !(avatarEyeY > 0)) return this.scale;
    this.smoothed = this.smoothed === 0 ? eyeHeight : this.smoothed + (eyeHeight - this.smoothed) * (1 - Math.exp(-Math.max(dt, 0) / STANDING_FOLLOW_S));
    this.standing = Math.max(this.standing, this.smoothed);
    this.scale = Math.min(MAX_BODY_SCALE, Math.max(1, this.standing / avatarEyeY));
    return this.scale;
  }
}
