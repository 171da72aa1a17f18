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
 * Loading and `setInitState()` stay three-vrm's, and so does the joints' reset ({@link reset}
 * only brings the matrices it reads up to date first). Joints added or removed later make it
 * rebuild its lists on the next step; a three-vrm that keeps no such lists gets its manager's
 * own update.
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
    stepDelta[0] = delta;
    this.eachJoint(sorted, stepJoint);
  }

  /**
   * `VRMSpringBoneManager.reset()` (hair and cloth back at rest, in the current pose) after
   * bringing up to date the world matrices it and the next step read, as a step does: the
   * manager's own reset expects the caller to have updated the whole model's (hundreds of nodes).
   */
  reset(): void {
    const sorted = this.sorted;
    if (!sorted) {
      // Without the manager's lists: the whole model, from its topmost node.
      let top = this.manager.joints.values().next().value?.bone ?? null;
      while (top?.parent) top = top.parent;
      top?.updateWorldMatrix(false, true);
      this.manager.reset();
      return;
    }
    this.eachJoint(sorted, leaveJoint);
    this.manager.reset();
  }

  /** The manager's walk: the joints' ancestors, then each joint in order, then what hangs below it. */
  private eachJoint(sorted: SortedManager, visit: (joint: JointInternals) => void): void {
    if (sorted._isSortedJointsDirty || sorted._sortedJoints !== this.sortedJoints) this.rebuild(sorted);
    const ancestors = this.ancestors;
    for (let i = 0; i < ancestors.length; i++) ancestors[i]!.updateWorldMatrix(i === 0, false);
    const joints = this.joints;
    for (let i = 0; i < joints.length; i++) {
      const joint = joints[i]!;
      joint.bone.updateMatrix();
      joint.bone.updateWorldMatrix(false, false);
      visit(joint);
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

function leaveJoint(): void {}

/** The manager's walk after a joint: every descendant, depth first, not entering other joints' bones. */
function collectUntilJoint(node: Object3D, jointBones: ReadonlySet<Object3D>, into: Object3D[]): void {
  for (const child of node.children) {
    if (jointBones.has(child)) continue;
    into.push(child);
    collectUntilJoint(child, jointBones, into);
  }
}
