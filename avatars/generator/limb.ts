/**
 * Tubes along a bone path (arms, legs, neck, fingers) with a radius profile and a material per
 * stretch. Where the material changes, the wider stretch closes its own edge (a sleeve hem, a
 * sock top), so clothing reads as a separate layer without holes.
 */
import { add, length, normalize, scale, sub, type Vec3 } from "./math";
import type { BoneWeights, MeshBuilder } from "./meshBuilder";
import { addGrid, frame, ring } from "./surface";

export interface LimbSpec {
  path: readonly Vec3[];
  /** Radius at arc-length fraction s (0 root … 1 tip). */
  radius: (s: number) => number;
  /** Material at arc-length fraction s; boundaries become hems. */
  material: (s: number) => string;
  /** Extra radius for clothing stretches (so cloth sits proud of skin). */
  clothOffset?: (material: string) => number;
  weights: (p: Vec3) => BoneWeights;
  rows: number;
  segments: number;
  /** Cross-section squash: depth/width ratio along the limb's second axis. */
  flatten?: number;
  capStart?: boolean;
  capEnd?: boolean;
  /** Up hint for the cross-section frame. */
  hint?: Vec3;
}

function pointAt(path: readonly Vec3[], s: number): { p: Vec3; axis: Vec3 } {
  const lengths = path.slice(1).map((p, i) => length(sub(p, path[i]!)));
  const total = lengths.reduce((a, b) => a + b, 0);
  let d = s * total;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    if (d <= l || i === lengths.length - 1) {
      const a = path[i]!;
      const axis = normalize(sub(path[i + 1]!, a));
      return { p: add(a, scale(axis, Math.min(d, l))), axis };
    }
    d -= l;
  }
  throw new Error("empty path");
}

export function addLimb(builder: MeshBuilder, spec: LimbSpec): void {
  const offset = spec.clothOffset ?? (() => 0);
  const ringAt = (s: number, r: number): Vec3[] => {
    const { p, axis } = pointAt(spec.path, s);
    const [u, v] = frame(axis, spec.hint ?? [0, 0, 1]);
    return ring(p, u, v, r, r * (spec.flatten ?? 1), spec.segments);
  };
  const radiusFor = (s: number, material: string): number => spec.radius(s) + offset(material);
  // Stretches of equal material, found on a fine sampling so boundaries land between rows.
  const samples = Array.from({ length: spec.rows + 1 }, (_, i) => i / spec.rows);
  const stretches: Array<{ material: string; from: number; to: number }> = [];
  const fine = 400;
  for (let i = 0; i <= fine; i++) {
    const s = i / fine;
    const m = spec.material(s);
    const last = stretches[stretches.length - 1];
    if (last && last.material === m) last.to = s;
    else stretches.push({ material: m, from: last ? last.to : 0, to: s });
  }
  stretches.forEach((stretch, i) => {
    const rows: Vec3[][] = [];
    const prev = stretches[i - 1];
    const next = stretches[i + 1];
    const r0 = radiusFor(stretch.from, stretch.material);
    if (prev && radiusFor(stretch.from, prev.material) < r0) rows.push(ringAt(stretch.from, radiusFor(stretch.from, prev.material)));
    const inner = samples.filter((s) => s > stretch.from + 1e-6 && s < stretch.to - 1e-6);
    for (const s of [stretch.from, ...inner, stretch.to]) rows.push(ringAt(s, radiusFor(s, stretch.material)));
    if (next && radiusFor(stretch.to, next.material) < radiusFor(stretch.to, stretch.material)) {
      rows.push(ringAt(stretch.to, radiusFor(stretch.to, next.material)));
    }
    addGrid(builder, rows, {
      material: stretch.material,
      weights: (p) => spec.weights(p),
      capStart: i === 0 && spec.capStart,
      capEnd: i === stretches.length - 1 && spec.capEnd,
    });
  });
}
