import { readFile } from "node:fs/promises";
import { Group, Vector3 } from "three";
import type { VRM, VRMHumanBoneName } from "@pixiv/three-vrm";
import { createAvatarDriver, type AvatarDriver, type AvatarPose } from "../../../../client/avatar";
import { parseVrm } from "../../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../../client/world/seededRandom";

export const FRAME_S = 1 / 60;

/** A generated preset, parsed the way the client parses it, driven by a seeded driver. */
export interface DrivenPreset {
  vrm: VRM;
  root: Group;
  driver: AvatarDriver;
  pose: AvatarPose;
  /** Runs the driver for `seconds` at 60 fps; `each` sees every frame after its update. */
  run(seconds: number, each?: (t: number) => void): void;
  /** World position of a rendered (raw) bone. */
  bone(name: VRMHumanBoneName): Vector3;
}

export async function presetBytes(id = "wren"): Promise<ArrayBuffer> {
  const file = await readFile(new URL(`../../../../avatars/presets/${id}.vrm`, import.meta.url));
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

/** A generated preset under a root of its own, its world matrices and springs at rest: for stepping parts of it by hand. */
export async function placedPreset(id = "wren"): Promise<{ vrm: VRM; root: Group }> {
  const vrm = await parseVrm(await presetBytes(id));
  const root = new Group();
  root.add(vrm.scene);
  root.updateMatrixWorld(true);
  vrm.springBoneManager!.reset();
  return { vrm, root };
}

export async function drivenPreset(id = "wren", seed = 1): Promise<DrivenPreset> {
  const vrm = await parseVrm(await presetBytes(id));
  const root = new Group();
  root.add(vrm.scene);
  const driver = createAvatarDriver({ random: seededRandom(seed) });
  driver.attach(vrm, root);
  const pose: AvatarPose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };
  let time = 0;
  return {
    vrm,
    root,
    driver,
    pose,
    run(seconds, each) {
      const end = time + seconds - 1e-9;
      while (time < end) {
        driver.update(FRAME_S, pose);
        time += FRAME_S;
        each?.(time);
      }
    },
    bone(name) {
      const node = vrm.humanoid.getRawBoneNode(name);
      if (!node) throw new Error(`preset has no ${name} bone`);
      return node.getWorldPosition(new Vector3());
    },
  };
}
