import { MAX_BODY_SCALE, scaleToEyeHeight, StandingEyeHeight } from "../people";
import type { HeightMode, StoredHeight } from "./heightStorage";

/**
 * The eye height of someone seated on a chair (m above the floor), assumed in seated mode until
 * they calibrate: an adult's sitting eye height (about 0.75-0.8 m) over a 0.45 m seat.
 */
export const DEFAULT_SEATED_EYE_HEIGHT = 1.2;

/**
 * How far the view is moved up (+) or down (-) from the real eyes, on an avatar whose own eyes
 * stand `avatarEyeY` high (0: not loaded yet, nothing moves), for someone whose standing eye
 * height is `standingEyeHeight` (calibrated or the tallest seen, 0 if unknown):
 * - seated: raised by the avatar's standing eye height over the seated eye height (calibrated, or
 *   DEFAULT_SEATED_EYE_HEIGHT), so a seated person sees the world as their avatar standing;
 * - standing: the real eye height, except for someone taller than the avatar can grow
 *   (MAX_BODY_SCALE): lowered by the difference, so they look from its eyes, not from above its
 *   head. Others see the same, as the eye height sent to the room is the view's.
 */
export function viewOffset(setting: StoredHeight, standingEyeHeight: number, avatarEyeY: number): number {
  if (!(avatarEyeY > 0)) return 0;
  if (setting.mode === "seated") return avatarEyeY - (setting.seatedEyeHeight ?? DEFAULT_SEATED_EYE_HEIGHT);
  if (!(standingEyeHeight > 0)) return 0;
  return Math.min(0, avatarEyeY * MAX_BODY_SCALE - standingEyeHeight);
}

/**
 * The view's height offset and the avatar's scale for the person in the headset, frame by frame.
 * Their standing eye height is watched on the real (tracked) eye height, so the offset never
 * feeds back into it; a standing calibration counts at once. Standing, the avatar grows to it
 * (never past MAX_BODY_SCALE); seated, it keeps its own size, as the view is lifted to its eyes.
 * The scale is what the room passes on, so others draw the body the wearer sees.
 */
export class ViewHeight {
  /** The offset now (m): added to the XR origin's height. */
  offset = 0;
  /** The avatar's scale now (1: its own size). */
  bodyScale = 1;
  private readonly standing = new StandingEyeHeight();
  /** The mode and standing calibration the standing height was watched under (null: none yet). */
  private mode: HeightMode | null = null;
  private calibrated: number | null = null;

  /** One frame `dt` seconds on, with the headset `trackedEyeHeight` above the real floor. Returns the offset. */
  update(trackedEyeHeight: number, setting: StoredHeight, avatarEyeY: number, dt: number): number {
    if (setting.mode !== this.mode || setting.standingEyeHeight !== this.calibrated) {
      // A new or forgotten calibration, or a switch between seated and standing: how tall the
      // wearer stood before no longer counts, so a lower calibration (or sitting) shrinks the avatar back.
      this.standing.reset();
      this.mode = setting.mode;
      this.calibrated = setting.standingEyeHeight;
    }
    // Seated, the real eye height says nothing of standing.
    if (setting.mode === "standing") {
      if (setting.standingEyeHeight !== null) this.standing.know(setting.standingEyeHeight);
      this.standing.update(trackedEyeHeight, dt);
    }
    this.offset = viewOffset(setting, this.standing.height, avatarEyeY);
    this.bodyScale = scaleToEyeHeight(this.standing.height, avatarEyeY);
    return this.offset;
  }
}
