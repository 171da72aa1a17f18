/** The torso: a loft of superellipse rings from the crotch to the neck, shaped by the body's curves. */
import type { AvatarDescription } from "./description";
import type { BodyLayout } from "./layout";
import { profile, smoothstep, type Vec3 } from "./math";
import type { BoneWeights, MeshBuilder } from "./meshBuilder";
import { armChain } from "./limbs";
import type { Rig } from "./rig";
import { addGrid } from "./surface";
import { blendWeights, chainWeights } from "./weights";

const SEGMENTS = 32;

export interface TorsoShape {
  /** Half width, half depth and z offset of the cross-section at height y. */
  section(y: number): { w: number; d: number; z: number };
}

export function torsoShape(layout: BodyLayout): TorsoShape {
  const { k, curves, build, joints } = layout;
  const sx = joints.leftUpperArm[0];
  const hx = joints.leftUpperLeg[0];
  const y = {
    crotch: layout.crotchY,
    hip: joints.leftUpperLeg[1] + 0.02 * k,
    waist: layout.waistY,
    chest: layout.shoulderY - 0.1 * k,
    shoulder: layout.shoulderY,
    neck: layout.neckBase,
  };
  const width: Array<[number, number]> = [
    [y.crotch, hx * 0.9],
    [y.hip, hx + (0.05 + 0.02 * curves) * k * build],
    [y.waist, (0.098 + 0.02 * (1 - curves)) * k * build],
    [y.chest, sx * 0.84 * build],
    [y.shoulder - 0.015 * k, sx * 0.9],
    [y.shoulder + 0.01 * k, sx * 0.74],
    [y.shoulder + 0.032 * k, sx * 0.46],
    [y.neck, 0.036 * k],
  ];
  const depth: Array<[number, number]> = [
    [y.crotch, 0.06 * k],
    [y.hip, (0.085 + 0.012 * curves) * k * build],
    [y.waist, 0.072 * k * build],
    [y.chest, (0.082 + 0.012 * curves) * k * build],
    [y.shoulder - 0.012 * k, 0.066 * k * build],
    [y.shoulder + 0.02 * k, 0.05 * k * build],
    [y.neck, 0.036 * k],
  ];
  const zOff: Array<[number, number]> = [
    [y.crotch, 0],
    [y.hip, -0.008 * k],
    [y.waist, 0.002 * k],
    [y.chest, 0.006 * k + 0.008 * curves * k],
    [y.shoulder, -0.006 * k],
    [y.neck, -0.012 * k],
  ];
  return {
    section: (yy) => ({ w: profile(width, yy), d: profile(depth, yy), z: profile(zOff, yy) }),
  };
}

/** Point on the torso's cross-section at height y and angle a (0 = front, +90° = the avatar's left), pushed out by `grow`. */
export function torsoPoint(shape: TorsoShape, y: number, a: number, grow: number): Vec3 {
  const { w, d, z } = shape.section(y);
  const s = Math.sin(a);
  const c = Math.cos(a);
  // A superellipse (exponent 2.4): fuller than an ellipse, so the torso is not a cylinder.
  const sx = Math.sign(s) * Math.abs(s) ** (2 / 2.4);
  const cz = Math.sign(c) * Math.abs(c) ** (2 / 2.4);
  return [sx * (w + grow), y, z + cz * (d + grow)];
}

/** Torso bones from the hips up, with the outer shoulders handed to the shoulder bones and the lower pelvis to the thighs. */
export function torsoWeights(rig: Rig, p: Vec3): BoneWeights {
  const L = rig.layout;
  const k = L.k;
  const spineChain = (["hips", "spine", "chest", "upperChest", "neck"] as const).map((name, i, all) => ({
    bone: rig.index(name),
    from: [0, i === 0 ? L.crotchY : rig.world(name)[1], 0] as Vec3,
    to: [0, i + 1 < all.length ? rig.world(all[i + 1]!)[1] : L.neckBase + 0.1, 0] as Vec3,
  }));
  let w = chainWeights(p, spineChain, 0.04 * k);
  const side = p[0] >= 0 ? "left" : "right";
  const sx = Math.abs(L.joints.leftUpperArm[0]);
  const toShoulder = smoothstep(sx * 0.35, sx * 0.95, Math.abs(p[0])) * smoothstep(L.shoulderY - 0.12 * k, L.shoulderY - 0.02 * k, p[1]);
  w = blendWeights(w, chainWeights(p, armChain(rig, side).slice(0, 2), 0.05 * k), toShoulder);
  const toThigh = smoothstep(L.joints.leftUpperLeg[1] + 0.02 * k, L.crotchY, p[1]) * smoothstep(0, L.joints.leftUpperLeg[0], Math.abs(p[0]));
  return blendWeights(w, [[rig.index(`${side}UpperLeg`), 1]], toThigh * 0.6);
}

export function addTorso(builder: MeshBuilder, rig: Rig, desc: AvatarDescription): void {
  const L = rig.layout;
  const shape = torsoShape(L);
  const k = L.k;
  const bust = L.curves * 0.022 * k;
  const bustY = L.shoulderY - 0.1 * k;
  const sectionRing = (yy: number, grow: number): Vec3[] =>
    Array.from({ length: SEGMENTS }, (_, i) => {
      const a = (i / SEGMENTS) * Math.PI * 2;
      const p = torsoPoint(shape, yy, a, grow);
      const front = Math.cos(a);
      if (front > 0) p[2] += bust * Math.exp(-(((yy - bustY) / (0.05 * k)) ** 2)) * Math.exp(-(((Math.abs(p[0]) - 0.045 * k) / (0.035 * k)) ** 2)) * front;
      return p;
    });
  const lowerMaterial = desc.outfit.top === "dress" ? "outfit" : "bottoms";
  const lowerRows: Vec3[][] = [];
  const upperRows: Vec3[][] = [];
  const rowsLower = 8;
  const rowsUpper = 18;
  const waist = L.waistY - 0.02 * k;
  for (let i = 0; i <= rowsLower; i++) lowerRows.push(sectionRing(L.crotchY + ((waist - L.crotchY) * i) / rowsLower, 0));
  // The top overhangs the waistband slightly: a hem ring tucked inside, then the shirt edge.
  const hemY = waist - (desc.outfit.top === "dress" ? 0 : 0.035 * k);
  upperRows.push(sectionRing(hemY, -0.004 * k), sectionRing(hemY, 0.006 * k));
  for (let i = 1; i <= rowsUpper; i++) upperRows.push(sectionRing(hemY + ((L.neckBase - hemY) * i) / rowsUpper, 0.006 * k * (1 - i / rowsUpper)));
  const weights = (p: Vec3) => torsoWeights(rig, p);
  addGrid(builder, lowerRows, { material: lowerMaterial, weights, capStart: true });
  addGrid(builder, upperRows, { material: "outfit", weights });
}
