/** Spring-bone colliders: the head, the shoulders and chest (so hair rests on them), and the back for long tails. */
import type { Vec3 } from "./math";
import type { Rig } from "./rig";
import type { SphereCollider } from "./vrmPlugin";

export function bodyColliders(rig: Rig): SphereCollider[] {
  const L = rig.layout;
  const k = L.k;
  const rel = (bone: string, world: Vec3): Vec3 => {
    const b = rig.world(bone);
    return [world[0] - b[0], world[1] - b[1], world[2] - b[2]];
  };
  const sx = L.joints.leftUpperArm[0];
  return [
    { group: "head", bone: rig.bone("head"), offset: rel("head", L.headCenter), radius: L.headRadii[0] * 1.08 },
    { group: "body", bone: rig.bone("upperChest"), offset: [0, 0.02 * k, 0], radius: 0.085 * k },
    { group: "body", bone: rig.bone("leftUpperArm"), offset: [-0.01 * k, 0, 0], radius: 0.05 * k },
    { group: "body", bone: rig.bone("rightUpperArm"), offset: [0.01 * k, 0, 0], radius: 0.05 * k },
    { group: "body", bone: rig.bone("neck"), offset: [0, 0.01 * k, 0], radius: 0.045 * k },
    { group: "back", bone: rig.bone("chest"), offset: [0, 0, -0.03 * k], radius: Math.max(0.08 * k, sx * 0.7) },
    { group: "back", bone: rig.bone("hips"), offset: [0, 0.04 * k, -0.03 * k], radius: 0.1 * k },
  ];
}
