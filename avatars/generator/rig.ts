/** The bone hierarchy: VRM humanoid bones from the layout, plus secondary bones (hair chains) added by name. */
import { Bone } from "three";
import { HUMANOID_PARENTS, type BodyLayout, type HumanoidBoneName } from "./layout";
import type { Vec3 } from "./math";

interface RigBone {
  bone: Bone;
  index: number;
  world: Vec3;
}

export class Rig {
  readonly bones: Bone[] = [];
  /** Bones to list in the VRM humanoid (the rest are secondary: hair chains). */
  readonly humanoid: string[] = [];
  private readonly byName = new Map<string, RigBone>();

  constructor(readonly layout: BodyLayout) {
    for (const [name, parent] of HUMANOID_PARENTS) this.addHumanoidBone(name, parent, layout.joints[name]);
  }

  addHumanoidBone(name: string, parent: string | null, world: Vec3): number {
    this.humanoid.push(name);
    return this.addBone(name, parent, world);
  }

  get root(): Bone {
    return this.get("hips").bone;
  }

  /** Adds a bone at a model-space rest position; rest rotations stay identity (VRM 1.0 T-pose). */
  addBone(name: string, parent: string | null, world: Vec3): number {
    if (this.byName.has(name)) throw new Error(`bone ${name} already exists`);
    const bone = new Bone();
    bone.name = name;
    if (parent === null) {
      bone.position.set(world[0], world[1], world[2]);
    } else {
      const p = this.get(parent);
      bone.position.set(world[0] - p.world[0], world[1] - p.world[1], world[2] - p.world[2]);
      p.bone.add(bone);
    }
    const index = this.bones.push(bone) - 1;
    this.byName.set(name, { bone, index, world });
    return index;
  }

  index(name: HumanoidBoneName | string): number {
    return this.get(name).index;
  }

  world(name: HumanoidBoneName | string): Vec3 {
    return this.get(name).world;
  }

  bone(name: HumanoidBoneName | string): Bone {
    return this.get(name).bone;
  }

  private get(name: string): RigBone {
    const found = this.byName.get(name);
    if (!found) throw new Error(`unknown bone ${name}`);
    return found;
  }
}
