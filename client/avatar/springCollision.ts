import { Matrix3, Vector3 } from "three";
import type { VRMSpringBoneCollider } from "@pixiv/three-vrm";

/**
 * three-vrm's collider shapes' `calculateCollision`, with the same arithmetic in the same order
 * (so the same results to the last bit), passing numbers through these arrays instead of
 * arguments and a return value: a number handed across a call the optimiser does not inline is
 * boxed on the heap, and a spring step tests every joint against every collider of its groups.
 * Put the joint's tail (world space) and hit radius in {@link collisionQuery}; {@link collideTail}
 * leaves in {@link collisionHit} the signed distance (negative: inside) and the unit direction to
 * push the tail along.
 */
/** [x, y, z, hit radius]. */
export const collisionQuery = new Float64Array(4);
/** [distance, x, y, z]. */
export const collisionHit = new Float64Array(4);

interface SphereShape {
  readonly type: "sphere";
  radius: number;
  inside?: boolean;
}

interface CapsuleShape {
  readonly type: "capsule";
  offset: Vector3;
  tail: Vector3;
  radius: number;
  inside?: boolean;
}

interface PlaneShape {
  readonly type: "plane";
  normal: Vector3;
}

type KnownShape = SphereShape | CapsuleShape | PlaneShape;

const normalMatrix = new Matrix3();
const planeNormal = new Vector3();
const otherTail = new Vector3();
const otherPush = new Vector3();

/** Tests the tail in {@link collisionQuery} against one collider. */
export function collideTail(collider: VRMSpringBoneCollider): void {
  const shape = collider.shape as unknown as KnownShape;
  const m = collider.colliderMatrix.elements;
  const query = collisionQuery;
  const hit = collisionHit;
  const objectRadius = query[3]!;
  if (shape.type === "plane") {
    normalMatrix.getNormalMatrix(collider.colliderMatrix);
    const n = planeNormal.copy(shape.normal).applyNormalMatrix(normalMatrix).normalize();
    // three-vrm negates the plane's point and adds the tail.
    const px = -m[12]! + query[0]!;
    const py = -m[13]! + query[1]!;
    const pz = -m[14]! + query[2]!;
    hit[0] = px * n.x + py * n.y + pz * n.z - objectRadius;
    hit[1] = n.x;
    hit[2] = n.y;
    hit[3] = n.z;
    return;
  }
  // The tail relative to the collider's centre (a capsule's head).
  let x = query[0]! - m[12]!;
  let y = query[1]! - m[13]!;
  let z = query[2]! - m[14]!;
  if (shape.type === "capsule") {
    // The capsule's axis, from its head to its tail, in world space.
    const tx = shape.tail.x - shape.offset.x;
    const ty = shape.tail.y - shape.offset.y;
    const tz = shape.tail.z - shape.offset.z;
    const w = 1 / (m[3]! * tx + m[7]! * ty + m[11]! * tz + m[15]!);
    let ax = (m[0]! * tx + m[4]! * ty + m[8]! * tz + m[12]!) * w;
    let ay = (m[1]! * tx + m[5]! * ty + m[9]! * tz + m[13]!) * w;
    let az = (m[2]! * tx + m[6]! * ty + m[10]! * tz + m[14]!) * w;
    ax -= m[12]!;
    ay -= m[13]!;
    az -= m[14]!;
    const lengthSq = ax * ax + ay * ay + az * az;
    const dot = ax * x + ay * y + az * z;
    if (dot <= 0) {
      // Nearest to the capsule's head.
    } else if (lengthSq <= dot) {
      x -= ax;
      y -= ay;
      z -= az;
    } else {
      const along = dot / lengthSq;
      x -= ax * along;
      y -= ay * along;
      z -= az * along;
    }
  } else if (shape.type !== "sphere") {
    collideOtherShape(collider, objectRadius);
    return;
  }
  const length = Math.sqrt(x * x + y * y + z * z);
  const distance = shape.inside ? shape.radius - objectRadius - length : length - objectRadius - shape.radius;
  if (distance < 0) {
    const s = 1 / length;
    x *= s;
    y *= s;
    z *= s;
    if (shape.inside) {
      x = -x;
      y = -y;
      z = -z;
    }
  }
  hit[0] = distance;
  hit[1] = x;
  hit[2] = y;
  hit[3] = z;
}

/** A shape this file does not know (a later three-vrm's): its own method, garbage and all. */
function collideOtherShape(collider: VRMSpringBoneCollider, objectRadius: number): void {
  otherTail.fromArray(collisionQuery);
  collisionHit[0] = collider.shape.calculateCollision(collider.colliderMatrix, otherTail, objectRadius, otherPush);
  collisionHit[1] = otherPush.x;
  collisionHit[2] = otherPush.y;
  collisionHit[3] = otherPush.z;
}
