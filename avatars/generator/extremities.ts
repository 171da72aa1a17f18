/** Hands (palm, four fingers, thumb) and shoes, lofted from ellipses so they read as soft shapes. */
import type { AvatarDescription } from "./description";
import { addLimb } from "./limb";
import { mix, profile, type Vec3 } from "./math";
import type { MeshBuilder } from "./meshBuilder";
import type { Rig } from "./rig";
import { addGrid, ring } from "./surface";
import { chainWeights } from "./weights";

type Side = "left" | "right";

export function addHand(builder: MeshBuilder, rig: Rig, side: Side): void {
  const L = rig.layout;
  const k = L.k;
  const dir = side === "left" ? 1 : -1;
  const wrist = L.wrist[side];
  const tip = L.fingertip[side];
  const handLength = Math.abs(tip[0] - wrist[0]);
  const palmLength = handLength * 0.52;
  const hand = rig.index(`${side}Hand`);
  const weights = (p: Vec3) =>
    chainWeights(p, [
      { bone: rig.index(`${side}LowerArm`), from: rig.world(`${side}LowerArm`), to: wrist },
      { bone: hand, from: wrist, to: tip },
    ], 0.012 * k);
  const rows: Vec3[][] = [];
  const n = 9;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const x = wrist[0] + dir * (t * palmLength - 0.01 * k);
    const halfWidth = profile([[0, 0.021 * k], [0.45, 0.034 * k], [1, 0.034 * k]], t);
    const halfThick = profile([[0, 0.014 * k], [0.5, 0.015 * k], [1, 0.011 * k]], t);
    rows.push(ring([x, wrist[1] - 0.002 * k, wrist[2] + 0.003 * k], [0, 0, 1], [0, 1, 0], halfWidth, halfThick, 14, 2.6));
  }
  addGrid(builder, rows, { material: "skin", weights, capStart: true, capEnd: true });
  const knuckleX = wrist[0] + dir * (palmLength - 0.012 * k);
  const fingerLength = handLength - palmLength + 0.01 * k;
  const fingers: Array<[string, number, number]> = [
    ["Index", 0.024, 0.9],
    ["Middle", 0.008, 1],
    ["Ring", -0.008, 0.94],
    ["Little", -0.023, 0.76],
  ];
  for (const [finger, z, scale] of fingers) {
    const root: Vec3 = [knuckleX, wrist[1] - 0.002 * k, wrist[2] + 0.003 * k + z * k];
    const end: Vec3 = [knuckleX + dir * fingerLength * scale, root[1] - 0.004 * k, root[2] + z * k * 0.35];
    addFinger(builder, rig, side, [`${finger}Proximal`, `${finger}Intermediate`, `${finger}Distal`], [root, mix(root, end, 0.45), mix(root, end, 0.72)], end, {
      radius: (s) => profile([[0, 0.0085 * k], [0.85, 0.0072 * k], [1, 0.003 * k]], s),
      flatten: 0.85,
    });
  }
  const thumbRoot: Vec3 = [wrist[0] + dir * palmLength * 0.25, wrist[1] - 0.006 * k, wrist[2] + 0.026 * k];
  const thumbMid: Vec3 = [thumbRoot[0] + dir * 0.025 * k, thumbRoot[1] - 0.006 * k, thumbRoot[2] + 0.022 * k];
  const thumbTip: Vec3 = [thumbMid[0] + dir * 0.024 * k, thumbMid[1] - 0.004 * k, thumbMid[2] + 0.012 * k];
  addFinger(builder, rig, side, ["ThumbMetacarpal", "ThumbProximal", "ThumbDistal"], [thumbRoot, thumbMid, mix(thumbMid, thumbTip, 0.5)], thumbTip, {
    radius: (s) => profile([[0, 0.013 * k], [0.45, 0.0095 * k], [0.9, 0.008 * k], [1, 0.003 * k]], s),
    flatten: 1,
  });
}

/** One finger: three humanoid bones along it, a tube over them, weights blended at each knuckle. */
function addFinger(
  builder: MeshBuilder,
  rig: Rig,
  side: Side,
  names: readonly [string, string, string],
  joints: readonly [Vec3, Vec3, Vec3],
  tip: Vec3,
  shape: { radius: (s: number) => number; flatten: number },
): void {
  const bones = names.map((name, i) => {
    const bone = `${side}${name}`;
    rig.addHumanoidBone(bone, i === 0 ? `${side}Hand` : `${side}${names[i - 1]}`, joints[i]!);
    return rig.index(bone);
  });
  const ends = [joints[1], joints[2], tip];
  const links = [
    { bone: rig.index(`${side}Hand`), from: rig.world(`${side}Hand`), to: joints[0] },
    ...bones.map((bone, i) => ({ bone, from: joints[i]!, to: ends[i]! })),
  ];
  const k = rig.layout.k;
  addLimb(builder, {
    path: [joints[0], joints[1], joints[2], tip],
    rows: 7,
    segments: 8,
    radius: shape.radius,
    material: () => "skin",
    weights: (p) => chainWeights(p, links, 0.005 * k),
    flatten: shape.flatten,
    capEnd: true,
  });
}

export function addShoe(builder: MeshBuilder, rig: Rig, desc: AvatarDescription, side: Side): void {
  const k = rig.layout.k;
  const ankle = rig.world(`${side}Foot`);
  const toes = rig.world(`${side}Toes`);
  const chain = [
    { bone: rig.index(`${side}Foot`), from: ankle, to: toes },
    { bone: rig.index(`${side}Toes`), from: toes, to: [toes[0], toes[1], toes[2] + 0.06 * k] as Vec3 },
  ];
  const weights = (p: Vec3) => chainWeights(p, chain, 0.02 * k);
  const heel = ankle[2] - 0.05 * k;
  const toe = toes[2] + 0.06 * k;
  const sole = 0.012 * k;
  const chunky = desc.outfit.sneakers ? 1.12 : 1;
  const build = (grow: number, bottom: number, heightScale: number): Vec3[][] => {
    const rows: Vec3[][] = [];
    const n = 14;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const z = heel + (toe - heel) * t;
      const cap = Math.sin(Math.PI * Math.min(1, Math.max(0.06, t < 0.5 ? t * 1.6 : (1 - t) * 3.2 + 0.02)) * 0.5);
      const halfW = (profile([[0, 0.03], [0.55, 0.041], [0.85, 0.038], [1, 0.03]], t) * k * chunky + grow) * Math.max(0.25, cap);
      const halfH = (profile([[0, 0.05], [0.3, 0.052], [0.55, 0.03], [1, 0.022]], t) * k * heightScale + grow) * Math.max(0.3, cap);
      rows.push(ring([ankle[0] + (side === "left" ? 1 : -1) * 0.004 * k * t, bottom + halfH, z], [1, 0, 0], [0, 1, 0], halfW, halfH, 16, 2.8));
    }
    return rows;
  };
  addGrid(builder, build(0, sole * 0.6, 1), { material: "shoes", weights, capStart: true, capEnd: true });
  addGrid(builder, build(0.003 * k, 0, sole / (0.05 * k)), { material: "sole", weights, capStart: true, capEnd: true });
}
