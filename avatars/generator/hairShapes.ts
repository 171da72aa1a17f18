/** Hair building blocks: the scalp cap, tapered strands (locks with a flat lens section) and buns. */
import type { HeadSurface } from "./head";
import { add, cross, dot, normalize, scale, sphericalDir, sub, type Vec3 } from "./math";
import type { BoneWeights, MeshBuilder } from "./meshBuilder";
import { addGrid } from "./surface";

export type Weights = (p: Vec3) => BoneWeights;

/** A point on the hair volume: the skin in direction (theta, phi), raised by `lift` along the direction. */
export function scalp(surface: HeadSurface, theta: number, phi: number, lift: number): Vec3 {
  const d = sphericalDir(theta, phi);
  return add(surface.point(d), scale(d, lift));
}

/** The cap of hair over the skull, down to `edge(phi)` (polar angle) all around. */
export function addCap(builder: MeshBuilder, surface: HeadSurface, edge: (phi: number) => number, lift: (theta: number, phi: number) => number, weights: Weights): void {
  const rows: Vec3[][] = [];
  const around = 40;
  const down = 16;
  for (let i = 1; i <= down; i++) {
    const row: Vec3[] = [];
    for (let j = 0; j < around; j++) {
      const phi = (j / around) * Math.PI * 2;
      const theta = (edge(phi) * i) / down;
      row.push(scalp(surface, theta, phi, lift(theta, phi)));
    }
    rows.push(row);
  }
  // A thin rim: the edge folds back under itself, so the cap has visible thickness.
  rows.push(rows[rows.length - 1]!.map((p) => sub(p, scale(normalize(sub(p, surface.centre)), 0.006))));
  addGrid(builder, rows, { material: "hair", weights, capStart: true });
}

export interface StrandSpec {
  /** Centre line from root to tip. */
  path: Vec3[];
  /** Half width at s (0 root … 1 tip). */
  width: (s: number) => number;
  /** Half thickness at s. */
  thickness: (s: number) => number;
  /** The point the strand's flat side faces away from (usually the head centre). */
  away: Vec3 | ((p: Vec3) => Vec3);
  /** Arc fraction from which the strand uses the tips colour (1 = never). */
  tipsFrom?: number;
  weights: Weights;
}

const SECTION = 8;

/** A lock of hair: a lens-shaped section swept along the path, curved to hug what is beneath it. */
export function addStrand(builder: MeshBuilder, spec: StrandSpec): void {
  const n = spec.path.length;
  const rings: Vec3[][] = spec.path.map((p, i) => {
    const s = i / (n - 1);
    const tangent = normalize(sub(spec.path[Math.min(n - 1, i + 1)]!, spec.path[Math.max(0, i - 1)]!));
    const from = typeof spec.away === "function" ? spec.away(p) : spec.away;
    let out = normalize(sub(p, from));
    out = normalize(sub(out, scale(tangent, dot(out, tangent))));
    const side = normalize(cross(tangent, out));
    const w = spec.width(s);
    const t = spec.thickness(s);
    const ring: Vec3[] = [];
    for (let k = 0; k < SECTION; k++) {
      const a = (k / SECTION) * Math.PI * 2;
      const c = Math.cos(a);
      // Lens section bowed towards the head, like a lock lying on a curved surface.
      const bow = -0.35 * w * (1 - c * c);
      ring.push(add(p, add(scale(side, c * w), scale(out, Math.sin(a) * t + bow * 0.3))));
    }
    return ring;
  });
  const split = Math.round((spec.tipsFrom ?? 1) * (n - 1));
  if (split <= 0 || split >= n - 1) {
    addGrid(builder, rings, { material: split <= 0 ? "hairTips" : "hair", weights: spec.weights, capStart: true });
    return;
  }
  addGrid(builder, rings.slice(0, split + 1), { material: "hair", weights: spec.weights, capStart: true });
  addGrid(builder, rings.slice(split), { material: "hairTips", weights: spec.weights });
}

/** A round bun of hair with a few soft lobes, so it reads as wound hair rather than a ball. */
export function addBun(builder: MeshBuilder, centre: Vec3, radius: number, axis: Vec3, weights: Weights, material = "hair"): void {
  const up = normalize(axis);
  const side = normalize(cross(up, Math.abs(up[1]) > 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const fwd = cross(side, up);
  const rows: Vec3[][] = [];
  const lat = 12;
  const lon = 20;
  for (let i = 1; i < lat; i++) {
    const theta = (i / lat) * Math.PI;
    const row: Vec3[] = [];
    for (let j = 0; j < lon; j++) {
      const phi = (j / lon) * Math.PI * 2;
      const swirl = 1 + 0.07 * Math.sin(phi * 5 + theta * 3) * Math.sin(theta);
      const r = radius * swirl;
      row.push(add(centre, add(scale(up, Math.cos(theta) * r * 0.9), add(scale(side, Math.sin(theta) * Math.cos(phi) * r), scale(fwd, Math.sin(theta) * Math.sin(phi) * r)))));
    }
    rows.push(row);
  }
  addGrid(builder, rows, { material, weights, capStart: true, capEnd: true });
}

/** A path that follows the scalp from (theta0, phi0) to (theta1, phi1), then hangs straight down by `hang` metres and curls. */
export function scalpPath(
  surface: HeadSurface,
  from: [number, number],
  to: [number, number],
  lift: (s: number) => number,
  hang = 0,
  curl = 0,
  steps = 10,
): Vec3[] {
  const pts: Vec3[] = [];
  for (let i = 0; i <= steps; i++) {
    const s = i / steps;
    pts.push(scalp(surface, from[0] + (to[0] - from[0]) * s, from[1] + (to[1] - from[1]) * s, lift(hang > 0 ? s * 0.6 : s)));
  }
  if (hang > 0) {
    const last = pts[pts.length - 1]!;
    const outward = normalize([last[0] - surface.centre[0], 0, last[2] - surface.centre[2]]);
    const hangSteps = Math.max(3, Math.round(steps * 0.8));
    for (let i = 1; i <= hangSteps; i++) {
      const s = i / hangSteps;
      // Falls straight, then the ends turn in (positive curl) or flick out (negative).
      const inward = curl * Math.sin((s * Math.PI) / 2) ** 3;
      pts.push(add(last, add([0, -hang * s, 0], scale(outward, 0.004 * Math.sin(s * Math.PI) - inward))));
    }
  }
  return pts;
}
