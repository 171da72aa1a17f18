import { useEffect } from "react";
import { useThree } from "@react-three/fiber";
import { DirectionalLight, type Light } from "three";
import { avatarLod } from "../people";
import { useWorld } from "../world";
import { usePointersOnTargetsOnly } from "./pointerTargets";
import { xrStatus } from "./xrStatus";

/**
 * In a headset, avatars count as this many times farther away for their level of detail: hair
 * and cloth springs and eye gaze stop at half the desktop's distance, the 10 Hz update starts
 * at half of it too.
 */
export const XR_LOD_DISTANCE_SCALE = 2;

/**
 * The headset's frame budget (72–90 Hz, two eyes): no sun shadow map (its pass redraws every
 * caster, and avatars are most of the draw calls), nearer avatar detail thresholds, and pointers
 * that test only what listens to them (the panel) instead of walking the scene. Fixed foveation
 * is set on the XR store. All restored when the session ends.
 */
export function XrFrameBudget() {
  const scene = useThree((s) => s.scene);
  usePointersOnTargetsOnly();
  // A new world brings new lights.
  const assetsReadyFor = useWorld((s) => s.assetsReadyFor);

  useEffect(() => {
    const silenced: Light[] = [];
    scene.traverse((object) => {
      if (object instanceof DirectionalLight && object.castShadow) {
        object.castShadow = false;
        silenced.push(object);
      }
    });
    xrStatus.shadowsOff = true;
    return () => {
      for (const light of silenced) light.castShadow = true;
      xrStatus.shadowsOff = false;
    };
  }, [scene, assetsReadyFor]);

  useEffect(() => {
    avatarLod.distanceScale = XR_LOD_DISTANCE_SCALE;
    return () => {
      avatarLod.distanceScale = 1;
    };
  }, []);
  return null;
}
