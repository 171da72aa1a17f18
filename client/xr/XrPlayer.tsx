import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { useFrame } from "@react-three/fiber";
import { XROrigin } from "@react-three/xr";
import { Quaternion, Vector3, type Group } from "three";
import { ClientMessage, type MoveMessage } from "../../shared/protocol";
import type { Walkable } from "../../shared/world";
import { FRAME_ORDER } from "../frame/order";
import { useConnection } from "../net";
import { bodyMeasureOf, jumpTrackedBody } from "../people";
import { cameraRig, createIntent, localAvatarDriver, localPlayer, MoveSchedule, stepMovement, writeLocalPose } from "../player";
import { useWorld } from "../world";
import { ComfortVignette, type Comfort } from "./ComfortVignette";
import { followHead } from "./headFollow";
import { HeadsetBody } from "./HeadsetBody";
import { useHeightSetting } from "./heightSetting";
import { nextReported, XR_MOVE_SEND_HZ } from "./networkPose";
import { placeHead, trackedToWorld, trackedYaw, turnAboutHead, type XrOrigin } from "./rig";
import { SnapTurn } from "./snapTurn";
import { StandUpWatch } from "./standUpWatch";
import { createArc, teleportRefusal, traceArc, type Arc } from "./teleportArc";
import { TeleportArcView } from "./TeleportArcView";
import { ViewHeightProbe } from "./ViewHeightProbe";
import { ViewHeight } from "./viewHeight";
import { createControllerInput, readController, stickIntent } from "./thumbsticks";
import { XrPoseReporter } from "./xrPoseReporter";
import { xrStatus } from "./xrStatus";

/** Pushing the right stick this far forward aims a teleport (releasing it jumps). */
const AIM_STICK = 0.6;
/** Head pitch sent to others is clamped like the desktop's. */
const MAX_PITCH = 1.2;

const forward = new Vector3();
const orientation = new Quaternion();
const ray = new Vector3();
const hand = { x: 0, z: 0 };

/**
 * The person in the headset. Their body stands where the headset is (the XR origin is moved so
 * that the tracked head lands on the body), walls stop the body and push the view back, the left
 * stick walks, the right stick snap-turns or aims a teleport (as does the right trigger), and
 * the head pose goes to the room at XR_MOVE_SEND_HZ, head and hands at XR_POSE_SEND_HZ; a
 * teleport or snap turn goes at once as one flagged jump, so others see it happen in one step,
 * and one's own body turns with a snap turn at once (it is the person turning, not their head).
 * Seated, or taller than the avatar can grow, the tracked space is raised or lowered (ViewHeight)
 * so the eyes are the avatar's, as seen and as sent; the avatar's scale (ViewHeight's) goes with
 * the head pose, so others draw the body at the size its wearer sees. `children` move with the tracked space (the
 * panel). Mounted only while a session runs.
 */
