import { describe, expect, it } from "vitest";
import { Frustum, Matrix4, PerspectiveCamera, Sphere, Vector3, WebGLCoordinateSystem, WebGPUCoordinateSystem } from "three";
import { ViewPlanes } from "../../../client/avatar/viewPlanes";
import { seededRandom } from "../../../client/world/seededRandom";
import { heapGrowthPerCall } from "./support/heapGrowth";

/** Every bit of each number (so +0 and −0 differ). */
function bits(values: ArrayLike<number>): string[] {
  const view = new DataView(new ArrayBuffer(8));
  return Array.from(values, (n) => {
    view.setFloat64(0, n);
    return view.getBigUint64(0).toString(16);
  });
}

/** A camera somewhere, turned some way: its projection × view matrix (what bodyInView gives the planes). */
function viewProjection(random: () => number): { matrix: Matrix4; camera: PerspectiveCamera } {
  const camera = new PerspectiveCamera(40 + random() * 60, 0.5 + random() * 1.5, 0.05 + random(), 50 + random() * 200);
  camera.position.set(random() * 20 - 10, random() * 3, random() * 20 - 10);
  camera.lookAt(random() * 20 - 10, random() * 3, random() * 20 - 10);
  camera.updateMatrixWorld(true);
  return { camera, matrix: new Matrix4().copy(camera.matrixWorld).invert().premultiply(camera.projectionMatrix) };
}

describe("ViewPlanes", () => {
  it("makes three's frustum planes to the bit, and gives its answer for every sphere", () => {
    const random = seededRandom(11);
    const ours = new ViewPlanes();
    const sphere = new Float64Array(4);
    let inside = 0;
    let outside = 0;
    for (const [coordinateSystem, reversedDepth] of [
      [WebGLCoordinateSystem, false],
      [WebGPUCoordinateSystem, false],
      [WebGPUCoordinateSystem, true],
    ] as const) {
      for (let view = 0; view < 30; view++) {
        const { matrix } = viewProjection(random);
        const theirs = new Frustum().setFromProjectionMatrix(matrix, coordinateSystem, reversedDepth);
        ours.setFromProjectionMatrix(matrix, coordinateSystem, reversedDepth);
        expect(bits(ours.values)).toEqual(bits(theirs.planes.flatMap((plane) => [...plane.normal.toArray(), plane.constant])));
        for (let i = 0; i < 200; i++) {
          const centre = new Vector3(random() * 60 - 30, random() * 6 - 3, random() * 60 - 30);
          const radius = random() * 2;
          sphere.set([centre.x, centre.y, centre.z, radius]);
          const expected = theirs.intersectsSphere(new Sphere(centre, radius));
          expect(ours.intersectsSphere(sphere)).toBe(expected);
          if (expected) inside++;
          else outside++;
        }
      }
    }
    expect(Math.min(inside, outside)).toBeGreaterThan(1000);
  });

  it("says which coordinate system it does not know", () => {
    expect(() => new ViewPlanes().setFromProjectionMatrix(new Matrix4(), 1234 as never, false)).toThrow(/coordinate system 1234/);
  });

  it("allocates nothing", () => {
    const planes = new ViewPlanes();
    const { matrix } = viewProjection(seededRandom(3));
    const sphere = new Float64Array([0, 1, -5, 1.4]);
    let i = 0;
    const bytes = heapGrowthPerCall(() => {
      matrix.elements[12] = Math.sin(i++) * 0.01;
      planes.setFromProjectionMatrix(matrix, WebGLCoordinateSystem, false);
      planes.intersectsSphere(sphere);
    });
    expect(bytes).toBeLessThan(1);
  });
});
