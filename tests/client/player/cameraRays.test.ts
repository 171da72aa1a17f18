import { afterEach, describe, expect, it } from "vitest";
import { BoxGeometry, Mesh, MeshBasicMaterial, Vector3 } from "three";
import { nearestObstruction } from "../../../client/player/cameraRays";
import { registerSolid } from "../../../client/world/solidObjects";

const pivot = new Vector3(0, 1.5, 0);
/** Backwards from the head, level. */
const back = new Vector3(0, 0, 1);

/** A 1 m wall across the line behind the head, its near face `distance` metres away. */
function wallBehind(distance: number): Mesh {
  const wall = new Mesh(new BoxGeometry(4, 4, 1), new MeshBasicMaterial());
  wall.position.set(0, 1.5, distance + 0.5);
  wall.updateMatrixWorld(true);
  return wall;
}

const unregister: Array<() => void> = [];
afterEach(() => {
  while (unregister.length) unregister.pop()!();
});

describe("nearestObstruction", () => {
  it("finds the near face of a solid behind the head", () => {
    unregister.push(registerSolid(wallBehind(2)));
    expect(nearestObstruction(pivot, back, 5)).toBeCloseTo(2);
  });

  it("is null when nothing solid is within reach", () => {
    unregister.push(registerSolid(wallBehind(8)));
    expect(nearestObstruction(pivot, back, 5)).toBeNull();
  });

  it("answers again when a solid appears, even for the same camera", () => {
    expect(nearestObstruction(pivot, back, 5)).toBeNull();
    unregister.push(registerSolid(wallBehind(3)));
    expect(nearestObstruction(pivot, back, 5)).toBeCloseTo(3);
    unregister.pop()!();
    expect(nearestObstruction(pivot, back, 5)).toBeNull();
  });

  it("sees a low wall under the sight line with the lower probe", () => {
    const low = new Mesh(new BoxGeometry(4, 0.5, 1), new MeshBasicMaterial());
    low.position.set(0, 1.0, 2.5);
    low.updateMatrixWorld(true);
    unregister.push(registerSolid(low));
    expect(nearestObstruction(pivot, back, 5)).toBeCloseTo(2);
  });
});