export function XrPlayer({ children }: { children?: ReactNode }) {
  const room = useConnection((s) => s.room);
  const walkable = useWorld((s) => s.walkable);
  const group = useRef<Group>(null);
  const state = useMemo(
    () => ({
      origin: { x: 0, y: 0, z: 0, yaw: 0 } as XrOrigin,
      /** Where this component last left the body; anything else moved it (spawn, correction). */
      placed: { x: 0, z: 0, valid: false },
      head: { x: 0, z: 0 },
      hand: { x: 0, z: 0 },
      sent: { x: 0, z: 0 },
      sentAt: 0,
      reported: { x: 0, z: 0 },
      intent: createIntent(),
      left: createControllerInput(),
      right: createControllerInput(),
      snap: new SnapTurn(),
      schedule: new MoveSchedule(1000 / XR_MOVE_SEND_HZ),
      arc: createArc(),
      message: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as MoveMessage,
      teleportMessage: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, teleport: true } as MoveMessage,
      snapMessage: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, snapTurn: true } as MoveMessage,
      /** A teleport (or a snap turn) happened this frame: it goes to the room at once, flagged as one. */
      teleported: false,
      snapped: false,
      reporter: new XrPoseReporter(),
      viewHeight: new ViewHeight(),
      standUp: new StandUpWatch(),
      last: { yaw: 0, pitch: 0 },
    }),
    [],
  );
  const comfort = useMemo<Comfort>(() => ({ motion: 0 }), []);
  useEffect(
    () => () => {
      // Back on the desktop, the camera starts behind the way the headset last looked.
      cameraRig.yaw = localPlayer.yaw;
      xrStatus.teleport.aiming = false;
      const room = useConnection.getState().room;
      if (room) state.reporter.end(room);
    },
    [],
  );

  useFrame((three, delta, frame: XRFrame | undefined) => {
    const space = three.gl.xr.getReferenceSpace();
    const viewer = frame && space ? frame.getViewerPose(space) : undefined;
    if (!frame || !space || !viewer || !walkable) return;
    const { origin, placed, head, intent, left, right } = state;
    const teleport = xrStatus.teleport;
    const tracked = viewer.transform.position;
    const o = viewer.transform.orientation;
    forward.set(0, 0, -1).applyQuaternion(orientation.set(o.x, o.y, o.z, o.w));

    // Someone else placed the body (the room's spawn, a refused move, a portal): bring the head there.
    const externallyPlaced = !placed.valid || placed.x !== localPlayer.x || placed.z !== localPlayer.z;
    if (externallyPlaced) {
      if (!placed.valid) origin.yaw = localPlayer.yaw - Math.atan2(forward.x, forward.z);
      placeHead(origin, tracked.x, tracked.z, localPlayer.x, localPlayer.z);
      state.sent.x = localPlayer.x;
      state.sent.z = localPlayer.z;
      state.schedule.reset();
    }
    // Seated, or taller than the avatar can grow: the view (and the tracked space with it) is moved up or down.
    const setting = useHeightSetting.getState();
    // Stood up in seated mode: standing from the next frame (see StandUpWatch for why no prompt).
    if (state.standUp.update(tracked.y, setting, delta)) setting.stoodUp();
    const model = localAvatarDriver.model;
    const avatarEyeY = (model && bodyMeasureOf(model)?.eyeY) || 0;
    origin.y = localPlayer.y + state.viewHeight.update(tracked.y, setting, avatarEyeY, delta);
    xrStatus.height.viewOffset = state.viewHeight.offset;
    xrStatus.height.avatarEyeY = avatarEyeY;
    xrStatus.height.trackedEyeY = tracked.y;

    // The body follows the real head; where a wall stops it, the view is pushed back with it.
    const startX = localPlayer.x;
    const startZ = localPlayer.z;
    trackedToWorld(origin, tracked.x, tracked.z, head);
    followHead(walkable, localPlayer, head.x, head.z);
    const headYaw = trackedYaw(origin, forward.x, forward.z);

    readController(frame.session.inputSources, "left", left);
    readController(frame.session.inputSources, "right", right);
    stickIntent(left.stickX, left.stickY, intent);
    stepMovement(localPlayer, intent, headYaw, delta, walkable);
    placeHead(origin, tracked.x, tracked.z, localPlayer.x, localPlayer.z);
    // Walking speed (real and stick steps; a teleport below is no walk).
    const walked = Math.hypot(localPlayer.x - startX, localPlayer.z - startZ);
    localPlayer.speed += (walked / Math.max(delta, 1e-3) - localPlayer.speed) * Math.min(1, delta * 12);

    // A trigger pulled with a ray on the panel presses its button; it aims only elsewhere.
    const aiming = (right.trigger && xrStatus.panel.pointed === 0) || right.stickY < -AIM_STICK;
    if (aiming) {
      aimTeleport(frame, space, origin, walkable, state.arc, teleport);
    } else if (teleport.aiming) {
      if (teleport.valid) {
        localPlayer.x = teleport.x;
        localPlayer.z = teleport.z;
        placeHead(origin, tracked.x, tracked.z, localPlayer.x, localPlayer.z);
        jumpTrackedBody(localPlayer, 0);
        state.teleported = true;
      }
      teleport.aiming = false;
    }
    const turn = aiming ? 0 : state.snap.update(right.stickX);
    if (turn !== 0) {
      turnAboutHead(origin, tracked.x, tracked.z, turn);
      jumpTrackedBody(localPlayer, turn);
      state.snapped = true;
    }

    const g = group.current;
    if (g) {
      g.position.set(origin.x, origin.y, origin.z);
      g.rotation.set(0, origin.yaw, 0);
    }
    localPlayer.yaw = trackedYaw(origin, forward.x, forward.z);
    localPlayer.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, -Math.asin(Math.max(-1, Math.min(1, forward.y)))));
    placed.x = localPlayer.x;
    placed.z = localPlayer.z;
    placed.valid = true;
    comfort.motion = intent.forward !== 0 || intent.right !== 0 || turn !== 0 ? 1 : 0;

    if (!room) return;
    const now = performance.now();
    sendPose(room, now);
    state.reporter.update(room, frame, space, viewer, origin, localPlayer, state.viewHeight.bodyScale, now);
  }, FRAME_ORDER.simulate);

  function sendPose(room: NonNullable<ReturnType<typeof useConnection.getState>["room"]>, now: number): void {
    const { sent, last, reported } = state;
    if (state.teleported) {
      // One flagged jump: the room lets it over obstacles onto walkable ground in reach (a snap turn in the same frame goes with it).
      state.teleported = false;
      state.snapped = false;
      room.send(ClientMessage.Move, writeLocalPose(state.teleportMessage));
      sent.x = localPlayer.x;
      sent.z = localPlayer.z;
      state.sentAt = now;
      state.schedule.reset();
      return;
    }
    const changed =
      Math.abs(sent.x - localPlayer.x) > 1e-3 ||
      Math.abs(sent.z - localPlayer.z) > 1e-3 ||
      Math.abs(localPlayer.yaw - last.yaw) > 0.005 ||
      Math.abs(localPlayer.pitch - last.pitch) > 0.02;
    const snapped = state.snapped;
    if (snapped) {
      state.snapped = false;
      state.schedule.reset();
    } else if (!state.schedule.update(now, changed)) return;
    const message = snapped ? state.snapMessage : state.message;
    nextReported(sent, localPlayer, now - state.sentAt, reported);
    sent.x = reported.x;
    sent.z = reported.z;
    state.sentAt = now;
    last.yaw = localPlayer.yaw;
    last.pitch = localPlayer.pitch;
    writeLocalPose(message);
    message.x = reported.x;
    message.z = reported.z;
    room.send(ClientMessage.Move, message);
  }

  return (
    <>
      <XROrigin ref={group}>
        <ComfortVignette comfort={comfort} />
        {children}
      </XROrigin>
      <TeleportArcView arc={state.arc} />
      <HeadsetBody tracked={state.reporter.tracked} />
      <ViewHeightProbe />
    </>
  );
}

