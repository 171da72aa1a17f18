import { describe, expect, it } from "vitest";
import { Frustum, Group, Matrix4, PerspectiveCamera, Sphere, Vector3, type SkinnedMesh } from "three";
import type { VRMHumanBoneName } from "@pixiv/three-vrm";
import { bodyInView } from "../../../client/avatar/inView";
import { heapGrowthPerCall } from "./support/heapGrowth";
import { drivenPreset } from "./support/presetAvatar";

function cameraAtEyeLookingNorth(): PerspectiveCamera {
  const camera = new PerspectiveCamera(60, 16 / 9, 0.1, 200);
  camera.position.set(0, 1.6, 0);
  camera.lookAt(0, 1.6, -10);
  return camera;
}

describe("bodyInView", () => {
  const camera = cameraAtEyeLookingNorth();
  it("sees a body ahead, even one whose arm alone reaches into the picture", () => {
    expect(bodyInView(camera, 0, 0, -5)).toBe(true);
    // Centre 0.2 m outside the left edge of the view at 5 m: its near side is inside.
    const halfWidth = Math.tan((30 * Math.PI) / 180) * (16 / 9) * 5;
    expect(bodyInView(camera, -(halfWidth + 0.2), 0, -5)).toBe(true);
  });
  it("does not see bodies behind the camera or far to the side", () => {
    expect(bodyInView(camera, 0, 0, 5)).toBe(false);
    expect(bodyInView(camera, -30, 0, -2)).toBe(false);
  });
  it("follows a camera that turned since it was last drawn", () => {
    const turned = cameraAtEyeLookingNorth();
    turned.updateMatrixWorld();
    turned.lookAt(0, 1.6, 10);
    expect(bodyInView(turned, 0, 0, 5)).toBe(true);
  });
  it("follows a camera moved or turned between asks, by its own transform or its parent's", () => {
    const rig = new Group();
    const headset = cameraAtEyeLookingNorth();
    rig.add(headset);
    expect(bodyInView(headset, 0, 0, -5)).toBe(true);
    headset.position.z = -10;
    expect(bodyInView(headset, 0, 0, -5)).toBe(false);
    headset.position.z = 0;
    expect(bodyInView(headset, 0, 0, -5)).toBe(true);
    rig.rotation.y = Math.PI;
    expect(bodyInView(headset, 0, 0, -5)).toBe(false);
    expect(bodyInView(headset, 0, 0, 5)).toBe(true);
    rig.removeFromParent();
    const outer = new Group();
    outer.add(rig);
    outer.position.z = 20;
    expect(bodyInView(headset, 0, 0, 5)).toBe(false);
    expect(bodyInView(headset, 0, 0, 25)).toBe(true);
  });
  it("follows a camera placed by its matrix alone (as a headset's pose is) and a changed projection", () => {
    const headset = cameraAtEyeLookingNorth();
    headset.matrixAutoUpdate = false;
    headset.updateMatrixWorld(true);
    expect(bodyInView(headset, 0, 0, -5)).toBe(true);
    headset.matrix.makeRotationY(Math.PI).setPosition(0, 1.6, 0);
    headset.matrixWorldNeedsUpdate = true;
    expect(bodyInView(headset, 0, 0, -5)).toBe(false);
    expect(bodyInView(headset, 0, 0, 5)).toBe(true);
    headset.matrixWorld.makeTranslation(0, 1.6, 0);
    headset.matrixWorldAutoUpdate = false;
    expect(bodyInView(headset, 0, 0, -5)).toBe(true);
    const wide = new PerspectiveCamera(60, 16 / 9, 0.1, 200);
    wide.position.set(0, 1.6, 0);
    expect(bodyInView(wide, 10, 0, -5)).toBe(false);
    wide.fov = 170;
    wide.updateProjectionMatrix();
    expect(bodyInView(wide, 10, 0, -5)).toBe(true);
  });
  it("brings the camera's matrices up to date once, not once per body, while the camera stands still", () => {
    const still = cameraAtEyeLookingNorth();
    let updates = 0;
    const update = still.updateWorldMatrix.bind(still);
    still.updateWorldMatrix = (...args) => {
      updates++;
      update(...args);
    };
    for (let i = 0; i < 20; i++) bodyInView(still, i - 10, 0, -5);
    expect(updates).toBe(1);
    still.position.x = 0.5;
    for (let i = 0; i < 20; i++) bodyInView(still, i - 10, 0, -5);
    expect(updates).toBe(2);
  });
  it("allocates nothing per ask, and for a moving camera nothing beyond three's own update of it", () => {
    const still = cameraAtEyeLookingNorth();
    let i = 0;
    const bytes = heapGrowthPerCall(() => {
      bodyInView(still, (i++ % 20) - 10, 0, -5);
    });
    expect(bytes).toBeLessThan(1);
    const rig = new Group();
    const moving = cameraAtEyeLookingNorth();
    rig.add(moving);
    let frame = 0;
    const perFrame = heapGrowthPerCall(() => {
      moving.position.x = Math.sin(frame++ * 0.01);
      for (let body = 0; body < 20; body++) bodyInView(moving, body - 10, 0, -5);
    });
    // What three's camera update (decompose and invert, which the renderer runs each frame anyway) costs alone.
    const threeAlone = heapGrowthPerCall(() => {
      moving.position.x = Math.sin(frame++ * 0.01);
      moving.updateWorldMatrix(true, false);
    });
    expect(perFrame).toBeLessThan(threeAlone + 1);
  });
});

