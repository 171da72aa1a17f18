import { afterEach, describe, expect, it, vi } from "vitest";
import { BoxGeometry, Group, Mesh, MeshBasicMaterial, PerspectiveCamera, Scene } from "three";
import { createRayPointer } from "@pmndrs/pointer-events";
import { addPointerTarget, restrictPointersToTargets } from "../../../client/xr/pointerTargets";

/** A scene with a panel straight ahead (listening for pointer events) and a crowd of bodies behind it (not listening). */
function sceneWithPanel() {
  const scene = new Scene();
  const panel = new Group();
  const button = new Mesh(new BoxGeometry(1, 1, 0.1), new MeshBasicMaterial());
  button.position.set(0, 0, -2);
  const entered = vi.fn();
  button.addEventListener("pointerenter", entered);
  panel.add(button);
  const crowd = new Group();
  const bodies: Mesh[] = [];
  for (let i = 0; i < 20; i++) {
    const body = new Mesh(new BoxGeometry(0.5, 1.8, 0.5), new MeshBasicMaterial());
    body.position.set(i - 10, 0, -6);
    bodies.push(body);
    crowd.add(body);
  }
  scene.add(crowd, panel);
  scene.updateMatrixWorld(true);
  return { scene, panel, button, bodies, entered };
}

/** Counts the pointer walk's visits to `object` (it reads each visited object's children). */
function watchVisits(object: Mesh) {
  const children = object.children;
  return vi.spyOn(object, "children", "get").mockReturnValue(children);
}

/** A controller ray at the origin pointing down −Z, as the XR store moves it each frame. */
function controllerRay() {
  const camera = new PerspectiveCamera();
  const space = new Group();
  return createRayPointer(() => camera, { current: space }, {});
}

let undo: (() => void)[] = [];
afterEach(() => {
  for (const u of undo) u();
  undo = [];
});

describe("headset pointers", () => {
  it("walk every object of the scene each frame unless restricted", () => {
    const { scene, bodies } = sceneWithPanel();
    const raycasts = bodies.map((body) => vi.spyOn(body, "raycast"));
    const ray = controllerRay();
    // Objects without listeners are visited but not ray-cast: the walk itself is the cost.
    const visited = watchVisits(bodies[0]!);
    ray.move(scene, { timeStamp: 1 });
    expect(visited).toHaveBeenCalled();
    expect(raycasts.every((r) => r.mock.calls.length === 0)).toBe(true);
  });

  it("test only the pointer targets while restricted, and the panel still gets its pointer events", () => {
    const { scene, panel, bodies, entered } = sceneWithPanel();
    undo.push(addPointerTarget(panel), restrictPointersToTargets(scene));
    const visited = bodies.map(watchVisits);
    const ray = controllerRay();
    ray.move(scene, { timeStamp: 1 });
    ray.commit({ timeStamp: 1 }, false);
    expect(visited.every((v) => v.mock.calls.length === 0)).toBe(true);
    expect(ray.getIntersection()?.object.parent).toBe(panel);
    expect(entered).toHaveBeenCalledTimes(1);
  });

  it("walk the whole scene again once the session's restriction is undone", () => {
    const { scene, panel, bodies } = sceneWithPanel();
    undo.push(addPointerTarget(panel));
    restrictPointersToTargets(scene)();
    expect(scene.interactableDescendants).toBeUndefined();
    const visited = watchVisits(bodies[3]!);
    controllerRay().move(scene, { timeStamp: 1 });
    expect(visited).toHaveBeenCalled();
  });

  it("stop hitting a target once it is removed", () => {
    const { scene, panel, entered } = sceneWithPanel();
    const remove = addPointerTarget(panel);
    undo.push(restrictPointersToTargets(scene));
    remove();
    const ray = controllerRay();
    ray.move(scene, { timeStamp: 1 });
    ray.commit({ timeStamp: 1 }, false);
    expect(entered).not.toHaveBeenCalled();
  });
});
