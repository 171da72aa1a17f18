/** What an avatar at some distance from the camera still computes each frame. */
export interface AvatarDetail {
  readonly springs: boolean;
  readonly gaze: boolean;
  /** Seconds between updates: 0 = every frame. */
  readonly interval: number;
}

const NEAR: AvatarDetail = { springs: true, gaze: true, interval: 0 };
const MID: AvatarDetail = { springs: false, gaze: false, interval: 0 };
const FAR: AvatarDetail = { springs: false, gaze: false, interval: 0.1 };

/** Beyond this, hair and cloth springs and the eyes are too small to see move. */
export const SPRING_GAZE_DISTANCE_M = 15;
/** Beyond this, the body updates at 10 Hz. */
export const REDUCED_RATE_DISTANCE_M = 30;

export function avatarDetail(distanceM: number): AvatarDetail {
  if (distanceM > REDUCED_RATE_DISTANCE_M) return FAR;
  if (distanceM > SPRING_GAZE_DISTANCE_M) return MID;
  return NEAR;
}