describe("avatar culling bounds", () => {
  it("hold every bone of a walking, waving, pointing body, so the renderer never culls what it should draw", async () => {
    const a = await drivenPreset("wren");
    const skinned: SkinnedMesh[] = [];
    a.vrm.scene.traverse((o) => {
      if ((o as SkinnedMesh).isSkinnedMesh) skinned.push(o as SkinnedMesh);
    });
    expect(skinned.length).toBeGreaterThan(3);
    const bones: VRMHumanBoneName[] = ["head", "leftHand", "rightHand", "leftFoot", "rightFoot", "leftIndexDistal"];
    const sphere = new Sphere();
    const at = new Vector3();
    let checked = 0;
    const check = () => {
      a.root.updateMatrixWorld(true);
      for (const mesh of skinned) {
        expect(mesh.frustumCulled).toBe(true);
        sphere.copy(mesh.boundingSphere!).applyMatrix4(mesh.matrixWorld);
        for (const bone of bones) {
          const node = a.vrm.humanoid.getRawBoneNode(bone);
          if (!node) continue;
          expect(sphere.containsPoint(node.getWorldPosition(at)), `${bone} inside ${mesh.name}'s bounds`).toBe(true);
          checked++;
        }
      }
    };
    a.pose.x = 4;
    a.pose.speed = 1.4;
    a.run(1, check);
    a.pose.speed = 0;
    a.driver.playGesture("wave");
    a.run(1.5, check);
    a.driver.playGesture("point", { x: 4, y: 3, z: 2 });
    a.run(1.5, check);
    expect(checked).toBeGreaterThan(1000);
  });

  it("let the renderer cull a body behind the camera and draw one ahead", async () => {
    const camera = cameraAtEyeLookingNorth();
    camera.updateMatrixWorld();
    const frustum = new Frustum().setFromProjectionMatrix(new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
    const a = await drivenPreset();
    const visible = () => {
      a.root.updateMatrixWorld(true);
      let drawn = 0;
      a.vrm.scene.traverse((o) => {
        if ((o as SkinnedMesh).isMesh && frustum.intersectsObject(o as SkinnedMesh)) drawn++;
      });
      return drawn;
    };
    a.root.position.set(0, 0, -6);
    expect(visible()).toBeGreaterThan(3);
    a.root.position.set(0, 0, 6);
    expect(visible()).toBe(0);
  });
});
