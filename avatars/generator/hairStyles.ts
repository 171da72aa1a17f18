/**
 * The four hair styles: a soft bob, a long ponytail, short spikes, and twin buns. Each is a cap,
 * bangs, and the style's own locks; locks that swing hang on spring-bone chains.
 */
import type { AvatarDescription, HairStyle } from "./description";
import { addHairChain, type SpringDefinition } from "./hairChains";
import { addBun, addCap, addStrand, scalp, scalpPath, type Weights } from "./hairShapes";
import type { HeadSurface } from "./head";
import { seededRandom } from "../../client/world/seededRandom";
import { add, deg, lerp, normalize, profile, scale, sphericalDir, sub, type Vec3 } from "./math";
import type { MeshBuilder } from "./meshBuilder";
import type { Rig } from "./rig";

export interface HairContext {
  builder: MeshBuilder;
  rig: Rig;
  surface: HeadSurface;
  desc: AvatarDescription;
  /** Head scale: 1 for a 0.25 m head. */
  hk: number;
  head: Weights;
  random: () => number;
}

const FEEL_SOFT = { hitRadius: 0.02, stiffness: 0.9, gravityPower: 0.35, dragForce: 0.45, colliderGroups: ["head", "body"] };

const taper = (root: number, tipSharpness = 1.4) => (s: number) => root * Math.max(0.04, 1 - s ** tipSharpness) * (0.75 + 0.25 * Math.sin(Math.PI * Math.min(1, s * 1.8 + 0.3)));

/** Bangs across the forehead: `count` locks between phi ±spread, ending at polar angles from `endTheta`. */
function bangs(ctx: HairContext, count: number, spread: number, endTheta: (u: number) => number, sweep: number, width: number): void {
  const { surface, hk } = ctx;
  for (let i = 0; i < count; i++) {
    const u = count === 1 ? 0.5 : i / (count - 1);
    const phi = deg(lerp(-spread, spread, u) + (ctx.random() - 0.5) * 4);
    const path = scalpPath(surface, [deg(14), phi * 0.5], [endTheta(u), phi + deg(sweep)], (s) => (0.011 + 0.008 * s * s) * hk, 0, 0, 12);
    addStrand(ctx.builder, {
      path,
      width: taper(width * hk * (0.9 + 0.2 * ctx.random())),
      thickness: (s) => 0.005 * hk * (1 - 0.7 * s),
      away: surface.centre,
      tipsFrom: 0.75,
      weights: ctx.head,
    });
  }
}

/** Locks falling from the crown over the sides and back (degrees from the front), ending `hang` below the ears with the tips turned in. */
function backLocks(ctx: HairContext, fromDeg: number, toDeg: number, hang: number, weightsAt: (phi: number) => Weights): void {
  const { surface, hk } = ctx;
  for (let a = fromDeg; a <= toDeg; a += 11) {
    const phi = deg(a + (ctx.random() - 0.5) * 3);
    const path = scalpPath(surface, [deg(16), phi], [deg(96), phi], (s) => (0.008 + 0.009 * s) * hk, hang * (0.92 + 0.16 * ctx.random()), 0.012 * hk, 10);
    addStrand(ctx.builder, {
      path,
      width: (s) => 0.03 * hk * (s < 0.85 ? 1 : Math.max(0.15, (1 - s) / 0.15)),
      thickness: (s) => 0.0075 * hk * (1 - 0.5 * s),
      away: (p) => [surface.centre[0], p[1] + 0.02, surface.centre[2]],
      tipsFrom: 0.8,
      weights: weightsAt(phi),
    });
  }
}

