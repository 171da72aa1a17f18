/**
 * Clothing shapes beyond the body's own layers: skirts and coat tails that flare from the waist,
 * collars, a hood, bands and small accents (bow, buttons, drawstrings).
 */
import type { AvatarDescription } from "./description";
import { addLimb } from "./limb";
import { add, profile, smoothstep, type Vec3 } from "./math";
import type { BoneWeights, MeshBuilder } from "./meshBuilder";
import type { Rig } from "./rig";
import { addGrid, ring } from "./surface";
import { torsoPoint as torsoSurfacePoint, torsoShape, torsoWeights } from "./torso";
import { blendWeights, chainWeights } from "./weights";

function torsoPoint(rig: Rig, y: number, a: number, grow: number): Vec3 {
  return torsoSurfacePoint(torsoShape(rig.layout), y, a, grow);
}

/** Hips-to-thigh weights for cloth hanging from the waist: lower and more to one side means more of that leg. */
function hangingWeights(rig: Rig, p: Vec3, top: number, bottom: number): BoneWeights {
  const t = smoothstep(top, bottom, p[1]);
  const side = p[0] >= 0 ? "left" : "right";
  const leg = chainWeights(p, [
    { bone: rig.index(`${side}UpperLeg`), from: rig.world(`${side}UpperLeg`), to: rig.world(`${side}LowerLeg`) },
    { bone: rig.index(`${side}LowerLeg`), from: rig.world(`${side}LowerLeg`), to: rig.world(`${side}Foot`) },
  ], 0.04 * rig.layout.k);
  const sideness = smoothstep(0, rig.layout.joints.leftUpperLeg[0] * 1.6, Math.abs(p[0]));
  return blendWeights(torsoWeights(rig, p), leg, t * (0.35 + 0.4 * sideness));
}

/** A skirt or coat skirt: flares from the waist to `hemY`; `gap` (radians) leaves the front open. */
function addFlare(builder: MeshBuilder, rig: Rig, hemY: number, flare: number, pleats: number, gap: number, hemBand: boolean): void {
  const L = rig.layout;
  const k = L.k;
  const top = L.waistY - 0.01 * k;
  const segments = 56;
  const rowsN = 10;
  const hipY = L.joints.leftUpperLeg[1];
  const ringAt = (t: number): Vec3[] => {
    const y = top + (hemY - top) * t;
    const pts: Vec3[] = [];
    for (let i = 0; i <= segments - (gap > 0 ? 0 : 1); i++) {
      // An open coat closes at the waist and parts towards the hem.
      const g = gap * (0.1 + 0.9 * t);
      const a = gap > 0 ? g + ((Math.PI * 2 - 2 * g) * i) / segments : (i / segments) * Math.PI * 2;
      // Below the hips the cloth no longer follows the body: it keeps the hip outline and flares.
      const base = torsoPoint(rig, Math.max(y, hipY), a, 0.01 * k + 0.03 * k * smoothstep(top, hipY, y));
      const out = flare * t * t * 0.8 + flare * t * 0.2;
      const wave = pleats > 0 ? 1 + 0.035 * t * Math.sin(a * pleats) : 1;
      pts.push([base[0] * (1 + out) * wave, y, (base[2] + 0.004 * k) * (1 + out * 0.9) * wave]);
    }
    return pts;
  };
  // The last stretch above the hem is a trim band in the accent colour.
  const bandFrom = 0.86;
  const ts = Array.from({ length: rowsN + 1 }, (_, i) => i / rowsN);
  const clothTs = hemBand ? [...ts.filter((t) => t < bandFrom), bandFrom] : ts;
  const weights = (p: Vec3) => hangingWeights(rig, p, top, hemY);
  const wrap = gap === 0;
  addGrid(builder, clothTs.map(ringAt), { material: "outfit", weights, wrap });
  if (hemBand) addGrid(builder, [bandFrom, ...ts.filter((t) => t > bandFrom)].map(ringAt), { material: "outfitAccent", weights, wrap });
}

/** A band around the torso between two heights (belts, necklines, waistbands). */
function addBand(builder: MeshBuilder, rig: Rig, y0: number, y1: number, grow: number, material: string): void {
  const rows: Vec3[][] = [];
  const segments = 32;
  const ys = [y0, y0, (y0 + y1) / 2, y1, y1];
  const grows = [grow * 0.3, grow, grow * 1.1, grow, grow * 0.3];
  ys.forEach((y, r) => rows.push(Array.from({ length: segments }, (_, i) => torsoPoint(rig, y, (i / segments) * Math.PI * 2, grows[r]!))));
  addGrid(builder, rows, { material, weights: (p) => torsoWeights(rig, p) });
}

/** A flat collar lying on the shoulders, open at the front. */
function addCollar(builder: MeshBuilder, rig: Rig, width: number, material: string, stand: boolean): void {
  const L = rig.layout;
  const k = L.k;
  const n = 28;
  const gap = stand ? 0.25 : 0.18;
  const rows: Vec3[][] = [];
  const steps = 4;
  for (let r = 0; r <= steps; r++) {
    const t = r / steps;
    const row: Vec3[] = [];
    for (let i = 0; i <= n; i++) {
      const a = gap + ((Math.PI * 2 - 2 * gap) * i) / n;
      const front = Math.max(0, Math.cos(a));
      // A stand collar rises up the neck; a flat one spreads down over the shoulders, rounder at the front.
      const y = stand ? L.neckBase - 0.01 * k + t * 0.045 * k : L.neckBase - 0.004 * k - t * width * (1 + 0.5 * front);
      const grow = stand ? 0.006 * k + 0.004 * k * t : 0.004 * k + 0.006 * k * t;
      const scale = stand ? 1 + 0.15 * t : 1;
      const p = torsoPoint(rig, Math.max(y, L.shoulderY - 0.06 * k), a, grow);
      row.push(stand ? [p[0] * scale, y, p[2] * scale] : p);
    }
    rows.push(row);
  }
  addGrid(builder, rows, { material, weights: (p) => torsoWeights(rig, p), wrap: false });
}

