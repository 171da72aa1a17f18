/** Arms, legs and neck as blended tubes; sleeves, trouser legs and socks are stretches of the same tubes. */
import type { AvatarDescription } from "./description";
import { addLimb } from "./limb";
import { profile, type Vec3 } from "./math";
import type { MeshBuilder } from "./meshBuilder";
import type { Rig } from "./rig";
import { chainWeights, type ChainLink } from "./weights";

type Side = "left" | "right";

function links(rig: Rig, names: readonly string[], tip: Vec3): ChainLink[] {
  return names.map((name, i) => ({
    bone: rig.index(name),
    from: rig.world(name),
    to: i + 1 < names.length ? rig.world(names[i + 1]!) : tip,
  }));
}

const CLOTH = (k: number) => (material: string): number => (material === "skin" ? 0 : material === "legwear" ? 0.002 * k : 0.007 * k);

/** Shoulder to fingertips. The upper arm takes over a little inside the joint, so a lowered arm keeps a round shoulder. */
export function armChain(rig: Rig, side: Side): ChainLink[] {
  const shoulder = rig.world(`${side}UpperArm`);
  const dir = side === "left" ? 1 : -1;
  const chain = links(rig, [`${side}Shoulder`, `${side}UpperArm`, `${side}LowerArm`, `${side}Hand`], rig.layout.fingertip[side]);
  chain[0]!.from = [0, shoulder[1], shoulder[2]];
  chain[1]!.from = [shoulder[0] - dir * 0.035 * rig.layout.k, shoulder[1], shoulder[2]];
  return chain;
}

export function addArm(builder: MeshBuilder, rig: Rig, desc: AvatarDescription, side: Side): void {
  const L = rig.layout;
  const k = L.k;
  const b = L.build;
  const shoulder = rig.world(`${side}UpperArm`);
  const elbow = rig.world(`${side}LowerArm`);
  const wrist = L.wrist[side];
  const dir = side === "left" ? 1 : -1;
  // The arm starts inside the torso as a dome, so the shoulder reads round from every side.
  const start: Vec3 = [shoulder[0] - dir * 0.055 * k, shoulder[1] - 0.006 * k, shoulder[2]];
  const path = [start, shoulder, elbow, wrist];
  const total = Math.abs(wrist[0] - start[0]);
  const at = (x: number) => Math.abs(x - start[0]) / total;
  const sElbow = at(elbow[0]);
  const sleeveEnd = desc.outfit.sleeves === "long" ? 0.97 : sElbow * 0.55;
  const chain = armChain(rig, side);
  addLimb(builder, {
    path,
    rows: 22,
    segments: 14,
    radius: (s) => {
      const dome = s * total;
      if (dome < 0.04 * k) return 0.039 * k * b * Math.sqrt(Math.max(0.02, 1 - (1 - dome / (0.04 * k)) ** 2));
      return profile([[at(shoulder[0]), 0.038 * k * b], [at(shoulder[0]) + 0.1, 0.035 * k * b], [sElbow - 0.05, 0.03 * k * b], [sElbow, 0.027 * k * b], [sElbow + 0.12, 0.028 * k * b], [1, 0.02 * k * b]], s);
    },
    material: (s) => (s < sleeveEnd ? (desc.outfit.sleeves === "long" && s > 0.9 ? "outfitAccent" : "outfit") : "skin"),
    clothOffset: CLOTH(k),
    weights: (p) => chainWeights(p, chain, [0.05 * k, 0.04 * k, 0.03 * k]),
    flatten: 0.92,
  });
}

export function addLeg(builder: MeshBuilder, rig: Rig, desc: AvatarDescription, side: Side): void {
  const L = rig.layout;
  const k = L.k;
  const b = L.build;
  const hip = rig.world(`${side}UpperLeg`);
  const knee = rig.world(`${side}LowerLeg`);
  const ankle = rig.world(`${side}Foot`);
  const top: Vec3 = [hip[0] * 0.85, hip[1] + 0.07 * k, hip[2] - 0.005 * k];
  const path = [top, hip, knee, [ankle[0], ankle[1] - 0.03 * k, ankle[2]] as Vec3];
  const span = top[1] - path[3]![1];
  const at = (y: number) => (top[1] - y) / span;
  const sKnee = at(knee[1]);
  const chain = links(rig, ["hips", `${side}UpperLeg`, `${side}LowerLeg`, `${side}Foot`], rig.world(`${side}Toes`));
  chain[0]!.from = [0, hip[1] + 0.15 * k, 0];
  const o = desc.outfit;
  const sockTop = o.socks ? (o.socks.top === "knee" ? sKnee + 0.06 : sKnee - 0.17) : 2;
  const material = (s: number): string => {
    if (o.bottom === "pants") return "bottoms";
    if (o.bottom === "shorts" && s < at(hip[1]) + 0.13) return "bottoms";
    if (o.bottom === "skirt" && s < 0.12) return "outfit";
    return s >= sockTop ? "legwear" : "skin";
  };
  addLimb(builder, {
    path,
    rows: 26,
    segments: 16,
    radius: (s) =>
      profile([
        [0, 0.07 * k * b],
        [at(hip[1]), (0.068 + 0.006 * L.curves) * k * b],
        [sKnee - 0.12, 0.05 * k * b],
        [sKnee, 0.041 * k * b],
        [sKnee + 0.15, 0.045 * k * b],
        [0.9, 0.028 * k * b],
        [1, 0.028 * k * b],
      ], s) + (o.bottom === "pants" ? 0.006 * k * Math.max(0, s - 0.5) : 0),
    material,
    clothOffset: CLOTH(k),
    weights: (p) => chainWeights(p, chain, [0.05 * k, 0.04 * k, 0.03 * k]),
    hint: [1, 0, 0],
  });
}

export function addNeck(builder: MeshBuilder, rig: Rig): void {
  const L = rig.layout;
  const k = L.k;
  const base: Vec3 = [0, L.neckBase - 0.03 * k, -0.012 * k];
  const top: Vec3 = [0, L.headCenter[1] - L.headRadii[1] * 0.55, -0.012 * k];
  const chain = links(rig, ["upperChest", "neck", "head"], [0, L.height, 0]);
  addLimb(builder, {
    path: [base, top],
    rows: 8,
    segments: 16,
    radius: (s) => profile([[0, 0.04 * k], [0.4, 0.033 * k], [1, 0.032 * k]], s),
    material: () => "skin",
    weights: (p) => chainWeights(p, chain, 0.02 * k),
    flatten: 1.05,
    hint: [1, 0, 0],
  });
}
