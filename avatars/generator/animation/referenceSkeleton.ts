/**
 * The humanoid a clip is written for: the default preset's bones in their T-pose (rest rotations
 * identity, as VRMA requires). Players retarget by bone name and scale the hips' movement by the
 * ratio of hip heights, so any VRM plays the clips.
 */
import { Group } from "three";
import { computeLayout } from "../layout";
import { PRESET_DESCRIPTIONS } from "../presets";
import { Rig } from "../rig";

export function referenceSkeleton(): { root: Group; rig: Rig } {
  const reference = PRESET_DESCRIPTIONS[0];
  if (!reference) throw new Error("no preset description to take the clips' skeleton from");
  const rig = new Rig(computeLayout(reference.body));
  const root = new Group();
  root.name = "VRMA";
  root.add(rig.root);
  return { root, rig };
}
