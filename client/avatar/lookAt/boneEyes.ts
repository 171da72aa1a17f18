import { Euler, MathUtils, Quaternion, type Object3D, type Vector3 } from "three";
import type { VRMLookAtBoneApplier } from "@pixiv/three-vrm";
import type { EyeAngles, Eyes } from "./eyes";
import { RangeMapping } from "./rangeMap";

/** What VRMLookAtBoneApplier keeps to itself (private there). */
interface BoneApplierInternals {
  _restQuatLeftEye: Quaternion;
  _restQuatRightEye: Quaternion;
  _restLeftEyeParentWorldQuat: Quaternion;
  _restRightEyeParentWorldQuat: Quaternion;
}

/** An Euler's fields, written without its setters (whose arguments would be boxed). */
interface EulerFields {
  _x: number;
  _y: number;
  _z: number;
}

const eyeTurn = new Euler(0, 0, 0, "YXZ");
const faceTurn = new Euler(0, 0, 0, "YZX");
const turn = new Quaternion();
const face = new Quaternion();
const faceInverse = new Quaternion();
const parentInverse = new Quaternion();
const normalized = new Quaternion();
const raw = new Quaternion();

/**
 * `VRMLookAtBoneApplier.applyYawPitch` of three-vrm 3.5 without its garbage: the same
 * quaternion operations in the same order, so each eye bone gets the same rotation to the bit.
 * three-vrm builds an array per eye for the face direction's angles (every VRM 0.x model, whose
 * face looks down −Z) and boxes the numbers between its calls; here the face's turn is computed
 * once per call, and each bone's quaternion is written once, with the result.
 */
export class BoneEyes implements Eyes {
  private readonly mapping = new RangeMapping();

  constructor(readonly source: VRMLookAtBoneApplier) {}

  apply(angles: EyeAngles): void {
    const applier = this.source;
    const internals = applier as unknown as BoneApplierInternals;
    const humanoid = applier.humanoid;
    const leftEye = humanoid.getRawBoneNode("leftEye");
    const rightEye = humanoid.getRawBoneNode("rightEye");
    if (!leftEye && !rightEye) return;
    const yaw = angles._yaw;
    const pitch = angles._pitch;
    const mapping = this.mapping;
    faceFrontTurn(applier.faceFront);
    const turned = eyeTurn as unknown as EulerFields;
    // Pitch maps the same for both eyes; yaw turns one eye inward and the other outward.
    mapping.src = pitch < 0 ? -pitch : pitch;
    mapping.map(pitch < 0 ? applier.rangeMapVerticalDown : applier.rangeMapVerticalUp);
    turned._x = pitch < 0 ? -MathUtils.DEG2RAD * mapping.out : MathUtils.DEG2RAD * mapping.out;
    mapping.src = yaw < 0 ? -yaw : yaw;
    if (leftEye) {
      mapping.map(yaw < 0 ? applier.rangeMapHorizontalInner : applier.rangeMapHorizontalOuter);
      turned._y = yaw < 0 ? -MathUtils.DEG2RAD * mapping.out : MathUtils.DEG2RAD * mapping.out;
      turnEye(leftEye, humanoid.getNormalizedBoneNode("leftEye")!, internals._restLeftEyeParentWorldQuat, internals._restQuatLeftEye);
    }
    if (rightEye) {
      mapping.map(yaw < 0 ? applier.rangeMapHorizontalOuter : applier.rangeMapHorizontalInner);
      turned._y = yaw < 0 ? -MathUtils.DEG2RAD * mapping.out : MathUtils.DEG2RAD * mapping.out;
      turnEye(rightEye, humanoid.getNormalizedBoneNode("rightEye")!, internals._restRightEyeParentWorldQuat, internals._restQuatRightEye);
    }
  }
}

/** Into `face`/`faceInverse`: the turn from world +Z to `faceFront` (three-vrm's `_getWorldFaceFrontQuat`). */
function faceFrontTurn(faceFront: Vector3): void {
  const x = faceFront.x;
  const y = faceFront.y;
  const dz = faceFront.z - 1;
  if (x * x + y * y + dz * dz < 0.01) {
    face.identity();
  } else {
    const fields = faceTurn as unknown as EulerFields;
    fields._x = 0;
    fields._y = 0.5 * Math.PI + Math.atan2(-faceFront.z, x);
    fields._z = Math.atan2(y, Math.sqrt(x * x + faceFront.z * faceFront.z));
    face.setFromEuler(faceTurn);
  }
  faceInverse.copy(face).invert();
}

/** The eye's turn (`eyeTurn`) seen from the face, onto the normalized bone, then carried to the raw bone's rest frame. */
function turnEye(rawEye: Object3D, normalizedEye: Object3D, restParentWorld: Quaternion, restLocal: Quaternion): void {
  turn.setFromEuler(eyeTurn);
  normalized.copy(face).multiply(turn).multiply(faceInverse);
  normalizedEye.quaternion.copy(normalized);
  parentInverse.copy(restParentWorld).invert();
  raw.copy(normalized).multiply(restParentWorld).premultiply(parentInverse).multiply(restLocal);
  rawEye.quaternion.copy(raw);
}
