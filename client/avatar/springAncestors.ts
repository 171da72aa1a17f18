import type { Object3D } from "three";
import type { VRMSpringBoneManager } from "@pixiv/three-vrm";

/** What three-vrm's spring manager keeps about the nodes it updates before stepping (private there). */
interface SortedManager {
  _sortJoints(): void;
  _ancestors: Object3D[];
}

/**
 * Before each step, three-vrm's spring manager brings up to date the world matrix of every node
 * under the joints' lowest common ancestor that holds no joint: with skirt springs that is the
 * hips, and so the legs, arms and fingers too (46–59 nodes in the generated avatars). A step only
 * reads the matrices of what the joints depend on (their parents and colliders) and of those
 * nodes' ancestors. This keeps the manager's list to those chains, in its order (parents first;
 * the common ancestor stays first, where the manager also updates its own parents). The other
 * nodes are brought up to date by the renderer's matrix pass, as they were anyway.
 * Returns false (and changes nothing) when this three-vrm keeps no such list. Adding joints
 * later makes the manager rebuild its full list.
 */
export function pruneSpringAncestors(manager: VRMSpringBoneManager): boolean {
  const sorted = manager as unknown as Partial<SortedManager>;
  if (typeof sorted._sortJoints !== "function" || !Array.isArray(sorted._ancestors)) return false;
  sorted._sortJoints();
  const needed = new Set<Object3D>();
  for (const joint of manager.joints) {
    for (const dependency of joint.dependencies) {
      for (let node: Object3D | null = dependency; node && !needed.has(node); node = node.parent) needed.add(node);
    }
  }
  sorted._ancestors = sorted._ancestors.filter((node) => needed.has(node));
  return true;
}
