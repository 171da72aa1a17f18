import { Quaternion, Vector3 } from "three";
import type { TrackedPose } from "../people";
import { XR_BODY_SCALE_MAX, XR_HAND_HEIGHT_MAX, XR_HAND_REACH, XR_HEAD_HEIGHT_MAX, XR_HEAD_HEIGHT_MIN, type XrPoseMessage } from "../../shared/protocol";

/** Where the body stands and faces (yaw 0 faces +Z), as the room knows it. */
export interface BodyFrame {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

type XrHead = NonNullable<XrPoseMessage["head"]>;

/** A headset pose message kept for reuse: `writeHead` and `writeHand` fill it in place. */
export interface XrPoseBuffer {
  message: { head: XrHead | null; left: [number, number, number] | null; right: [number, number, number] | null };
  head: XrHead;
  left: [number, number, number];
  right: [number, number, number];
}

export function createXrPoseBuffer(): XrPoseBuffer {
  const head: XrHead = { height: 0, rotation: [0, 0, 0, 1], bodyScale: 1 };
  return { message: { head: null, left: null, right: null }, head, left: [0, 0, 0], right: [0, 0, 0] };
}

const yawQuat = new Quaternion();
const faceQuat = new Quaternion();
const UP = new Vector3(0, 1, 0);
/** A camera looks along its −Z; a body faces +Z: half a turn about Y between the two. */
const CAMERA_TO_FACE = new Quaternion().setFromAxisAngle(UP, Math.PI);

/**
 * The head part of the pose: eye height above the feet (clamped to what the room accepts), the
 * head's rotation in the body's frame, from the head's world rotation (a camera's, looking
 * along −Z), and the avatar's scale (ViewHeight's, clamped likewise). Identity means looking
 * straight ahead where the body faces.
 */
export function writeHead(buffer: XrPoseBuffer, body: BodyFrame, eyeWorldY: number, headWorld: Quaternion, bodyScale: number): void {
  buffer.head.height = Math.min(XR_HEAD_HEIGHT_MAX, Math.max(XR_HEAD_HEIGHT_MIN, eyeWorldY - body.y));
  buffer.head.bodyScale = Math.min(XR_BODY_SCALE_MAX, Math.max(1, bodyScale));
  yawQuat.setFromAxisAngle(UP, body.yaw).invert();
  faceQuat.copy(headWorld).multiply(CAMERA_TO_FACE).premultiply(yawQuat).normalize();
  const r = buffer.head.rotation;
  r[0] = faceQuat.x;
  r[1] = faceQuat.y;
  r[2] = faceQuat.z;
  r[3] = faceQuat.w;
  buffer.message.head = buffer.head;
}

/**
 * One hand's position in the body's frame (x to the body's left, y up from the feet, z forward)
 * from its world position, or null (not tracked) when it is out of the reach the room accepts:
 * a controller put down on a table across the room is not a hand.
 */
export function writeHand(buffer: XrPoseBuffer, side: "left" | "right", body: BodyFrame, world: { x: number; y: number; z: number } | null): void {
  if (!world) {
    buffer.message[side] = null;
    return;
  }
  const dx = world.x - body.x;
  const dz = world.z - body.z;
  const c = Math.cos(body.yaw);
  const s = Math.sin(body.yaw);
  const x = dx * c - dz * s;
  const y = world.y - body.y;
  const z = dx * s + dz * c;
  const inReach = Math.abs(x) <= XR_HAND_REACH && Math.abs(z) <= XR_HAND_REACH && y >= 0 && y <= XR_HAND_HEIGHT_MAX;
  if (!inReach) {
    buffer.message[side] = null;
    return;
  }
  const out = buffer[side];
  out[0] = x;
  out[1] = y;
  out[2] = z;
  buffer.message[side] = out;
}

/** The session ended: no head, no hands (the room clears what others see). */
export function writeSessionEnd(buffer: XrPoseBuffer): XrPoseMessage {
  buffer.message.head = null;
  buffer.message.left = null;
  buffer.message.right = null;
  return buffer.message;
}

/** The pose last written, in the room's shape (as others receive it), into `out`. */
export function readTracked(buffer: XrPoseBuffer, out: TrackedPose): TrackedPose {
  const { head, left, right } = buffer.message;
  out.headHeight = head ? head.height : 0;
  out.headX = head ? head.rotation[0] : 0;
  out.headY = head ? head.rotation[1] : 0;
  out.headZ = head ? head.rotation[2] : 0;
  out.headW = head ? head.rotation[3] : 1;
  out.bodyScale = head ? head.bodyScale : 1;
  out.leftTracked = left !== null;
  if (left) {
    out.leftX = left[0];
    out.leftY = left[1];
    out.leftZ = left[2];
  }
  out.rightTracked = right !== null;
  if (right) {
    out.rightX = right[0];
    out.rightY = right[1];
    out.rightZ = right[2];
  }
  return out;
}