/** Traces the arc from the right controller's pointing ray and judges where it lands. */
function aimTeleport(
  frame: XRFrame,
  space: XRReferenceSpace,
  origin: XrOrigin,
  walkable: Walkable,
  arc: Arc,
  teleport: (typeof xrStatus)["teleport"],
): void {
  teleport.aiming = true;
  teleport.valid = false;
  arc.count = 0;
  const sources = frame.session.inputSources;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (source.handedness !== "right") continue;
    const pose = frame.getPose(source.targetRaySpace, space);
    if (!pose) return;
    const p = pose.transform.position;
    const q = pose.transform.orientation;
    ray.set(0, 0, -1).applyQuaternion(orientation.set(q.x, q.y, q.z, q.w));
    const c = Math.cos(origin.yaw);
    const s = Math.sin(origin.yaw);
    trackedToWorld(origin, p.x, p.z, hand);
    traceArc(hand.x, origin.y + p.y, hand.z, ray.x * c + ray.z * s, ray.y, -ray.x * s + ray.z * c, localPlayer.y, arc);
    if (!arc.landed) {
      teleport.refusal = "the arc does not reach the ground";
      return;
    }
    teleport.x = arc.x;
    teleport.z = arc.z;
    const refusal = teleportRefusal(walkable, localPlayer.x, localPlayer.z, arc.x, arc.z);
    teleport.valid = refusal === null;
    teleport.refusal = refusal ?? "";
    return;
  }
  teleport.refusal = "no right controller";
}
