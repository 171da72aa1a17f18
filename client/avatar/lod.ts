/** What an avatar at some distance from the camera still computes and draws each frame. */
export interface AvatarDetail {
  /** Bones and face are posed; false while the body is out of view: only its clocks advance. */
  readonly pose: boolean;
  readonly springs: boolean;
  /** Springs step once every this many updates (the time between carried into the step). */
  readonly springStride: number;
  readonly gaze: boolean;
  /** MToon's outline pass (a second draw of every outlined part). */
  readonly outline: boolean;
  readonly castShadow: boolean;
  /** Seconds between updates: 0 = every frame. */
  readonly interval: number;
}

/**
 * Beyond this the outline (1.6 mm wide in the generated avatars, world units) is under a fifth
 * of a pixel at 540 lines and under a third on a Quest 3: drawing it twice the parts costs a
 * draw call per outlined part for nothing visible.
 */
export const OUTLINE_DISTANCE_M = 6;
/**
 * Beyond the outline distance hair and cloth springs step every other frame (staggered: half the
 * bodies on even frames, half on odd); at 60 Hz and more a swing is still smooth at that size.
 */
const MID_SPRING_STRIDE = 2;
/** Beyond this, hair and cloth springs and the eyes are too small to see move. */
export const SPRING_GAZE_DISTANCE_M = 15;
/** Beyond this, the body updates at 10 Hz and casts no shadow. */
export const REDUCED_RATE_DISTANCE_M = 30;

const NEAR: AvatarDetail = { pose: true, springs: true, springStride: 1, gaze: true, outline: true, castShadow: true, interval: 0 };
const OUTLINELESS: AvatarDetail = { ...NEAR, outline: false, springStride: MID_SPRING_STRIDE };
const MID: AvatarDetail = { ...OUTLINELESS, springs: false, springStride: 1, gaze: false };
const FAR: AvatarDetail = { ...MID, castShadow: false, interval: 0.1 };
const BANDS = [NEAR, OUTLINELESS, MID, FAR] as const;
const HIDDEN = BANDS.map((band): AvatarDetail => ({ ...band, pose: false, springs: false, springStride: 1, gaze: false }));

/** The detail for a body `distanceM` from the camera, posed only while `inView`. */
export function avatarDetail(distanceM: number, inView = true): AvatarDetail {
  const band = distanceM > REDUCED_RATE_DISTANCE_M ? 3 : distanceM > SPRING_GAZE_DISTANCE_M ? 2 : distanceM > OUTLINE_DISTANCE_M ? 1 : 0;
  return inView ? BANDS[band] : HIDDEN[band]!;
}