function addSphere(builder: MeshBuilder, centre: Vec3, r: Vec3, material: string, weights: BoneWeights): void {
  const rows: Vec3[][] = [];
  for (let i = 1; i < 8; i++) {
    const th = (i / 8) * Math.PI;
    rows.push(ring(add(centre, [0, 0, Math.cos(th) * r[2]]), [1, 0, 0], [0, 1, 0], Math.sin(th) * r[0], Math.sin(th) * r[1], 12));
  }
  addGrid(builder, rows, { material, weights: () => weights, capStart: true, capEnd: true });
}

function addBow(builder: MeshBuilder, rig: Rig): void {
  const L = rig.layout;
  const k = L.k;
  const knot = torsoPoint(rig, L.neckBase - 0.03 * k, 0, 0.014 * k);
  const w = torsoWeights(rig, knot);
  addSphere(builder, knot, [0.008 * k, 0.008 * k, 0.006 * k], "ribbon", w);
  for (const side of [1, -1]) {
    addSphere(builder, add(knot, [side * 0.022 * k, 0.002 * k, -0.002 * k]), [0.02 * k, 0.012 * k, 0.005 * k], "ribbon", w);
    addLimb(builder, {
      path: [add(knot, [side * 0.004 * k, -0.004 * k, 0]), add(knot, [side * 0.014 * k, -0.045 * k, 0.004 * k])],
      rows: 4,
      segments: 8,
      radius: (s) => profile([[0, 0.006 * k], [1, 0.009 * k]], s),
      material: () => "ribbon",
      weights: () => w,
      flatten: 0.35,
      capEnd: true,
    });
  }
}

function addHood(builder: MeshBuilder, rig: Rig): void {
  const L = rig.layout;
  const k = L.k;
  const path: Vec3[] = [];
  for (let i = 0; i <= 16; i++) {
    const a = -2.2 + (4.4 * i) / 16;
    const back = Math.max(0, -Math.cos(a + Math.PI));
    path.push(torsoPoint(rig, L.neckBase - 0.012 * k - 0.03 * k * back * back, a + Math.PI, 0.012 * k + 0.014 * k * back));
  }
  addLimb(builder, {
    path,
    rows: 24,
    segments: 12,
    radius: (s) => (0.014 + 0.03 * Math.sin(Math.PI * s) ** 4) * k,
    material: () => "outfit",
    weights: (p) => torsoWeights(rig, p),
    flatten: 0.7,
    capStart: true,
    capEnd: true,
    hint: [0, 1, 0],
  });
  for (const side of [1, -1]) {
    const top = torsoPoint(rig, L.neckBase - 0.02 * k, side * 0.3, 0.01 * k);
    addLimb(builder, {
      path: [top, add(top, [side * 0.004 * k, -0.09 * k, 0.012 * k])],
      rows: 4,
      segments: 6,
      radius: () => 0.0035 * k,
      material: () => "outfitAccent",
      weights: () => torsoWeights(rig, top),
      capEnd: true,
    });
  }
}

function addButtons(builder: MeshBuilder, rig: Rig, count: number, from: number, to: number): void {
  const k = rig.layout.k;
  for (let i = 0; i < count; i++) {
    const y = from + ((to - from) * i) / Math.max(1, count - 1);
    const p = torsoPoint(rig, y, 0.12, 0.009 * k);
    addSphere(builder, p, [0.006 * k, 0.006 * k, 0.003 * k], "outfitAccent", torsoWeights(rig, p));
  }
}

export function addOutfit(builder: MeshBuilder, rig: Rig, desc: AvatarDescription): void {
  const L = rig.layout;
  const k = L.k;
  const o = desc.outfit;
  if (o.bottom === "skirt") addFlare(builder, rig, L.kneeY + 0.11 * k, 0.55, 16, 0, true);
  switch (o.top) {
    case "dress":
      addCollar(builder, rig, 0.05 * k, "outfitAccent", false);
      addBow(builder, rig);
      break;
    case "hoodie":
      addHood(builder, rig);
      addBand(builder, rig, L.waistY - 0.055 * k, L.waistY - 0.035 * k, 0.008 * k, "outfit");
      break;
    case "coat":
      addFlare(builder, rig, L.kneeY + 0.02 * k, 0.32, 0, 0.22, true);
      addCollar(builder, rig, 0, "outfit", true);
      addBand(builder, rig, L.waistY - 0.012 * k, L.waistY + 0.012 * k, 0.012 * k, "outfitAccent");
      addButtons(builder, rig, 3, L.shoulderY - 0.07 * k, L.waistY + 0.04 * k);
      break;
    case "tee":
      addBand(builder, rig, L.neckBase - 0.012 * k, L.neckBase - 0.002 * k, 0.004 * k, "outfitAccent");
      break;
  }
  if (o.bottom === "shorts" || o.bottom === "pants") {
    addBand(builder, rig, L.waistY - 0.03 * k, L.waistY - 0.015 * k, 0.004 * k, o.top === "hoodie" ? "bottoms" : "outfitAccent");
  }
}
