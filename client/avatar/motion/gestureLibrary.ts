import type { ActionName } from "../../../shared/persona";
import type { PosedBone } from "./bodyPose";

type Euler3 = readonly [number, number, number];

/**
 * A gesture as keyframes: for each bone an XYZ Euler per key time (VRM 1.0 normalised frame, as
 * in {@link BodyPose}). Additive gestures turn on top of the current pose; the others replace it.
 * These keys play when the avatar has no VRMA clip for the gesture; `additive` holds for the
 * clip too (GesturePlayer), so a nod from a clip still nods wherever the gaze turned the head.
 */
export interface ProceduralGesture {
  duration: number;
  additive: boolean;
  times: readonly number[];
  bones: Partial<Record<PosedBone, readonly Euler3[]>>;
}

const WAVE_ARM: Euler3 = [-0.25, 0, 0.1];
const forearm = (z: number): Euler3 => [0, 0, z];

/** Pointing is aimed at its target each frame (see GesturePlayer), so it has no keys here. */
export const POINT_DURATION_S = 2.4;

export const PROCEDURAL_GESTURES: Record<Exclude<ActionName, "point">, ProceduralGesture> = {
  // Right arm out to the side, forearm up, waving from the elbow three times.
  wave: {
    duration: 2.4,
    additive: false,
    times: [0, 0.4, 0.7, 1.0, 1.3, 1.6, 1.9, 2.4],
    bones: {
      rightUpperArm: [WAVE_ARM, WAVE_ARM, WAVE_ARM, WAVE_ARM, WAVE_ARM, WAVE_ARM, WAVE_ARM, WAVE_ARM],
      rightLowerArm: [forearm(-1.5), forearm(-1.9), forearm(-1.2), forearm(-1.9), forearm(-1.2), forearm(-1.9), forearm(-1.5), forearm(-1.5)],
      rightHand: [[0, 0, 0], [0, 0, -0.15], [0, 0, 0.15], [0, 0, -0.15], [0, 0, 0.15], [0, 0, -0.15], [0, 0, 0], [0, 0, 0]],
    },
  },
  nod: {
    duration: 1.1,
    additive: true,
    times: [0, 0.25, 0.5, 0.75, 1.1],
    bones: {
      head: [[0, 0, 0], [0.26, 0, 0], [0.02, 0, 0], [0.2, 0, 0], [0, 0, 0]],
      neck: [[0, 0, 0], [0.1, 0, 0], [0, 0, 0], [0.08, 0, 0], [0, 0, 0]],
    },
  },
  shake: {
    duration: 1.3,
    additive: true,
    times: [0, 0.22, 0.5, 0.78, 1.02, 1.3],
    bones: {
      head: [[0, 0, 0], [0, 0.32, 0], [0, -0.32, 0], [0, 0.26, 0], [0, -0.18, 0], [0, 0, 0]],
      neck: [[0, 0, 0], [0, 0.1, 0], [0, -0.1, 0], [0, 0.08, 0], [0, -0.05, 0], [0, 0, 0]],
    },
  },
};
