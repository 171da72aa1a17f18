import { z } from "zod";

/** How often a headset sends its head and hands while they move (the room accepts up to 30 a second). */
export const XR_POSE_SEND_HZ = 20;
/** Eye height above the feet a headset may report (m): from sitting on the floor to very tall. */
export const XR_HEAD_HEIGHT_MIN = 0.3;
export const XR_HEAD_HEIGHT_MAX = 2.5;
/** How far from the feet a hand may be, sideways and forward (m), and how high. */
export const XR_HAND_REACH = 1.5;
export const XR_HAND_HEIGHT_MAX = 3;
/**
 * The most a headset wearer's avatar is grown to put its eyes at a taller wearer's (× its own
 * size). It never shrinks below its own size: a shorter wearer's avatar crouches or sits instead.
 */
export const XR_BODY_SCALE_MAX = 1.4;
/** A rotation is a unit quaternion: its length may differ from 1 by at most this (float rounding). */
export const QUATERNION_TOLERANCE = 1e-3;
/** Longest teleport the room accepts (m): a little past the aiming arc's reach from a raised hand. */
export const TELEPORT_MAX_METRES = 8.5;

const finite = z.number().finite();

/** [x, y, z, w], unit length (normalised within QUATERNION_TOLERANCE), or refused. */
export const UnitQuaternion = z
  .tuple([finite.min(-1).max(1), finite.min(-1).max(1), finite.min(-1).max(1), finite.min(-1).max(1)])
  .refine(([x, y, z, w]) => Math.abs(Math.hypot(x, y, z, w) - 1) <= QUATERNION_TOLERANCE, "rotation must be a unit quaternion");

/**
 * A hand's position in the body's frame: the avatar root at the feet, turned with the body
 * (x to the body's left, y up, z forward; the frame a VRM 1.0 model faces +Z in).
 */
export const XrHandPosition = z.tuple([
  finite.min(-XR_HAND_REACH).max(XR_HAND_REACH),
  finite.min(0).max(XR_HAND_HEIGHT_MAX),
  finite.min(-XR_HAND_REACH).max(XR_HAND_REACH),
]);

/**
 * `xr:pose`: the head and hands of a person in a headset. The body's place and yaw still come
 * with `move`; this adds the eye height (seated or standing) and how the head is turned in the
 * body's frame (identity: looking straight ahead where the body faces), and the body's scale the
 * wearer's own client applies (grown for someone taller than the avatar; calibration known only
 * there), so that others draw the same body. `head: null` says the headset session ended; a hand
 * is null while it is not tracked.
 */
export const XrPoseMessage = z
  .object({
    head: z
      .object({
        height: finite.min(XR_HEAD_HEIGHT_MIN).max(XR_HEAD_HEIGHT_MAX),
        rotation: UnitQuaternion,
        bodyScale: finite
          .min(1, `bodyScale must be at least 1 (the avatar's own size)`)
          .max(XR_BODY_SCALE_MAX, `bodyScale must be at most ${XR_BODY_SCALE_MAX} (the most an avatar grows)`),
      })
      .strict()
      .nullable(),
    left: XrHandPosition.nullable(),
    right: XrHandPosition.nullable(),
  })
  .strict();
export type XrPoseMessage = z.infer<typeof XrPoseMessage>;