function bob(ctx: HairContext): SpringDefinition[] {
  const { surface, hk, rig } = ctx;
  addCap(ctx.builder, surface, (phi) => deg(profile([[0, 52], [0.7, 58], [1.2, 100], [3.14, 118]], Math.abs(((phi + Math.PI) % (2 * Math.PI)) - Math.PI))), () => 0.013 * hk, ctx.head);
  bangs(ctx, 9, 48, (u) => deg(84 + 14 * Math.abs(u - 0.5) ** 2 * 4), 0, 0.02);
  const chainPhis = [70, 125, 180, 235, 290];
  const hang = 0.085 * hk;
  const chains = chainPhis.map((deg0) => {
    const phi = deg(deg0);
    const top = scalp(surface, deg(95), phi, 0.016 * hk);
    const pts: Vec3[] = [top, add(top, [0, -hang * 0.5, 0]), add(top, [0, -hang, 0]), add(top, [0, -hang * 1.3, 0])];
    return { phi, chain: addHairChain(rig, `hairBob${deg0}_`, pts, { ...FEEL_SOFT, stiffness: 0.5, dragForce: 0.3 }, 0.025 * hk) };
  });
  backLocks(ctx, 55, 305, hang, (phi) => chains.reduce((best, c) => (Math.abs(c.phi - phi) < Math.abs(best.phi - phi) ? c : best)).chain.weights);
  return chains.map((c) => c.chain.spring);
}

function ponytail(ctx: HairContext): SpringDefinition[] {
  const { surface, hk, rig } = ctx;
  const L = rig.layout;
  addCap(ctx.builder, surface, (phi) => deg(profile([[0, 48], [0.8, 70], [1.3, 102], [3.14, 120]], Math.abs(((phi + Math.PI) % (2 * Math.PI)) - Math.PI))), () => 0.009 * hk, ctx.head);
  bangs(ctx, 7, 42, (u) => deg(76 + 20 * u), 16, 0.022);
  const springs: SpringDefinition[] = [];
  for (const side of [1, -1]) {
    const phi = deg(side * 72);
    const top = scalp(surface, deg(88), phi, 0.012 * hk);
    const drop = L.headCenter[1] - L.shoulderY + 0.02 * L.k;
    const pts: Vec3[] = [top, add(top, [0, -drop * 0.45, 0.01]), add(top, [0, -drop * 0.85, 0.02]), add(top, [0, -drop * 1.05, 0.02])];
    const chain = addHairChain(rig, side > 0 ? "hairSideL" : "hairSideR", pts, FEEL_SOFT, 0.02 * hk);
    springs.push(chain.spring);
    addStrand(ctx.builder, {
      path: scalpPath(surface, [deg(30), phi * 0.6], [deg(90), phi], (s) => (0.012 + 0.004 * s) * hk, drop, -0.01 * hk, 10),
      width: taper(0.026 * hk, 2),
      thickness: () => 0.006 * hk,
      away: (p) => [surface.centre[0], p[1], surface.centre[2]],
      tipsFrom: 0.75,
      weights: chain.weights,
    });
  }
  // The tail: gathered high at the back, tied, then falling to the middle of the back.
  const anchor = scalp(surface, deg(72), Math.PI, 0.012 * hk);
  const length = 0.5 * L.k;
  const axis: Vec3[] = [];
  for (let i = 0; i <= 14; i++) {
    const s = i / 14;
    const out = 0.05 * L.k * Math.sin(Math.min(1, s * 2.2) * Math.PI * 0.5) - 0.012 * L.k * s;
    axis.push(add(anchor, [0.01 * L.k * Math.sin(s * 3), 0.025 * L.k * Math.sin(Math.min(1, s * 4) * Math.PI) - length * s ** 1.15, -out - 0.015 * L.k]));
  }
  const bonePoints = [0, 4, 8, 11, 14].map((i) => axis[i]!);
  const tail = addHairChain(rig, "hairTail", bonePoints, { ...FEEL_SOFT, hitRadius: 0.035, stiffness: 0.75, colliderGroups: ["head", "body", "back"] }, 0.04 * L.k);
  springs.push(tail.spring);
  const bulk = (s: number) => 0.03 * hk * (0.7 + 0.9 * Math.sin(Math.PI * Math.min(1, 0.15 + s * 1.2))) * (1 - s ** 3);
  for (let k = 0; k < 7; k++) {
    const a = (k / 7) * Math.PI * 2;
    const path = axis.map((p, i) => {
      const s = i / (axis.length - 1);
      const r = bulk(s) * 0.55;
      return add(p, [Math.cos(a) * r, 0, Math.sin(a) * r * 0.8 + 0.004 * Math.sin(s * 7 + k)]);
    });
    addStrand(ctx.builder, {
      path,
      width: (s) => bulk(s) * 0.95,
      thickness: (s) => bulk(s) * 0.45,
      away: (p) => {
        const i = Math.min(axis.length - 1, Math.max(0, axis.findIndex((q) => q[1] <= p[1])));
        return axis[i]!;
      },
      tipsFrom: 0.7,
      weights: tail.weights,
    });
  }
  // The tie, a small ring where the tail is gathered.
  const tie = add(anchor, [0, 0.002, -0.014 * L.k]);
  addBun(ctx.builder, tie, 0.016 * hk, [0, 0, -1], ctx.head, "ribbon");
  return springs;
}

