/** Secondary bones for hair that swings (VRMC_springBone joints), and weights that hand locks from the head to them. */
import type { Vec3 } from "./math";
import type { BoneWeights } from "./meshBuilder";
import type { Rig } from "./rig";
import { chainWeights, type ChainLink } from "./weights";

export interface SpringDefinition {
  name: string;
  /** Bone names, root first; the last is the tip. */
  bones: string[];
  hitRadius: number;
  stiffness: number;
  gravityPower: number;
  dragForce: number;
  colliderGroups: string[];
}

export interface HairChain {
  spring: SpringDefinition;
  weights: (p: Vec3) => BoneWeights;
}

/**
 * Adds bones along `points` (children of the head) and returns a weight function that keeps the
 * root of a lock on the head and lets the rest follow the chain.
 */
export function addHairChain(
  rig: Rig,
  name: string,
  points: Vec3[],
  feel: Pick<SpringDefinition, "hitRadius" | "stiffness" | "gravityPower" | "dragForce" | "colliderGroups">,
  blend: number,
): HairChain {
  const bones: string[] = [];
  points.forEach((p, i) => bones.push((rig.addBone(`${name}${i}`, i === 0 ? "head" : `${name}${i - 1}`, p), `${name}${i}`)));
  const links: ChainLink[] = [
    { bone: rig.index("head"), from: rig.layout.headCenter, to: points[0]! },
    ...points.slice(0, -1).map((p, i) => ({ bone: rig.index(bones[i]!), from: p, to: points[i + 1]! })),
  ];
  return {
    spring: { name, bones, ...feel },
    weights: (p) => chainWeights(p, links, blend),
  };
}
