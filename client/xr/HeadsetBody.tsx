import { useEffect, useMemo } from "react";
import { useFrame } from "@react-three/fiber";
import type { VRM } from "@pixiv/three-vrm";
import type { Camera } from "three";
import { FRAME_ORDER } from "../frame/order";
import { applyTrackedPose, bodyMeasureOf, endTrackedPose, trackedBodyScale, wearBody, type TrackedPose } from "../people";
import { localAvatarDriver, localPlayer } from "../player";
import { partsSeen, seeFromInside, seeFromOutside, splitForFirstPerson } from "./firstPersonView";
import { xrStatus } from "./xrStatus";

/**
 * One's own body, seen from inside in the headset: the head (and whatever the VRM's first-person
 * annotations keep from the eyes) is not drawn, the body and arms are. The body stands under the
 * headset with its eyes where the real eyes are, keeps its own facing while the head turns
 * (BodyFacing), reaches for the controllers and sits down when its wearer does, posed from `tracked` (the headset's own pose, every frame) after the avatar's
 * animation. Outside the session the camera sees heads again.
 */
export function HeadsetBody({ tracked }: { tracked: TrackedPose }) {
  const state = useMemo(() => ({ vrm: null as VRM | null, camera: null as Camera | null }), []);

  useEffect(() => {
    wearBody(localPlayer, true);
    return () => {
      wearBody(localPlayer, false);
      if (state.camera) {
        seeFromOutside(state.camera);
        if (state.vrm) {
          xrStatus.ownBody.drawn = partsSeen(state.vrm, state.camera);
          xrStatus.ownBody.hidden = partsSeen(state.vrm, state.camera, false);
        }
      }
      state.camera = null;
      state.vrm = null;
      xrStatus.ownBody.firstPerson = false;
      xrStatus.ownBody.stance = "";
      endTrackedPose(localPlayer);
    };
  }, []);

  useFrame(({ camera }, delta) => {
    const vrm = localAvatarDriver.model;
    const root = vrm?.scene.parent;
    if (!vrm || !root || tracked.headHeight <= 0) return;
    if (vrm !== state.vrm || camera !== state.camera) {
      // The headset's eyes take the main camera's layers every frame (three's WebXRManager).
      if (state.camera && state.camera !== camera) seeFromOutside(state.camera);
      seeFromInside(camera);
      splitForFirstPerson(vrm);
      state.vrm = vrm;
      state.camera = camera;
      xrStatus.ownBody.firstPerson = true;
      xrStatus.ownBody.drawn = partsSeen(vrm, camera);
      xrStatus.ownBody.hidden = partsSeen(vrm, camera, false);
    }
    // Eyes over eyes: the feet stand back from the head's place by the avatar's eyes' lead over its hips.
    const back = (bodyMeasureOf(vrm)?.eyeForward ?? 0) * trackedBodyScale(localPlayer);
    root.position.x -= Math.sin(localPlayer.yaw) * back;
    root.position.z -= Math.cos(localPlayer.yaw) * back;
    xrStatus.ownBody.stance = applyTrackedPose(vrm, localPlayer, tracked, delta).kind;
  }, FRAME_ORDER.afterAvatars);

  return null;
}