function spiky(ctx: HairContext): SpringDefinition[] {
  const { surface, hk, rig } = ctx;
  addCap(ctx.builder, surface, (phi) => deg(profile([[0, 50], [0.9, 64], [1.35, 96], [3.14, 112]], Math.abs(((phi + Math.PI) % (2 * Math.PI)) - Math.PI))), () => 0.014 * hk, ctx.head);
  const spike = (theta: number, phi: number, length: number, lift: number, width: number) => {
    const start = scalp(surface, theta, phi, 0.014 * hk);
    const end = scalp(surface, theta + length, phi + (ctx.random() - 0.5) * 0.2, lift);
    const mid = add(scale(add(start, end), 0.5), scale(normalize(sub(scale(add(start, end), 0.5), surface.centre)), 0.012 * hk));
    addStrand(ctx.builder, {
      path: [0, 0.25, 0.5, 0.75, 1].map((s) => quad(start, mid, end, s)),
      width: (s) => width * hk * Math.max(0.02, 1 - s ** 1.6),
      thickness: (s) => 0.011 * hk * (1 - s * 0.8),
      away: surface.centre,
      tipsFrom: 0.7,
      weights: ctx.head,
    });
  };
  for (let ring = 0; ring < 3; ring++) {
    const count = [4, 7, 9][ring]!;
    for (let i = 0; i < count; i++) {
      const phi = deg(((i + 0.5 * ring) / count) * 360 + 180);
      const front = Math.cos(phi) > 0.55;
      if (front && ring > 0) continue;
      spike(deg(8 + ring * 30), phi, deg(46 + 10 * ctx.random()), (0.03 + 0.02 * ctx.random()) * hk, 0.062);
    }
  }
  bangs(ctx, 6, 44, (u) => deg(70 + 14 * Math.abs(u - 0.5) * 2), 10, 0.03);
  // An ahoge: one lock springing up from the crown.
  const crown = scalp(surface, deg(12), deg(10), 0.012 * hk);
  const pts: Vec3[] = [crown, add(crown, [0, 0.03 * hk, 0.012 * hk]), add(crown, [0, 0.045 * hk, 0.04 * hk])];
  const chain = addHairChain(rig, "hairAhoge", pts, { ...FEEL_SOFT, hitRadius: 0.01, stiffness: 1.6, gravityPower: 0.1, colliderGroups: ["head"] }, 0.01 * hk);
  addStrand(ctx.builder, {
    path: [0, 0.2, 0.4, 0.6, 0.8, 1].map((s) => quad(crown, add(crown, [0, 0.05 * hk, 0]), pts[2]!, s)),
    width: (s) => 0.008 * hk * (1 - s),
    thickness: () => 0.003 * hk,
    away: (p) => add(p, [1, 0, 0]),
    tipsFrom: 0.7,
    weights: chain.weights,
  });
  return [chain.spring];
}

