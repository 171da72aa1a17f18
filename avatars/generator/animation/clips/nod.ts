/**
 * A nod: the head dips twice, the second time less, the neck following a little. Added on top
 * of wherever the gaze has turned the head (the client plays head gestures additively), so the
 * companion nods while still looking at you.
 */
import type { ClipDescription } from "../clipDescription";
import { STILL } from "../standing";

export const nod: ClipDescription = {
  name: "nod",
  kind: "gesture",
  keys: [
    { at: 0, pose: { neck: STILL, head: STILL } },
    { at: 0.28, pose: { neck: [6, 0, 0], head: [15, 0, 0] } },
    { at: 0.52, pose: { neck: [0, 0, 0], head: [-2, 0, 0] } },
    { at: 0.78, pose: { neck: [4, 0, 0], head: [11, 0, 0] } },
    { at: 1.2, pose: { neck: STILL, head: STILL } },
  ],
};
