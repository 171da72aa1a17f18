import type { Object3D } from "three";
import type { VRMSpringBoneJoint, VRMSpringBoneManager } from "@pixiv/three-vrm";
import { pruneSpringAncestors } from "./springAncestors";
import { stepDelta, stepJoint, type JointInternals } from "./springJointStep";

/** What three-vrm's spring manager keeps after sorting its joints (private there). */
interface SortedManager {
  _sortedJoints: VRMSpringBoneJoint[];
  _ancestors: Object3D[];
  _isSortedJointsDirty: boolean;
}

/**
 * `VRMSpringBoneManager.update(delta)` without its garbage: the same joints, in the manager's
 * order, stepped by {@link stepJoint} (three-vrm's joint maths on plain numbers), with the
 * world matrices brought up to date as the manager does: first the nodes the joints read
 * ({@link pruneSpringAncestors}), then after each joint the nodes under it down to the next
 * joints, from a list made once (the manager walks them with a closure per node each step).
 * Loading, `reset()` and `setInitState()` stay three-vrm's. Joints added or removed later
 * make it rebuild its lists on the next step; a three-vrm that keeps no such lists gets its
 * manager's own update.
 */
export class SpringStep {
  private readonly sorted: SortedManager | null;
  /** The manager's sorted joints these lists were made from (it makes a new array when it sorts). */
  private sortedJoints: readonly VRMSpringBoneJoint[] = [];
  private joints: JointInternals[] = [];
  private ancestors: Object3D[] = [];
  /** For each joint, the nodes below its bone whose matrices it moves, parents first. */
  private below: Object3D[][] = [];

  constructor(private readonly manager: VRMSpringBoneManager) {
    const sorted = manager as unknown as Partial<SortedManager>;
    const known = Array.isArray(sorted._sortedJoints) && Array.isArray(sorted._ancestors) && typeof sorted._isSortedJointsDirty === "boolean";
    this.sorted = known ? (sorted as SortedManager) : null;
    if (this.sorted) this.rebuild(this.sorted);
  }

  update(delta: number): void {
    const sorted = this.sorted;
    if (!sorted) {
      this.manager.update(delta);
      return;
    }
    if (sorted._isSortedJointsDirty || sorted._sortedJoints !== this.sortedJoints) this.rebuild(sorted);
    const ancestors = this.ancestors;
    for (let i = 0; i < ancestors.length; i++) ancestors[i]!.updateWorldMatrix(i === 0, false);
    stepDelta[0] = delta;
    const joints = this.joints;
    for (let i = 0; i < joints.length; i++) {
      const joint = joints[i]!;
      joint.bone.updateMatrix();
      joint.bone.updateWorldMatrix(false, false);
      stepJoint(joint);
      const below = this.below[i]!;
      for (let j = 0; j < below.length; j++) below[j]!.updateWorldMatrix(false, false);
    }
  }

  private rebuild(sorted: SortedManager): void {
    pruneSpringAncestors(this.manager);
    this.sortedJoints = sorted._sortedJoints;
    this.ancestors = [...sorted._ancestors];
    const jointBones = new Set<Object3D>();
    for (const joint of this.manager.joints) jointBones.add(joint.bone);
    this.joints = sorted._sortedJoints.map((joint) => joint as unknown as JointInternals);
    this.below = sorted._sortedJoints.map((joint) => {
      const nodes: Object3D[] = [];
      collectUntilJoint(joint.bone, jointBones, nodes);
      return nodes;
    });
  }
}

/** The manager's walk after a joint: every descendant, depth first, not entering other joints' bones. */
function collectUntilJoint(node: Object3D, jointBones: ReadonlySet<Object3D>, into: Object3D[]): void {
  for (const child of node.children) {
    if (jointBones.has(child)) continue;
    into.push(child);
    collectUntilJoint(child, jointBones, into);
  }
}