function quad(a: Vec3, b: Vec3, c: Vec3, s: number): Vec3 {
  const u = 1 - s;
  return add(add(scale(a, u * u), scale(b, 2 * u * s)), scale(c, s * s));
}

function twinBuns(ctx: HairContext): SpringDefinition[] {
  const { surface, hk, rig } = ctx;
  const L = rig.layout;
  addCap(ctx.builder, surface, (phi) => deg(profile([[0, 50], [0.8, 66], [1.3, 100], [3.14, 115]], Math.abs(((phi + Math.PI) % (2 * Math.PI)) - Math.PI))), () => 0.012 * hk, ctx.head);
  bangs(ctx, 9, 46, (u) => deg(80 + 12 * Math.abs(u - 0.5) ** 1.5 * 2.8), 0, 0.019);
  backLocks(ctx, 110, 250, 0.03 * hk, () => ctx.head);
  const springs: SpringDefinition[] = [];
  for (const side of [1, -1]) {
    const dir = sphericalDir(deg(38), deg(side * 62));
    const centre = add(scalp(surface, deg(38), deg(side * 62), 0.012 * hk), scale(dir, 0.026 * hk));
    addBun(ctx.builder, centre, 0.043 * hk, dir, ctx.head);
    // Locks falling from under the bun, down to the shoulders.
    const root = add(centre, add(scale(dir, -0.01 * hk), [side * 0.012 * hk, -0.03 * hk, -0.03 * hk]));
    const drop = root[1] - L.shoulderY + 0.09 * L.k;
    const pts: Vec3[] = [root, add(root, [side * 0.012 * L.k, -drop * 0.4, -0.01 * L.k]), add(root, [side * 0.016 * L.k, -drop * 0.8, -0.012 * L.k]), add(root, [side * 0.012 * L.k, -drop, -0.01 * L.k])];
    const chain = addHairChain(rig, side > 0 ? "hairTwinL" : "hairTwinR", pts, { ...FEEL_SOFT, colliderGroups: ["head", "body"] }, 0.02 * hk);
    springs.push(chain.spring);
    for (let k = 0; k < 3; k++) {
      const off: Vec3 = [(k - 1) * 0.012 * hk, 0, ((k % 2) - 0.5) * 0.012 * hk];
      const path = Array.from({ length: 12 }, (_, i) => {
        const s = i / 11;
        const seg = Math.min(2, Math.floor(s * 3));
        const t = s * 3 - seg;
        return add(add(pts[seg]!, scale(sub(pts[seg + 1]!, pts[seg]!), t)), scale(off, 1 - s * 0.6));
      });
      addStrand(ctx.builder, {
        path,
        width: taper(0.02 * hk, 1.6),
        thickness: () => 0.008 * hk,
        away: (p) => add(p, [-side, 0, 0]),
        tipsFrom: 0.65,
        weights: chain.weights,
      });
    }
  }
  for (const side of [1, -1]) {
    addStrand(ctx.builder, {
      path: scalpPath(surface, [deg(40), deg(side * 55)], [deg(104), deg(side * 70)], (s) => (0.012 + 0.006 * s) * hk, 0, 0, 10),
      width: taper(0.015 * hk, 1.5),
      thickness: () => 0.005 * hk,
      away: surface.centre,
      tipsFrom: 0.7,
      weights: ctx.head,
    });
  }
  return springs;
}

const STYLES: Record<HairStyle, (ctx: HairContext) => SpringDefinition[]> = { bob, ponytail, spiky, twinBuns };

export function addHair(builder: MeshBuilder, rig: Rig, surface: HeadSurface, desc: AvatarDescription): SpringDefinition[] {
  const head: Weights = () => [[rig.index("head"), 1]];
  const hk = rig.layout.headHeight / 0.25;
  const random = seededRandom([...desc.id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  return STYLES[desc.hair.style]({ builder, rig, surface, desc, hk, head, random });
}
