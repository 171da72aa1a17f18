/**
 * Skin weights that blend smoothly across joints. A vertex is placed along a bone chain by its
 * signed distance past each joint (measured along the averaged bone direction); a smoothstep over
 * `blend` metres hands it from one bone to the next, so elbows and knees bend without tearing.
 */
import { dot, normalize, sub, add, smoothstep, type Vec3 } from "./math";
import type { BoneWeights } from "./meshBuilder";

export interface ChainLink {
  bone: number;
  /** Where this bone's part of the chain starts (its joint). */
  from: Vec3;
  to: Vec3;
}

export function chainWeights(p: Vec3, chain: readonly ChainLink[], blend: number | readonly number[]): BoneWeights {
  const result: Array<[number, number]> = [];
  let carried = 1;
  for (let i = 0; i < chain.length; i++) {
    const link = chain[i]!;
    const next = chain[i + 1];
    if (!next) {
      result.push([link.bone, carried]);
      break;
    }
    const axis = normalize(add(normalize(sub(link.to, link.from)), normalize(sub(next.to, next.from))));
    const width = typeof blend === "number" ? blend : (blend[i] ?? blend[blend.length - 1]!);
    const past = smoothstep(-width, width, dot(sub(p, next.from), axis));
    result.push([link.bone, carried * (1 - past)]);
    carried *= past;
  }
  return result;
}

/** Mixes two weight sets: t = 0 gives `a`, t = 1 gives `b`. */
export function blendWeights(a: BoneWeights, b: BoneWeights, t: number): BoneWeights {
  if (t <= 0) return a;
  if (t >= 1) return b;
  const sums = new Map<number, number>();
  for (const [bone, w] of a) sums.set(bone, (sums.get(bone) ?? 0) + w * (1 - t));
  for (const [bone, w] of b) sums.set(bone, (sums.get(bone) ?? 0) + w * t);
  return [...sums.entries()];
}

export const single = (bone: number): BoneWeights => [[bone, 1]];
