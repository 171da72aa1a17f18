import type { StoredHeight } from "./heightStorage";
import { DEFAULT_SEATED_EYE_HEIGHT } from "./viewHeight";

/** How far above the seated eye height (m) the headset must be, and for how long (s), before a seated wearer counts as standing. */
export const STAND_UP_RISE_M = 0.35;
export const STAND_UP_HOLD_S = 2;
/**
 * The longest one frame counts for (s): after a stalled frame, the headset may have been up only
 * for its last instant, so a hitch never counts as seconds of standing.
 */
export const STAND_UP_FRAME_MAX_S = 0.25;

/**
 * Watches a seated wearer for standing up: the headset (its real height above the floor) more
 * than STAND_UP_RISE_M above the seated eye height (calibrated, or DEFAULT_SEATED_EYE_HEIGHT)
 * for longer than STAND_UP_HOLD_S without a break.
 *
 * The caller switches to standing at once rather than asking: seated mode lifts the view, so
 * someone who stood up in it sees from well above their own eyes over a floor that is not where
 * their feet are, and others see their avatar's head below the pose it sends. That is
 * uncomfortable, and a prompt would leave it so until they found the panel at their side and
 * pointed at it. Sitting cannot raise the eyes this far (leaning moves them down or forward), so
 * a false switch is rare and one tap on Seated undoes it.
 */
export class StandUpWatch {
  private risenFor = 0;

  /** One frame `dt` seconds on, with the headset `trackedEyeHeight` above the real floor. True once, the frame the wearer has been up long enough. */
  update(trackedEyeHeight: number, setting: StoredHeight, dt: number): boolean {
    const seatedEyes = setting.seatedEyeHeight ?? DEFAULT_SEATED_EYE_HEIGHT;
    if (setting.mode !== "seated" || !(trackedEyeHeight > seatedEyes + STAND_UP_RISE_M)) {
      this.risenFor = 0;
      return false;
    }
    this.risenFor += Math.min(Math.max(dt, 0), STAND_UP_FRAME_MAX_S);
    if (this.risenFor <= STAND_UP_HOLD_S) return false;
    this.risenFor = 0;
    return true;
  }
}
