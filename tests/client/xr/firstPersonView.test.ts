import { describe, expect, it } from "vitest";
import { PerspectiveCamera, type Bone, type SkinnedMesh } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { AVATAR_PRESET_IDS } from "../../../shared/avatars";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { partsSeen, seeFromInside, seeFromOutside, splitForFirstPerson } from "../../../client/xr/firstPersonView";
import { presetBytes } from "../avatar/support/presetAvatar";

const inside = () => {
  const camera = new PerspectiveCamera();
  seeFromInside(camera);
  return camera;
};
const outside = () => {
  const camera = new PerspectiveCamera();
  seeFromOutside(camera);
  return camera;
};
const meshCount = (vrm: VRM) => {
  let count = 0;
  vrm.scene.traverse((o) => void ((o as SkinnedMesh).isMesh && count++));
  return count;
};

describe("the first-person view of one's own VRM", () => {
  it.each([...AVATAR_PRESET_IDS])("draws %s's body and arms from inside, and not its head, face or hair", async (id) => {
    const vrm = await parseVrm(await presetBytes(id));
    const before = partsSeen(vrm, outside());
    splitForFirstPerson(vrm);
    expect(partsSeen(vrm, inside())).toEqual(["Body"]);
    expect(partsSeen(vrm, inside(), false)).toEqual(["Face", "Hair", "Head"]);
    // From outside (the desktop, others' view) nothing is missing.
    expect(partsSeen(vrm, outside())).toEqual(before);
  });

  it("splits once: a second call adds nothing", async () => {
    const vrm = await parseVrm(await presetBytes("sol"));
    splitForFirstPerson(vrm);
    const meshes = meshCount(vrm);
    splitForFirstPerson(vrm);
    expect(meshCount(vrm)).toBe(meshes);
  });

  it("cuts the head off a model without annotations, and keeps it for the view from outside", async () => {
    const vrm = await parseVrm(await presetBytes("kit"));
    // As a VRM 0.x file without a firstPerson block loads.
    (vrm as { firstPerson?: unknown }).firstPerson = undefined;
    const head = vrm.humanoid.getRawBoneNode("head")!;
    const trianglesOnHead = (camera: PerspectiveCamera) => {
      let count = 0;
      vrm.scene.traverse((o) => {
        const mesh = o as SkinnedMesh;
        if (!mesh.isSkinnedMesh || !mesh.layers.test(camera.layers)) return;
        const headIndex = mesh.skeleton.bones.indexOf(head as Bone);
        const index = mesh.geometry.index!;
        const joints = mesh.geometry.getAttribute("skinIndex");
        const weights = mesh.geometry.getAttribute("skinWeight");
        for (let t = 0; t < index.count; t++) {
          const v = index.getX(t);
          for (let k = 0; k < 4; k++) if (joints.getComponent(v, k) === headIndex && weights.getComponent(v, k) > 0.5) count++;
        }
      });
      return count;
    };
    const drawnFromOutside = trianglesOnHead(outside());
    splitForFirstPerson(vrm);
    // From inside, nothing held by the head bone is drawn; from outside, all of it still is.
    expect(trianglesOnHead(inside())).toBe(0);
    expect(trianglesOnHead(outside())).toBe(drawnFromOutside);
    expect(drawnFromOutside).toBeGreaterThan(1000);
    expect(partsSeen(vrm, inside())).toContain("Body");
  });
});
