import { Quaternion, Vector3 } from "three";
import { ClientMessage, XR_POSE_SEND_HZ } from "../../shared/protocol";
import type { WorldRoom } from "../net";
import type { TrackedPose } from "../people";
import { MoveSchedule } from "../player";
import { trackedToWorld, type XrOrigin } from "./rig";
import { createXrPoseBuffer, readTracked, writeHand, writeHead, writeSessionEnd, type BodyFrame } from "./xrPose";

/** Below this (metres, or quaternion units) a head or hand has not moved: nothing to send. */
const STILL = 0.004;
/** Numbers compared for change: head height, rotation (4), body scale, each hand's tracked flag and position (2 × 4). */
const COMPARED = 14;

const UP = new Vector3(0, 1, 0);
const headWorld = new Quaternion();
const originTurn = new Quaternion();
const ground = { x: 0, z: 0 };
const handWorld = { x: 0, y: 0, z: 0 };

/**
 * Sends the headset's head (eye height, rotation in the body's frame, the avatar's scale) and hands to the room at
 * XR_POSE_SEND_HZ while they move, and "session over" when it ends, so others see where the
 * person looks and waves. Hands are the controllers' grips (or tracked hands' wrists).
 */
export class XrPoseReporter {
  /** The headset's head and hands as of the last update (every frame, unthrottled), for one's own body. */
  readonly tracked: TrackedPose = {
    headHeight: 0,
    headX: 0,
    headY: 0,
    headZ: 0,
    headW: 1,
    bodyScale: 1,
    leftTracked: false,
    leftX: 0,
    leftY: 0,
    leftZ: 0,
    rightTracked: false,
    rightX: 0,
    rightY: 0,
    rightZ: 0,
  };
  private readonly buffer = createXrPoseBuffer();
  private readonly schedule = new MoveSchedule(1000 / XR_POSE_SEND_HZ);
  private readonly sent = new Float32Array(COMPARED);
  private readonly current = new Float32Array(COMPARED);
  private started = false;

  /** One frame: the headset's pose, where the body stands, and the avatar's scale (ViewHeight's), sent if changed and due. */
  update(room: WorldRoom, frame: XRFrame, space: XRReferenceSpace, viewer: XRViewerPose, origin: XrOrigin, body: BodyFrame, bodyScale: number, now: number): void {
    const o = viewer.transform.orientation;
    originTurn.setFromAxisAngle(UP, origin.yaw);
    headWorld.set(o.x, o.y, o.z, o.w).premultiply(originTurn);
    writeHead(this.buffer, body, origin.y + viewer.transform.position.y, headWorld, bodyScale);
    writeHand(this.buffer, "left", body, handPosition(frame, space, origin, "left"));
    writeHand(this.buffer, "right", body, handPosition(frame, space, origin, "right"));
    readTracked(this.buffer, this.tracked);
    if (!this.schedule.update(now, this.changed() || !this.started)) return;
    this.started = true;
    this.sent.set(this.current);
    room.send(ClientMessage.XrPose, this.buffer.message);
  }

  /** The session ended: others see the plain body again. */
  end(room: WorldRoom): void {
    if (!this.started) return;
    this.started = false;
    room.send(ClientMessage.XrPose, writeSessionEnd(this.buffer));
  }

  private changed(): boolean {
    const { message } = this.buffer;
    const c = this.current;
    c[0] = message.head?.height ?? 0;
    for (let i = 0; i < 4; i++) c[1 + i] = message.head?.rotation[i] ?? 0;
    c[5] = message.head?.bodyScale ?? 1;
    copyHand(message.left, c, 6);
    copyHand(message.right, c, 10);
    for (let i = 0; i < COMPARED; i++) if (Math.abs(c[i]! - this.sent[i]!) > STILL) return true;
    return false;
  }
}

function copyHand(hand: [number, number, number] | null, out: Float32Array, at: number): void {
  out[at] = hand ? 1 : 0;
  out[at + 1] = hand?.[0] ?? 0;
  out[at + 2] = hand?.[1] ?? 0;
  out[at + 3] = hand?.[2] ?? 0;
}

/** Where the hand of `handedness` is in the world, or null when no controller or hand of that side is tracked. */
function handPosition(frame: XRFrame, space: XRReferenceSpace, origin: XrOrigin, handedness: XRHandedness): typeof handWorld | null {
  const sources = frame.session.inputSources;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (source.handedness !== handedness) continue;
    const pose = frame.getPose(source.gripSpace ?? source.targetRaySpace, space);
    if (!pose) return null;
    const p = pose.transform.position;
    trackedToWorld(origin, p.x, p.z, ground);
    handWorld.x = ground.x;
    handWorld.y = origin.y + p.y;
    handWorld.z = ground.z;
    return handWorld;
  }
  return null;
}
