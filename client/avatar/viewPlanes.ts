import { WebGLCoordinateSystem, WebGPUCoordinateSystem, type CoordinateSystem, type Matrix4 } from "three";

/**
 * A view frustum's six planes as plain numbers (normal x, y, z and constant each, normalised):
 * three's `Frustum.setFromProjectionMatrix` and `intersectsSphere`, the same arithmetic in the
 * same order, so the planes and every answer are the same to the bit. three's pass each plane's
 * four numbers and lengths through calls (`setComponents`, `length`, `multiplyScalar`,
 * `distanceToPoint`), each boxed on the heap when not inlined; here the sphere, too, is read
 * from an array, so asking costs no garbage however the optimiser compiles the caller.
 */
export class ViewPlanes {
  private readonly planes = new Float64Array(24);

  /** From a projection (× view) matrix, as `Frustum.setFromProjectionMatrix(m, coordinateSystem, reversedDepth)`. */
  setFromProjectionMatrix(m: Matrix4, coordinateSystem: CoordinateSystem, reversedDepth: boolean): void {
    const p = this.planes;
    const me = m.elements;
    const me0 = me[0]!, me1 = me[1]!, me2 = me[2]!, me3 = me[3]!;
    const me4 = me[4]!, me5 = me[5]!, me6 = me[6]!, me7 = me[7]!;
    const me8 = me[8]!, me9 = me[9]!, me10 = me[10]!, me11 = me[11]!;
    const me12 = me[12]!, me13 = me[13]!, me14 = me[14]!, me15 = me[15]!;
    p[0] = me3 - me0; p[1] = me7 - me4; p[2] = me11 - me8; p[3] = me15 - me12;
    p[4] = me3 + me0; p[5] = me7 + me4; p[6] = me11 + me8; p[7] = me15 + me12;
    p[8] = me3 + me1; p[9] = me7 + me5; p[10] = me11 + me9; p[11] = me15 + me13;
    p[12] = me3 - me1; p[13] = me7 - me5; p[14] = me11 - me9; p[15] = me15 - me13;
    if (reversedDepth) {
      p[16] = me2; p[17] = me6; p[18] = me10; p[19] = me14;
      p[20] = me3 - me2; p[21] = me7 - me6; p[22] = me11 - me10; p[23] = me15 - me14;
    } else {
      p[16] = me3 - me2; p[17] = me7 - me6; p[18] = me11 - me10; p[19] = me15 - me14;
      if (coordinateSystem === WebGLCoordinateSystem) {
        p[20] = me3 + me2; p[21] = me7 + me6; p[22] = me11 + me10; p[23] = me15 + me14;
      } else if (coordinateSystem === WebGPUCoordinateSystem) {
        p[20] = me2; p[21] = me6; p[22] = me10; p[23] = me14;
      } else {
        throw new Error(`view planes: unknown coordinate system ${String(coordinateSystem)}`);
      }
    }
    for (let at = 0; at < 24; at += 4) {
      // Plane.normalize: 1 / Vector3.length(), then the normal and the constant scaled by it.
      const inverseNormalLength = 1.0 / Math.sqrt(p[at]! * p[at]! + p[at + 1]! * p[at + 1]! + p[at + 2]! * p[at + 2]!);
      p[at] = p[at]! * inverseNormalLength;
      p[at + 1] = p[at + 1]! * inverseNormalLength;
      p[at + 2] = p[at + 2]! * inverseNormalLength;
      p[at + 3] = p[at + 3]! * inverseNormalLength;
    }
  }

  /** `Frustum.intersectsSphere` for the sphere `[centre x, y, z, radius]`. */
  intersectsSphere(sphere: Float64Array): boolean {
    const p = this.planes;
    const x = sphere[0]!;
    const y = sphere[1]!;
    const z = sphere[2]!;
    const negRadius = -sphere[3]!;
    for (let at = 0; at < 24; at += 4) {
      if (p[at]! * x + p[at + 1]! * y + p[at + 2]! * z + p[at + 3]! < negRadius) return false;
    }
    return true;
  }

  /** The planes, normal x, y, z and constant each, in three's order (right, left, bottom, top, far, near). */
  get values(): Readonly<Float64Array> {
    return this.planes;
  }
}
