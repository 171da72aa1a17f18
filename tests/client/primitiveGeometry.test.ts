import { describe, expect, it } from "vitest";
import { Box3, Mesh, MeshBasicMaterial } from "three";
import { PrimitiveProp, propFootprint } from "../../shared/world";
import { primitiveGeometry } from "../../client/world/primitiveGeometry";

/** The ground-plane extent of a prop as drawn, to compare with the footprint that blocks walking. */
function drawnExtent(input: unknown) {
  const prop = PrimitiveProp.parse(input);
  const mesh = new Mesh(primitiveGeometry(prop.shape, prop.size), new MeshBasicMaterial());
  mesh.scale.set(...prop.scale);
  mesh.updateMatrixWorld();
  const box = new Box3().setFromObject(mesh);
  return { prop, width: box.max.x - box.min.x, height: box.max.y - box.min.y, depth: box.max.z - box.min.z };
}

const material = { color: "#ffffff" };

describe("primitiveGeometry", () => {
  it("draws a box as big as its footprint", () => {
    const { prop, width, height, depth } = drawnExtent({ shape: "box", position: [0, 1, 0], size: [2, 3, 4], material });
    const footprint = propFootprint(prop);
    expect(footprint.type).toBe("box");
    if (footprint.type !== "box") return;
    expect(width).toBeCloseTo(footprint.size[0]);
    expect(depth).toBeCloseTo(footprint.size[1]);
    expect(height).toBeCloseTo(3);
  });

  it("lays a plane flat on the ground, w along X and d along Z", () => {
    const { width, height, depth } = drawnExtent({ shape: "plane", position: [0, 0.01, 0], size: [3, 5], material });
    expect(width).toBeCloseTo(3);
    expect(depth).toBeCloseTo(5);
    expect(height).toBeCloseTo(0);
  });

  it("gives cylinders and cones the footprint's radius and the given height", () => {
    for (const shape of ["cylinder", "cone"] as const) {
      const { prop, width, height } = drawnExtent({ shape, position: [0, 1, 0], size: [0.5, 1.5, 2], material });
      const footprint = propFootprint(prop);
      if (footprint.type !== "circle") throw new Error("expected a circle footprint");
      expect(width).toBeCloseTo(footprint.radius * 2, 1);
      expect(height).toBeCloseTo(2);
    }
  });

  it("makes a capsule length + 2 radii tall", () => {
    const { height, width } = drawnExtent({ shape: "capsule", position: [0, 1, 0], size: [0.4, 1], material });
    expect(height).toBeCloseTo(1.8);
    expect(width).toBeCloseTo(0.8, 1);
  });

  it("stands a torus upright in the XY plane with radius + tube as its reach", () => {
    const { width, depth } = drawnExtent({ shape: "torus", position: [0, 1, 0], size: [2, 0.25], material });
    expect(width).toBeCloseTo(4.5, 1);
    expect(depth).toBeCloseTo(0.5, 1);
  });

  it("scales with the prop's scale like the footprint does", () => {
    const { prop, width } = drawnExtent({ shape: "sphere", position: [0, 1, 0], size: [1], scale: [2, 1, 2], material });
    const footprint = propFootprint(prop);
    if (footprint.type !== "circle") throw new Error("expected a circle footprint");
    expect(width).toBeCloseTo(footprint.radius * 2, 1);
  });
});
