import { Vector3, type Object3D } from "three";
import type { VRM } from "@pixiv/three-vrm";

/** A body's proportions at rest, measured once per loaded VRM (metres, feet at 0, body frame: +z forward). */
export interface BodyMeasure {
  /** Hips bone height. */
  hipsY: number;
  /** Knee height: hips this low make the thighs level (a chair's seat). */
  kneeY: number;
  /** Ankle height: where the foot bone stays above the floor. */
  ankleY: number;
  thigh: number;
  /** Eye height standing, and how far in front of the hips the eyes are. */
  eyeY: number;
  eyeForward: number;
}

export type StanceKind = "standing" | "crouching" | "seated";

/** How the body holds itself for a tracked eye height. */
export interface Stance {
  kind: StanceKind;
  /** How far the hips come down from standing (m). */
  hipsDrop: number;
  /** How far in front of the hips the feet stand (m): the thighs come forward as the hips go down. */
  feetForward: number;
}

/** A head this little below the avatar's own eye height is someone shorter, standing: no knee bend for that. */
export const STANDING_TOLERANCE_M = 0.08;
/** The lowest seat: hips at this fraction of the knee height (a low stool, cross-legged cushion). */
const LOWEST_SEAT = 0.55;
/** Hips lowered this far of the way to the knees is sitting; less is a crouch. */
const SEATED_BEND = 0.5;
/** Where the eyes sit without a lookAt offset, above the head bone (m). */
const EYE_ABOVE_HEAD_M = 0.06;

/**
 * The stance for someone whose eyes are `eyeHeight` above their feet, on a body measured `m`:
 * standing when the eyes are near the avatar's own height (or above), else the hips come down
 * so the eyes meet the tracked height, knees bent and feet on the floor, thighs coming forward
 * until level (seated), no lower than a low seat. Writes `out`.
 */
export function chooseStance(m: BodyMeasure, eyeHeight: number, out: Stance): Stance {
  const drop = m.eyeY - eyeHeight;
  if (!(drop > STANDING_TOLERANCE_M)) {
    out.kind = "standing";
    out.hipsDrop = 0;
    out.feetForward = 0;
    return out;
  }
  const toKnees = Math.max(1e-3, m.hipsY - m.kneeY);
  out.hipsDrop = Math.min(drop, m.hipsY - m.kneeY * LOWEST_SEAT);
  const bend = out.hipsDrop / toKnees;
  out.feetForward = m.thigh * Math.min(1, bend);
  out.kind = bend >= SEATED_BEND ? "seated" : "crouching";
  return out;
}

const sum = new Vector3();
const turned = new Vector3();

/**
 * Measures a VRM at rest from its normalised rig (rest rotations are identity there, so a bone's
 * rest place is the sum of its and its ancestors' offsets). Null when it lacks leg or head bones.
 */
export function measureBody(vrm: VRM): BodyMeasure | null {
  const humanoid = vrm.humanoid;
  const rest = humanoid.normalizedRestPose;
  const hips = humanoid.getNormalizedBoneNode("hips");
  const upperLeg = humanoid.getNormalizedBoneNode("leftUpperLeg");
  const lowerLeg = humanoid.getNormalizedBoneNode("leftLowerLeg");
  const foot = humanoid.getNormalizedBoneNode("leftFoot");
  const head = humanoid.getNormalizedBoneNode("head");
  const hipsRest = rest.hips?.position;
  if (!hips || !upperLeg || !lowerLeg || !foot || !head || !hipsRest) return null;
  const hipsY = hipsRest[1];
  const kneeY = hipsY + upperLeg.position.y + lowerLeg.position.y;
  const ankleY = kneeY + foot.position.y;
  // The head's offset from the hips: every bone between them only turns (never moves) when posed.
  offsetFromHips(head, hips, sum);
  const eye = vrm.lookAt?.offsetFromHeadBone;
  sum.x += hipsRest[0] + (eye?.x ?? 0);
  sum.y += hipsY + (eye?.y ?? EYE_ABOVE_HEAD_M);
  sum.z += hipsRest[2] + (eye?.z ?? 0);
  // VRM 0.x scenes stand turned around: their model frame is not the body's.
  turned.copy(sum).applyQuaternion(vrm.scene.quaternion);
  return { hipsY, kneeY, ankleY, thigh: lowerLeg.position.length(), eyeY: turned.y, eyeForward: turned.z };
}

function offsetFromHips(bone: Object3D, hips: Object3D, out: Vector3): Vector3 {
  out.set(0, 0, 0);
  for (let node: Object3D | null = bone; node && node !== hips; node = node.parent) out.add(node.position);
  return out;
}
